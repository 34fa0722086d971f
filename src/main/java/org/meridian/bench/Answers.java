package org.meridian.bench;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetReaderRegistry;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sys.JenaSystem;

/**
 * Puts a SPARQL JSON result in a canonical form so that engines can be compared: rows sorted,
 * numbers as decimals rounded to two places, plain strings without their datatype, blank nodes
 * anonymous. Two engines that agree give the same digest.
 */
final class Answers {
    private Answers() {}

    /** A canonical answer: how many rows (or the boolean) and a digest of them. */
    record Canonical(long rows, String digest) {}

    static Canonical of(byte[] json) throws Exception {
        JenaSystem.init(); // the result readers register themselves at initialisation
        QueryExecResult result = RowSetReaderRegistry.createReader(ResultSetLang.RS_JSON)
                .readAny(new ByteArrayInputStream(json), new Context());
        List<String> rows = new ArrayList<>();
        if (result.isBoolean()) {
            rows.add(Boolean.toString(result.booleanResult()));
        } else {
            RowSet rowSet = result.rowSet();
            List<Var> vars = rowSet.getResultVars();
            while (rowSet.hasNext()) {
                Binding row = rowSet.next();
                StringBuilder text = new StringBuilder();
                for (Var var : vars)
                    text.append(var.getVarName()).append('=').append(canonical(row.get(var))).append('\t');
                rows.add(text.toString());
            }
        }
        rows.sort(null);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String row : rows)
            digest.update((row + "\n").getBytes(StandardCharsets.UTF_8));
        return new Canonical(result.isBoolean() ? 1 : rows.size(), HexFormat.of().formatHex(digest.digest()).substring(0, 12));
    }

    private static String canonical(Node node) {
        if (node == null)
            return "";
        if (node.isBlank())
            return "_";
        if (node.isURI())
            return "<" + node.getURI() + ">";
        String lexical = node.getLiteralLexicalForm();
        if (node.getLiteralDatatype() instanceof XSDDatatype type && isNumber(type)) {
            try {
                return new BigDecimal(lexical).setScale(2, RoundingMode.HALF_UP).toPlainString();
            } catch (NumberFormatException e) {
                return lexical;
            }
        }
        String lang = node.getLiteralLanguage();
        if (!lang.isEmpty())
            return '"' + lexical + "\"@" + lang.toLowerCase();
        String type = node.getLiteralDatatypeURI();
        return type == null || type.equals(XSDDatatype.XSDstring.getURI()) ? '"' + lexical + '"' : '"' + lexical + "\"^^" + type;
    }

    private static boolean isNumber(XSDDatatype type) {
        return type.equals(XSDDatatype.XSDdecimal) || type.equals(XSDDatatype.XSDinteger) || type.equals(XSDDatatype.XSDdouble)
                || type.equals(XSDDatatype.XSDfloat) || type.equals(XSDDatatype.XSDlong) || type.equals(XSDDatatype.XSDint);
    }
}
