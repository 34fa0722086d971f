package org.meridian;

import org.meridian.cli.Cli;

/** The {@code meridian} program. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err).run(args));
    }
}
