package io.github.dlcareer.advisor.cli.rules;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code advisor rules ...}: look into the knowledge base. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        description = "List the rules, or show how much of each advice document they cover.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class, RulesListCommand.class,
                RulesCoverageCommand.class})
public final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: check, test, list or coverage");
    }
}
