package io.github.dlcareer.advisor.authoring;

import io.github.dlcareer.advisor.TestRules;
import io.github.dlcareer.advisor.authoring.Scenarios.Scenario;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every rule scenario of examples/scenarios/ against rules/, the same as {@code advisor rules test}. */
class ScenariosTest {

    static final Path SCENARIOS = Path.of("examples", "scenarios");

    @TestFactory
    Stream<DynamicTest> everyScenarioPasses() {
        return Scenarios.read(SCENARIOS).stream().map(scenario -> DynamicTest.dynamicTest(
                scenario.name() + (scenario.description().isEmpty() ? "" : ": " + scenario.description()),
                scenario.file().toUri(),
                () -> {
                    assertThat(scenario.problem()).as("scenario readable").isNull();
                    List<String> failures = Scenarios.check(scenario, TestRules.advisor().advise(scenario.profile()));
                    assertThat(failures).as(scenario.file().toString()).isEmpty();
                }));
    }

    /** The rule {@code advisor rules test} applies too (RulesCommandTest checks that it fails on the same). */
    @Test
    void thereIsAScenarioForEveryExampleProfile() {
        assertThat(Scenarios.profilesWithoutScenario(SCENARIOS)).isEmpty();
    }

    @Test
    void aProfileWithoutAScenarioOfItsNameIsNamedWithWhatToAdd(@TempDir Path dir) throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.copy(TestRules.PROFILES.resolve("gpu-none.yaml"), profiles.resolve("gpu-none.yaml"));
        Files.copy(TestRules.PROFILES.resolve("gpu-own.yaml"), profiles.resolve("gpu-own.yaml"));
        Files.copy(SCENARIOS.resolve("gpu-none.yaml"), scenarios.resolve("gpu-none.yaml"));
        Files.writeString(scenarios.resolve("other-name.yaml"), "profile: gpu-own\nexpect:\n  absent: [buy-a-gpu]\n");

        assertThat(Scenarios.profilesWithoutScenario(scenarios)).singleElement().hasToString(profiles.resolve("gpu-own.yaml")
                + ": has no scenario: every example profile needs one, " + scenarios.resolve("gpu-own.yaml")
                + ", saying what its advice must be (rules/README.md, step 4)");
        assertThat(Scenarios.profilesWithoutScenario(Files.createDirectories(dir.resolve("alone").resolve("scenarios"))))
                .as("no profiles folder beside the scenarios: nothing to pin").isEmpty();
    }

    /** rules/README.md's table of the documents' situations says what their scenarios check, no more, no less. */
    @Test
    void theSituationsTableOfTheGuideIsWhatTheScenariosCheck() throws Exception {
        Pattern row = Pattern.compile("^\\| [^|]+ \\| [^|]+ \\| `([\\w-]+)` \\| (\\d+): ([^|]+) \\|$", Pattern.MULTILINE);
        Matcher rows = row.matcher(Files.readString(Path.of("rules", "README.md")));
        int checked = 0;
        while (rows.find()) {
            Scenario scenario = Scenarios.read(SCENARIOS).stream().filter(s -> s.name().equals(rows.group(1)))
                    .findFirst().orElseThrow(() -> new AssertionError("no scenario " + rows.group(1)));
            assertThat(scenario.expect().path("within").asInt(5)).as(rows.group(1)).isEqualTo(Integer.parseInt(rows.group(2)));
            List<String> top = new ArrayList<>();
            scenario.expect().path("top").forEach(id -> top.add(id.asText()));
            assertThat(String.join(", ", top)).as(rows.group(1)).isEqualTo(rows.group(3).strip());
            checked++;
        }
        assertThat(checked).as("rows in the situations table").isGreaterThanOrEqualTo(20);
    }

    @Test
    void aFailedExpectationSaysWhatWasExpectedAndWhatCame(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("wrong.yaml"), """
                profile: {id: inline, hardware: {gpu: NONE}}
                expect:
                  within: 1
                  top: [lab-needs-hardware]
                  absent: [buy-a-gpu]
                  kinds: {buy-a-gpu: WARNING}
                """);
        Scenario scenario = Scenarios.read(dir).get(0);

        List<String> failures = Scenarios.check(scenario, TestRules.advisor().advise(scenario.profile()));

        assertThat(failures).containsExactly(
                "lab-needs-hardware: expected within the top 1, was not given; the top 1: [buy-a-gpu]",
                "buy-a-gpu: expected absent, but it was given at rank 1",
                "buy-a-gpu: expected kind WARNING, got ADVICE");
    }

    @Test
    void anUnreadableScenarioIsReportedNotSkipped(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("typo.yaml"), "profile: gpu-none\nexpect:\n  presnt: [buy-a-gpu]\n");
        Files.writeString(dir.resolve("noprofile.yaml"), "profile: nobody-at-all\nexpect:\n  present: [x]\n");

        assertThat(Scenarios.read(dir)).extracting(s -> s.problem().message()).containsExactly(
                "no profile 'nobody-at-all' next to the scenario or in examples/profiles",
                "unknown expectation 'presnt'; known: [within, top, present, absent, above, kinds, plan, conflicts,"
                        + " questions, noQuestions]");
    }
}
