package org.meridian.serve.guard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.web.HttpSC;

/**
 * Fuseki's SPARQL Update service for curators, narrowed: the request must be a direct
 * {@code application/sparql-update} POST (an HTML form on another site cannot send one, so no
 * cross-site form can write), in standard SPARQL 1.1, without {@code LOAD} (which would make
 * the server fetch any file or URL it is given).
 */
final class CuratorUpdate extends SPARQL_Update {
    @Override
    public void validate(HttpAction action) {
        String method = action.getRequestMethod();
        String type = action.getRequestContentType();
        boolean direct = type != null && WebContent.contentTypeSPARQLUpdate.equals(ContentType.create(type).getContentTypeStr());
        if (("POST".equals(method) || "PATCH".equals(method)) && !direct)
            ServletOps.error(HttpSC.UNSUPPORTED_MEDIA_TYPE_415,
                    "curator updates must be sent as " + WebContent.contentTypeSPARQLUpdate);
        super.validate(action);
    }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        byte[] body;
        try {
            body = input.readAllBytes();
        } catch (IOException e) {
            ServletOps.errorBadRequest("could not read the update: " + e.getMessage());
            return;
        }
        UpdateRequest request;
        try {
            request = UpdateFactory.create(new String(body, StandardCharsets.UTF_8), Fuseki.BaseParserSPARQL,
                    Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            ServletOps.errorBadRequest("this endpoint accepts standard SPARQL 1.1 Update only: "
                    + SPARQLProtocol.messageForParseException(e));
            return;
        }
        if (request.getOperations().stream().anyMatch(UpdateLoad.class::isInstance))
            ServletOps.errorBadRequest("LOAD is not available: send the data in the update itself (INSERT DATA)");
        super.execute(action, new ByteArrayInputStream(body));
    }
}
