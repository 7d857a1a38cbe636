package io.github.dlcareer.advisor.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.Reporter;

/**
 * The CLI's logging: quiet by default (Drools logs its KieBase building at INFO), more with --verbose.
 * Only the CLI touches Logback; the library logs through SLF4J's API alone.
 */
final class Logging {

    private static volatile boolean verbose;

    private Logging() {
    }

    /**
     * Before anything logs: SLF4J's provider named, {@link LoggingProvider} (warnings and errors on standard error),
     * unless the user named one; and SLF4J told not to announce it on standard error.
     */
    static void quiet() {
        if (System.getProperty(LoggerFactory.PROVIDER_PROPERTY_KEY) == null) {
            System.setProperty(LoggerFactory.PROVIDER_PROPERTY_KEY, LoggingProvider.class.getName());
            if (System.getProperty(Reporter.SLF4J_INTERNAL_VERBOSITY_KEY) == null) {
                System.setProperty(Reporter.SLF4J_INTERNAL_VERBOSITY_KEY, "WARN");
            }
        }
    }

    static void verbose() {
        verbose = true;
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            context.getLogger("io.github.dlcareer").setLevel(Level.DEBUG);
        }
    }

    static boolean isVerbose() {
        return verbose;
    }
}
