package io.github.dlcareer.advisor.cli;

import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.internal.RulesCompiler;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --rules DIR}, else {@code ./rules} when it is there, else the rules bundled in the jar. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "The rules folder. Default: ./rules when present, else the rules bundled in the jar.")
    Path folder;

    /** The folder to use, or null for the bundled rules. */
    Path chosen() {
        return folder != null ? folder : Files.isDirectory(Path.of("rules")) ? Path.of("rules") : null;
    }

    /** The rules read and checked, not compiled: for listing them. */
    RulesCompiler.Description description() {
        Path chosen = chosen();
        return chosen == null ? RulesCompiler.describeBundled() : RulesCompiler.describe(chosen);
    }

    Advisor advisor() {
        Path chosen = chosen();
        Advisor.Builder builder = Advisor.builder();
        Advisor advisor = (chosen == null ? builder.bundledRules() : builder.rules(chosen)).build();
        LoggerFactory.getLogger(RulesOption.class)
                .info("{} rules from {}", advisor.ruleCount(), advisor.rulesLocation());
        return advisor;
    }
}
