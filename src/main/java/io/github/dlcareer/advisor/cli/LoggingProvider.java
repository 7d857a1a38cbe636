package io.github.dlcareer.advisor.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import ch.qos.logback.core.ConsoleAppender;

/**
 * SLF4J's binding for the command line, named when it starts rather than looked up: Logback set up in code.
 * Logback's own provider first searches every jar of the class path for configuration files and service entries
 * (about 0.1 s of a start); with {@code -Dlogback.configurationFile} it is what runs.
 */
public final class LoggingProvider extends LogbackServiceProvider {

    @Override
    public void initialize() {
        if (System.getProperty("logback.configurationFile") != null) {
            super.initialize();
            return;
        }
        LoggerContext context = (LoggerContext) getLoggerFactory();
        context.setName("default");
        context.setMDCAdapter(getMDCAdapter());
        configure(context);
        context.start();
    }

    /**
     * Warnings and errors on standard error, so that standard output stays the advice; and serve's line per
     * request. Set up in code, not from XML: reading Logback's XML configuration (an XML parser, then Joran) took
     * about 0.3 s of every start.
     */
    private static void configure(LoggerContext context) {
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
}
