package org.meridian.serve.guard;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.Rewrite;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * REGEX and REPLACE that a query's cancellation can stop in the middle of one match.
 * <p>
 * Java's regular expressions backtrack: a pattern such as {@code ^(.*a){20}$} against a
 * literal of a few dozen characters runs for hours inside one call, where Jena 5.6 never
 * looks at its cancel flag, so a timed-out query goes on burning a core. Here the text is
 * handed to the matcher through a {@link CharSequence} that checks the query's cancel signal
 * as the matcher reads it. The query plan is rewritten so that {@code REGEX}, {@code REPLACE},
 * {@code fn:matches} and {@code fn:replace} call these versions; their results are unchanged.
 */
public final class InterruptibleRegex {
    static final String REGEX = "urn:meridian:function:regex";
    static final String REPLACE = "urn:meridian:function:replace";
    private static final String XPATH = "http://www.w3.org/2005/xpath-functions#";

    private InterruptibleRegex() {}

    /** Makes every query run with {@code context} use the interruptible versions. */
    public static void install(Context context) {
        FunctionRegistry registry = FunctionRegistry.createFrom(FunctionRegistry.get());
        registry.put(REGEX, uri -> new Matches());
        registry.put(XPATH + "matches", uri -> new Matches());
        registry.put(REPLACE, uri -> new Replace());
        registry.put(XPATH + "replace", uri -> new Replace());
        FunctionRegistry.set(context, registry);

        RewriteFactory standard = Optimize.getFactory();
        RewriteFactory withRewrite = cxt -> {
            Rewrite optimizer = standard.create(cxt);
            return op -> rewrite(optimizer.rewrite(op));
        };
        context.set(ARQConstants.sysOptimizerFactory, withRewrite);
    }

    static Op rewrite(Op op) {
        return Transformer.transform(new TransformCopy(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN func, ExprList args) {
                if (func instanceof E_Regex)
                    return new E_Function(REGEX, args);
                if (func instanceof E_StrReplace)
                    return new E_Function(REPLACE, args);
                return super.transform(func, args);
            }
        }, op);
    }

    /** Compiles patterns as Jena does (same flags, same errors), remembering the last one. */
    private abstract static class RegexFunction extends FunctionBase {
        private final String label;
        private final int minArgs;
        private String lastKey;
        private Pattern lastPattern;

        RegexFunction(String label, int minArgs) {
            this.label = label;
            this.minArgs = minArgs;
        }

        @Override
        public void checkBuild(String uri, ExprList args) {
            if (args.size() != minArgs && args.size() != minArgs + 1)
                throw new org.apache.jena.query.QueryBuildException(label + ": wrong number of arguments: " + args.size());
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            return exec(args, (AtomicBoolean) null);
        }

        @Override
        protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
            AtomicBoolean cancel = env == null ? null : Context.getCancelSignal(env.getContext());
            return exec(args, cancel);
        }

        abstract NodeValue exec(List<NodeValue> args, AtomicBoolean cancel);

        String string(NodeValue value) {
            return NodeValueOps.checkAndGetStringLiteral(label, value).getLiteralLexicalForm();
        }

        Pattern pattern(NodeValue pattern, NodeValue flags) {
            String text = string(pattern);
            String flagText = flags == null ? null : string(flags);
            String key = flagText + "/" + text;
            if (!key.equals(lastKey)) {
                lastPattern = RegexEngine.makePattern(label, text, flagText);
                lastKey = key;
            }
            return lastPattern;
        }
    }

    private static final class Matches extends RegexFunction {
        Matches() {
            super("REGEX", 2);
        }

        @Override
        NodeValue exec(List<NodeValue> args, AtomicBoolean cancel) {
            String text = string(args.get(0));
            Pattern pattern = pattern(args.get(1), args.size() > 2 ? args.get(2) : null);
            return NodeValue.booleanReturn(pattern.matcher(new CancellableText(text, cancel)).find());
        }
    }

    private static final class Replace extends RegexFunction {
        Replace() {
            super("REPLACE", 3);
        }

        @Override
        NodeValue exec(List<NodeValue> args, AtomicBoolean cancel) {
            Node input = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(0));
            String text = input.getLiteralLexicalForm();
            Pattern pattern = pattern(args.get(1), args.size() > 3 ? args.get(3) : null);
            String replacement = string(args.get(2));
            Matcher matcher = pattern.matcher(new CancellableText(text, cancel));
            StringBuilder out = new StringBuilder();
            boolean replaced = false;
            try {
                while (matcher.find()) {
                    // As in Jena: an empty match right after another match is not replaced again.
                    if (replaced && matcher.start() == matcher.end())
                        continue;
                    matcher.appendReplacement(out, replacement);
                    replaced = true;
                }
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                throw new ExprEvalException("REPLACE: " + e.getMessage());
            }
            if (!replaced)
                return args.get(0);
            matcher.appendTail(out);
            String result = out.toString();
            if (result.equals(text))
                return args.get(0);
            String lang = input.getLiteralLanguage();
            return lang == null || lang.isEmpty() ? NodeValue.makeString(result) : NodeValue.makeLangString(result, lang);
        }
    }

    /** The text a matcher reads, checking now and then whether the query has been cancelled. */
    static final class CancellableText implements CharSequence {
        private final String text;
        private final AtomicBoolean cancel;
        private int reads;

        CancellableText(String text, AtomicBoolean cancel) {
            this.text = text;
            this.cancel = cancel;
        }

        @Override
        public char charAt(int index) {
            // A volatile read per character would slow every match; every 4096th is plenty.
            if (cancel != null && (++reads & 0xFFF) == 0 && cancel.get())
                throw new QueryCancelledException();
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new CancellableText(text.substring(start, end), cancel);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
