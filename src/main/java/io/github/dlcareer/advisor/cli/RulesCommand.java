package io.github.dlcareer.advisor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code advisor rules ...}: look into the knowledge base. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        description = "List the rules, or show how much of each advice document they cover.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class, RulesListCommand.class,
                RulesCoverageCommand.class})
final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name a subcommand: check, test, list or coverage");
    }

    enum Format { text, json }

    /** The documents' folder: the one given, else ../shared/seeds; null when it is not a folder. */
    static Path documents(Path given) {
        Path folder = given != null ? given : Path.of("..", "shared", "seeds");
        return Files.isDirectory(folder) ? folder : null;
    }

}
