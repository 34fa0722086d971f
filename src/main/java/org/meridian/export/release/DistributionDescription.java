package org.meridian.export.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.meridian.check.QueryErrors;
import org.meridian.export.ExportException;
import org.meridian.graph.Project;

/**
 * The DCAT/VoID description of a release's files. The vocabulary lives in the project's
 * {@code queries/release/distributions.rq}; this class only measures the files and hands the
 * query one row per file. Kept apart from the dataset's full VoID description so the two can merge.
 */
public final class DistributionDescription {
    /** Where the description query lives, under the project's {@code queries/}. */
    public static final String QUERY = "release/distributions.rq";

    /** One file of the bundle as the query sees it. */
    public record FileFacts(String file, String mediaType, String compression, long bytes, String sha256) {}

    private final Project project;
    private final Query query;

    /** Reads the description query now, so a missing or broken one stops a dump before its long work. */
    public DistributionDescription(Project project) throws ExportException {
        this.project = project;
        this.query = query();
    }

    /** Runs the description query over {@code dataset} (inside the caller's read transaction). */
    public Graph describe(DatasetGraph dataset, List<FileFacts> files) {
        Query query = this.query.cloneQuery();
        List<Var> vars = Var.varList(List.of("file", "mediaType", "compression", "bytes", "sha256", "base"));
        List<Binding> rows = new ArrayList<>();
        for (FileFacts f : files) {
            BindingBuilder row = BindingBuilder.create()
                    .add(vars.get(0), NodeFactory.createLiteralString(f.file()))
                    .add(vars.get(1), NodeFactory.createLiteralString(f.mediaType()))
                    .add(vars.get(3), NodeFactory.createLiteralDT(Long.toString(f.bytes()), XSDDatatype.XSDinteger))
                    .add(vars.get(4), NodeFactory.createLiteralString(f.sha256()))
                    .add(vars.get(5), NodeFactory.createLiteralString(project.base()));
            if (f.compression() != null)
                row.add(vars.get(2), NodeFactory.createLiteralString(f.compression()));
            rows.add(row.build());
        }
        // The rows go first in the WHERE clause, so its BINDs see them (a trailing VALUES joins last).
        ElementGroup where = new ElementGroup();
        where.addElement(new ElementData(vars, rows));
        if (query.getQueryPattern() instanceof ElementGroup group)
            group.getElements().forEach(where::addElement);
        else
            where.addElement(query.getQueryPattern());
        query.setQueryPattern(where);
        try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
            return exec.construct();
        }
    }

    private Query query() throws ExportException {
        Path file = project.queries().resolve(QUERY);
        String name = project.display(file);
        if (!Files.isRegularFile(file))
            throw new ExportException(name + ": error: missing; a release needs the query that describes its files"
                    + System.lineSeparator() + "hint: copy queries/release/distributions.rq from Meridian's repository");
        try {
            Query query = QueryFactory.create(Files.readString(file), Syntax.syntaxARQ);
            if (!query.isConstructType())
                throw new ExportException(name + ": error: must be a CONSTRUCT query, not " + query.queryType());
            return query;
        } catch (QueryParseException e) {
            throw new ExportException(name + ":" + Math.max(QueryErrors.line(e), 1) + ":" + QueryErrors.column(e)
                    + ": error: " + QueryErrors.message(e));
        } catch (IOException e) {
            throw new ExportException(name + ": error: cannot read: " + e.getMessage());
        }
    }
}
