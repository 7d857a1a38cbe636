package io.github.dlcareer.advisor.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: show what the advisor and Drools log, and stack traces of failures. */
public final class VerboseOption {

    /** Whether it was given: reports then also show the ids a rule author looks for. */
    boolean on;

    @Option(names = {"-v", "--verbose"}, description = "Show more: which rules are used, timings, Drools' log.")
    void verbose(boolean on) {
        this.on = on;
        if (on) {
            Logging.verbose();
        }
    }
}
