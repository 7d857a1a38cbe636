package io.github.dlcareer.advisor.cli.rules;

import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.authoring.Scenarios;
import io.github.dlcareer.advisor.authoring.Scenarios.Scenario;
import io.github.dlcareer.advisor.cli.ExitCodes;
import io.github.dlcareer.advisor.cli.VerboseOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code advisor rules test [DIR]}: the scenarios, as a PASS/FAIL table with what went wrong. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the YAML rule scenarios against the rules and print a pass/fail table, with what was"
                + " expected and what came for each failure; an example profile (in the profiles folder beside the"
                + " scenarios) without a scenario of its name fails too, as in the build.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:every scenario passed", " 1:a scenario failed or could not be read, an example profile has"
                + " no scenario, or the rules are broken"})
final class RulesTestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesFolderArgument rules;

    @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "examples/scenarios",
            description = "The folder of scenarios (default: examples/scenarios).")
    Path scenarios;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Advisor advisor = Advisor.builder().rules(rules.folder()).build();
        if (!Files.isDirectory(scenarios)) {
            spec.commandLine().getErr().println(scenarios + ": no such folder of scenarios");
            return ExitCodes.INVALID_INPUT;
        }
        int passed = 0;
        int failed = 0;
        for (Scenario scenario : Scenarios.read(scenarios)) {
            List<String> failures = scenario.problem() != null ? List.of(scenario.problem().message())
                    : Scenarios.check(scenario, advisor.advise(scenario.profile()));
            if (failures.isEmpty()) {
                passed++;
                out.printf("PASS  %s%n", scenario.name());
            } else {
                failed++;
                out.printf("FAIL  %s  (%s)%n", scenario.name(), scenario.file());
                failures.forEach(f -> out.printf("        %s%n", f));
            }
        }
        for (Problem missing : Scenarios.profilesWithoutScenario(scenarios)) {
            failed++;
            out.printf("FAIL  %s%n        %s%n", missing.source(), missing.message());
        }
        out.printf("%n%d passed, %d failed%n", passed, failed);
        out.flush();
        return failed == 0 ? 0 : ExitCodes.FAILURE;
    }
}
