package io.github.dlcareer.advisor.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLI's logging: quiet by default (Drools logs its KieBase building at INFO), more with --verbose.
 * Only the CLI touches Logback; the library logs through SLF4J's API alone.
 */
final class Logging {

    private static volatile boolean verbose;

    private Logging() {
    }

    /** Before anything logs: use the CLI's configuration unless the user named another. */
    static void quiet() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/github/dlcareer/advisor/cli/logback-cli.xml");
        }
    }

    static void verbose() {
        verbose = true;
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            context.getLogger("io.github.dlcareer").setLevel(Level.DEBUG);
        }
    }

    static boolean isVerbose() {
        return verbose;
    }
}
