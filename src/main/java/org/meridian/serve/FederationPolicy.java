package org.meridian.serve;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * What SPARQL SERVICE may call. By default nothing: SERVICE would let any visitor make the server
 * fetch from any address. With an allow-list, exactly the listed endpoint IRIs and nothing else;
 * a SERVICE whose endpoint is a variable is refused whatever it is bound to. Jena 5.6 has no
 * allow-list of its own: this puts a link at the head of a SERVICE executor chain of our own
 * (ahead of Jena's HTTP executor), so every call is checked before any connection is made.
 * A refusal is a {@link QueryDeniedException}, which Fuseki answers with 422.
 */
public final class FederationPolicy implements ChainingServiceExecutor {
    /** How long one SERVICE call may take, in milliseconds. */
    static final String CALL_TIMEOUT_MS = "30000";

    private final Set<String> allowed;

    private FederationPolicy(Set<String> allowed) {
        this.allowed = allowed;
    }

    /** Sets the SERVICE policy in a dataset's context. */
    public static void apply(Context context, List<String> allowList) {
        FederationPolicy policy = new FederationPolicy(new TreeSet<>(allowList));
        ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
        registry.add(ServiceExecutorRegistry.httpService);
        registry.addSingleLink(policy);
        ServiceExecutorRegistry.set(context, registry);
        context.set(ARQ.httpServiceAllowed, !allowList.isEmpty());
        if (!allowList.isEmpty()) {
            // A listed endpoint must not be able to send the server somewhere else.
            context.set(ARQ.httpQueryClient, HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build());
            context.set(ARQ.httpQueryTimeout, CALL_TIMEOUT_MS);
        }
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService opOriginal, Binding binding,
                                         ExecutionContext execCxt, ServiceExecutor chain) {
        Node original = opOriginal.getService();
        Node target = opExecute.getService();
        if (allowed.isEmpty())
            throw new QueryDeniedException("SERVICE is off on this endpoint: it makes no outside calls"
                    + " (an operator can allow endpoints with 'meridian serve --federate URL')");
        if (original.isVariable())
            throw new QueryDeniedException("SERVICE " + original + " is refused: name the endpoint in the query; "
                    + "allowed are " + listed());
        if (!target.isURI() || !allowed.contains(target.getURI()))
            throw new QueryDeniedException("SERVICE <" + (target.isURI() ? target.getURI() : target.toString())
                    + "> is refused: this endpoint only federates with " + listed());
        return chain.createExecution(opExecute, opOriginal, binding, execCxt);
    }

    private String listed() {
        return String.join(", ", allowed.stream().map(iri -> "<" + iri + ">").toList());
    }
}
