package io.github.dlcareer.advisor.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: show what the advisor and Drools log, and stack traces of failures. */
public final class VerboseOption {

    @Option(names = {"-v", "--verbose"}, description = "Show more: which rules are used, timings, Drools' log.")
    void verbose(boolean on) {
        if (on) {
            Logging.verbose();
        }
    }
}
