package org.meridian.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.meridian.store.DatabaseStore;

/**
 * Makes the parameter pool of the query mix from a build: each {@code NAME.rq} of the params
 * folder is a SELECT of {@code ?value}, and each value becomes a line {@code NAME<TAB>term}.
 */
final class Params {
    private Params() {}

    static int make(Path db, Path folder, Path out) throws Exception {
        DatabaseStore.Build build = new DatabaseStore(db).current().orElseThrow(() -> new IllegalStateException("no build in " + db));
        DatasetGraph dataset = DatabaseStore.open(build);
        try (PrintStream lines = new PrintStream(Files.newOutputStream(out), true, "UTF-8")) {
            for (QueryMix.Template query : QueryMix.read(folder))
                Txn.executeRead(dataset, () -> {
                    try (QueryExec exec = QueryExec.dataset(dataset).query(QueryFactory.create(query.text())).build()) {
                        exec.select().forEachRemaining(row ->
                                lines.println(query.name() + "\t" + FmtUtils.stringForNode(row.get(Var.alloc("value")))));
                    }
                });
        } finally {
            TDBInternal.expel(dataset, true);
        }
        List<String> written = Files.readAllLines(out);
        System.out.println("params=" + written.size());
        return written.isEmpty() ? 1 : 0;
    }
}
