package io.github.dlcareer.advisor.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * The CLI's logging: quiet by default (Drools logs its KieBase building at INFO), more with --verbose.
 * Only the CLI touches Logback; the library logs through SLF4J's API alone.
 */
final class Logging {

    private static volatile boolean verbose;

    private Logging() {
    }

    /**
     * Before anything logs, unless the user named a configuration of their own: warnings and errors on standard
     * error, so that standard output stays the advice; and serve's line per request. Set up in code, not from
     * XML: reading Logback's XML configuration (an XML parser, then Joran) took about 0.3 s of every start.
     */
    static void quiet() {
        if (System.getProperty("logback.configurationFile") != null
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{0}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        // compile errors are reported by the advisor itself, with file and line
        context.getLogger("org.drools.compiler.kie.builder.impl").setLevel(Level.OFF);
        // advisor serve: one line per request (method, path, status, ms)
        context.getLogger("io.github.dlcareer.advisor.server").setLevel(Level.INFO);
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
