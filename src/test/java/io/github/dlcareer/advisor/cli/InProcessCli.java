package io.github.dlcareer.advisor.cli;

import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The command line run in-process, as {@link Main} runs it but without System.exit: what it prints is captured,
 * across every run of one test (so a test can look at what two runs printed together).
 */
public final class InProcessCli {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code advisor args...}; returns the exit code. */
    public int run(String... args) {
        CommandLine cli = Main.commandLine(args);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    /** The same, reading standard input from {@code in}. */
    public int runWithInput(InputStream in, String... args) {
        InputStream stdin = System.in;
        System.setIn(in);
        try {
            return run(args);
        } finally {
            System.setIn(stdin);
        }
    }

    /** What the runs printed on standard output (a batch writes its results there directly, not here). */
    public String out() {
        return out.toString();
    }

    /** What the runs printed on standard error. */
    public String err() {
        return err.toString();
    }
}
