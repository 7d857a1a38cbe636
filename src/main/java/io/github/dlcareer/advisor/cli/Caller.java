package io.github.dlcareer.advisor.cli;

import io.github.dlcareer.advisor.Advisor;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Who runs a command: their working directory, their standard input, and where the advisor for a
 * {@code --rules} choice comes from. A run of {@code advisor} is its own caller; a daemon answering for another
 * process (see {@code cli.daemon}) passes that process's directory and input, and the advisors it keeps built.
 *
 * @param directory against which relative paths are read; null for this process's own
 * @param stdin     what {@code -} reads
 * @param advisors  the advisor for the rules chosen
 */
public record Caller(Path directory, InputStream stdin, Function<RulesOption, Advisor> advisors) {

    /** This process, building its advisor as the options say. */
    public static Caller local() {
        return new Caller(null, System.in, RulesOption::advisor);
    }

    /** A path the caller names, as they mean it (relative to their directory). */
    public Path resolve(String path) {
        return directory == null ? Path.of(path) : directory.resolve(path);
    }

    Advisor advisor(RulesOption rules) {
        return advisors.apply(rules);
    }
}
