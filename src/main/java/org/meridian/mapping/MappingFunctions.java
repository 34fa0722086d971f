package org.meridian.mapping;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase1;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * The functions mappings may call besides standard SPARQL, under
 * {@code PREFIX fn: <https://meridian.example.org/function#>}. They check cells and turn them into
 * terms; a cell they refuse makes its row a problem with the function's message.
 * <ul>
 * <li>{@code fn:slug(x)}: x itself if it is a slug (lower-case letters, digits, inner hyphens);</li>
 * <li>{@code fn:ref(x)}: x itself if it is {@code kind/slug}, a reference to an entity;</li>
 * <li>{@code fn:date(x)}: x typed by its precision: xsd:gYear, xsd:gYearMonth or xsd:date;</li>
 * <li>{@code fn:text(path)}: the UTF-8 text of a file under the data folder.</li>
 * </ul>
 */
public final class MappingFunctions {
    public static final String NAMESPACE = "https://meridian.example.org/function#";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-+[a-z0-9]+)*");
    private static final Pattern REF = Pattern.compile("[a-z]+/" + SLUG.pattern());
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private MappingFunctions() {}

    /** A query-execution context whose function registry has these functions added. */
    static Context context(Path dataFolder) {
        FunctionRegistry functions = FunctionRegistry.createFrom(FunctionRegistry.get());
        functions.put(NAMESPACE + "slug", uri -> new Checked(SLUG,
                "is not a valid id: use lower-case letters, digits and hyphens, e.g. vladimir-putin"));
        functions.put(NAMESPACE + "ref", uri -> new Checked(REF,
                "is not a valid reference: write kind/id, e.g. person/vladimir-putin"));
        functions.put(NAMESPACE + "date", uri -> new DateByPrecision());
        functions.put(NAMESPACE + "text", uri -> new FileText(dataFolder));
        Context context = ARQ.getContext().copy();
        FunctionRegistry.set(context, functions);
        return context;
    }

    private static String string(NodeValue value) {
        if (!value.isString())
            throw new ExprEvalException("expected text, not " + value);
        return value.getString();
    }

    /** Passes a string through unchanged if it matches a pattern. */
    private static final class Checked extends FunctionBase1 {
        private final Pattern pattern;
        private final String complaint;

        Checked(Pattern pattern, String complaint) {
            this.pattern = pattern;
            this.complaint = complaint;
        }

        @Override
        public NodeValue exec(NodeValue value) {
            String text = string(value);
            if (!pattern.matcher(text).matches())
                throw new ExprEvalException("'" + text + "' " + complaint);
            return value;
        }
    }

    /** Types a date by the precision it is written at, so '2024-05' stays a month. */
    private static final class DateByPrecision extends FunctionBase1 {
        @Override
        public NodeValue exec(NodeValue value) {
            String text = string(value);
            XSDDatatype type = DAY.matcher(text).matches() ? XSDDatatype.XSDdate
                    : YEAR_MONTH.matcher(text).matches() ? XSDDatatype.XSDgYearMonth
                    : YEAR.matcher(text).matches() ? XSDDatatype.XSDgYear
                    : null;
            if (type == null || !type.isValid(text))
                throw new ExprEvalException("'" + text + "' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
            return NodeValue.makeNode(text, type);
        }
    }
}
