package org.meridian.bench;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The benchmark's Java side, driven by {@code bench/run.sh}: {@code load}, {@code breakdown} and
 * {@code dump} (see {@link LoadProbe}), {@code drive} (see {@link Driver}) and {@code report}
 * (see {@link Report}). It is not part of the {@code meridian} command line: it measures, it
 * does not serve users.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: BenchMain load PROJECT DB | breakdown PROJECT | dump DB FILE.nq | params DB DIR OUT | drive ... | report DIR");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "load" -> LoadProbe.load(Path.of(rest[0]), Path.of(rest[1]), System.out);
            case "breakdown" -> LoadProbe.breakdown(Path.of(rest[0]), System.out);
            case "dump" -> LoadProbe.dump(Path.of(rest[0]), Path.of(rest[1]), System.out);
            case "params" -> Params.make(Path.of(rest[0]), Path.of(rest[1]), Path.of(rest[2]));
            case "drive" -> Driver.main(rest);
            case "report" -> Report.write(Path.of(rest[0]));
            default -> {
                System.err.println("unknown benchmark step '" + args[0] + "'");
                yield 2;
            }
        };
    }
}
