package io.github.dlcareer.advisor.cli.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dlcareer.advisor.TestRules;
import io.github.dlcareer.advisor.authoring.Scenarios;
import io.github.dlcareer.advisor.cli.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** advisor rules check, test, list and coverage, run in-process with captured output. */
class RulesCommandTest {

    private final InProcessCli cli = new InProcessCli();

    @Test
    void listsEveryRuleWithWhatItRecommendsAndCites() throws Exception {
        assertThat(cli.run("rules", "list", "--format", "json", "--rules", "rules")).isZero();

        JsonNode list = new ObjectMapper().readTree(cli.out()).get("list");
        assertThat(list).isNotEmpty();
        JsonNode gpu = StreamSupport.stream(list.spliterator(), false)
                .filter(r -> "buy-a-gpu".equals(r.get("recommend").asText())).findFirst().orElseThrow();
        assertThat(gpu.get("file").asText()).isEqualTo("rules/gpu.drl");
        assertThat(gpu.get("line").asInt()).isPositive();
        assertThat(gpu.get("citations").get(0).get("quote").asText()).contains("GPU card is a must-have");
    }

    @Test
    void listsRulesAsTextGroupedByFile() {
        assertThat(cli.run("rules", "list", "--rules", "rules")).isZero();
        assertThat(cli.out()).contains("rules/gpu.drl").contains("recommends buy-a-gpu");
    }

    @Test
    void showsForEachDocumentItsPassagesAndTheRulesCitingThem() throws Exception {
        assertThat(cli.run("rules", "coverage", "--format", "json", "--rules", "rules")).isZero();

        JsonNode documents = new ObjectMapper().readTree(cli.out());
        assertThat(documents).hasSize(5);
        JsonNode faq = StreamSupport.stream(documents.spliterator(), false)
                .filter(d -> d.get("source").asText().equals("park-career-faq")).findFirst().orElseThrow();
        assertThat(faq.get("passages")).anySatisfy(p -> {
            assertThat(p.get("id").asText()).isEqualTo("park-buy-a-gpu");
            assertThat(p.get("citedBy").get(0).asText()).startsWith("GPU:");
        });
    }

    @Test
    void namesTheParagraphsNoPassageQuotes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("001_b35db468cc480182.txt"),
                "# Deep Learning Career Faq\n\nA. Yes!  A GPU card is a must-have. Don't save money. You will get more than 100 times rewards.\n\n"
                + "Here is a paragraph that no passage of the rules quotes at all.\n");

        assertThat(cli.run("rules", "coverage", "--rules", "rules", "--documents", dir.toString())).isZero();
        assertThat(cli.out())
                .contains("paragraph at line 5 quotes no passage: Here is a paragraph that no passage")
                .doesNotContain("line 3 quotes no passage")
                .doesNotContain("line 1 quotes no passage");
    }

    private Path copyOfRules(Path dir) throws Exception {
        try (var files = Files.list(Path.of("rules"))) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void checkReportsEachErrorAtItsFileLineAndColumnAndExits1(@TempDir Path dir) throws Exception {
        copyOfRules(dir);
        Path gpu = dir.resolve("gpu.drl");
        Files.writeString(gpu, Files.readString(gpu).replace("Gpu.NONE", "Gpu.NOTHING"));
        Path papers = dir.resolve("papers.drl");
        Files.writeString(papers, Files.readString(papers).replaceFirst("traits\\.overwhelmedByPapers", "traits.overwhelmed"));

        assertThat(cli.run("rules", "check", dir.toString())).isEqualTo(1);
        assertThat(cli.out())
                .containsPattern(Pattern.quote(gpu.toString())
                        + ":\\d+:\\d+: .*NOTHING is not a value of Profile.Gpu; its values: NONE, CLOUD, OWN")
                .containsPattern(Pattern.quote(papers.toString())
                        + ":\\d+:\\d+: .*Profile.Traits has no field overwhelmed")
                .contains("2 errors");
    }

    @Test
    void checkReportsEachMistakeOfFieldsYamlAtItsLineAndColumnAndExits1(@TempDir Path dir) throws Exception {
        copyOfRules(dir);
        Path fields = dir.resolve("fields.yaml");
        String yaml = Files.readString(fields)
                .replace("  skills.writing:", "  skills.writting:")                          // no such field
                .replace("    OWN: \"you have your own GPU\"", "    LAPTOP: \"you have a laptop\"") // no such value
                .replace("  job.industry: \"you work in {value}\"\n", "")                     // a field left out
                .replace("\"your best Kaggle rank: {value}\"", "\"your best Kaggle rank\"");    // the value not shown
        Files.writeString(fields, yaml);
        List<String> lines = yaml.lines().toList();

        assertThat(cli.run("rules", "check", dir.toString())).isEqualTo(1);
        assertThat(cli.out())
                .contains(fields + ":" + (lines.indexOf("  skills.writting: \"your writing: {value}/5\"") + 1)
                        + ":3: skills.writting: is not a field of the profile; did you mean skills.writing?")
                .contains(fields + ":" + (lines.indexOf("    LAPTOP: \"you have a laptop\"") + 1)
                        + ":5: hardware.gpu: 'LAPTOP' is not a value of this field; its values: NONE, CLOUD, OWN")
                .contains(fields + ":" + (lines.indexOf("  hardware.gpu:") + 1)
                        + ":3: hardware.gpu: has no label for the value OWN")
                .contains(fields + ":" + (lines.indexOf("labels:") + 1) + ":1: job.industry: has no label: every field"
                        + " of the profile needs one")
                .contains(fields + ":" + (lines.indexOf("  experience.kaggle.bestRank: \"your best Kaggle rank\"") + 1)
                        + ":31: experience.kaggle.bestRank: the label must show the value: put {value} where it goes")
                .contains(fields + ":" + (lines.indexOf("labels:") + 1) + ":1: skills.writing: has no label")
                .contains("6 errors");
    }

    @Test
    void checkWarnsOfAdviceNoRuleGivesButExits0(@TempDir Path dir) throws Exception {
        copyOfRules(dir);
        Path advice = dir.resolve("advice.yaml");
        Files.writeString(advice, Files.readString(advice).replace("\nconflicts:", """

                  - id: nobody-gives-this
                    kind: ADVICE
                    topic: gpu
                    title: Orphan
                    advice: No rule recommends this.
                conflicts:"""));

        assertThat(cli.run("rules", "check", dir.toString())).isZero();
        int line = Files.readAllLines(advice).indexOf("  - id: nobody-gives-this") + 1;
        assertThat(cli.out()).contains("advice.yaml:" + line + ":5: warning: nobody-gives-this: no rule recommends this advice")
                .contains("0 errors, 1 warning");
    }

    @Test
    void checkWarnsOfCodeNoAdviceRuleNeedsAtItsFileLineAndColumn(@TempDir Path dir) throws Exception {
        copyOfRules(dir);
        Path gpu = dir.resolve("gpu.drl");
        String header = Files.readString(gpu).replaceFirst("\n(?=global )", "\nimport java.io.File;\n");
        int lines = header.split("\n", -1).length;
        Files.writeString(gpu, header + """
                // System.exit in a comment, and "Runtime.getRuntime()" in a string, are not code
                rule "GPU: hostile"
                    @recommend("buy-a-gpu") @cite("park-buy-a-gpu") @weight(0.6)
                when
                    Profile( hardware.gpu == Gpu.NONE )
                then
                    evidence.support(kcontext); String note = "System.exit(0)";
                    new File("/tmp/x").delete(); Class.forName("x.Y").getDeclaredMethod("z");
                    new Thread(() -> { while (true) { } }).start();
                    System.exit(1); Runtime.getRuntime().exec("rm -rf /");
                end
                """);

        assertThat(cli.run("rules", "check", dir.toString())).isZero();
        String at = Pattern.quote(gpu.toString());
        assertThat(cli.out())
                .containsPattern(at + ":\\d+:8: warning: uses java.io.File, which no advice rule needs: a rule file"
                        + " runs as code")
                .contains(gpu + ":" + (lines + 7) + ":9: warning: GPU: hostile: uses File, ")
                .contains(gpu + ":" + (lines + 7) + ":34: warning: GPU: hostile: uses Class.forName, ")
                .contains(gpu + ":" + (lines + 7) + ":55: warning: GPU: hostile: uses getDeclaredMethod, ")
                .contains(gpu + ":" + (lines + 8) + ":9: warning: GPU: hostile: uses Thread, ")
                .contains(gpu + ":" + (lines + 8) + ":24: warning: GPU: hostile: an endless loop (while(true)), ")
                .contains(gpu + ":" + (lines + 9) + ":5: warning: GPU: hostile: uses System.exit, ")
                .contains(gpu + ":" + (lines + 9) + ":21: warning: GPU: hostile: uses Runtime, ")
                .doesNotContain(":" + (lines) + ":").doesNotContain(":" + (lines + 6) + ":")
                .contains("0 errors, 8 warnings");
    }

    @Test
    void checkFindsAMadeUpQuoteAtItsLineOfSourcesYamlAndExits1(@TempDir Path dir) throws Exception {
        copyOfRules(dir);
        Path sources = dir.resolve("sources.yaml");
        String original = "A GPU card is a must-have. Don't save money. You will get more than 100 times rewards.";
        Files.writeString(sources, Files.readString(sources).replace(original,
                "A GPU card is optional. Save your money: the cloud is always cheaper."));
        int line = Files.readAllLines(sources).indexOf(
                "    quote: \"A GPU card is optional. Save your money: the cloud is always cheaper.\"") + 1;
        assertThat(line).isPositive();

        assertThat(cli.run("rules", "check", dir.toString(), "--documents", "../shared/seeds")).isEqualTo(1);
        assertThat(cli.out())
                .contains(sources + ":" + line + ":12: park-buy-a-gpu: the quote is not in the document"
                        + " 001_b35db468cc480182.txt (park-career-faq)")
                .contains("1 error, 0 warnings");
    }

    @Test
    void checkToleratesWhatTheQuotesTestToleratesCaseSpaceAndTypographicMarks(@TempDir Path dir) throws Exception {
        copyOfRules(dir);
        Path sources = dir.resolve("sources.yaml");
        String original = "A GPU card is a must-have. Don't save money. You will get more than 100 times rewards.";
        Files.writeString(sources, Files.readString(sources).replace(original,
                "a GPU  card is a must\u2013have. Don\u2019t save money. You will get more than 100 times rewards"));

        assertThat(cli.run("rules", "check", dir.toString(), "--documents", "../shared/seeds")).isZero();
        assertThat(cli.out()).contains("0 errors, 0 warnings");
    }

    @Test
    void checkSaysInOneLineWhenItCannotSeeTheDocuments(@TempDir Path dir) {
        Path missing = dir.resolve("no-documents-here");

        assertThat(cli.run("rules", "check", "rules", "--documents", missing.toString())).isZero();
        assertThat(cli.out()).contains("the quotes were not checked against the documents: " + missing
                + " is not a folder (give the folder with --documents DIR)\n").contains("0 errors, 0 warnings");
    }

    @Test
    void checkOfTheShippedRulesGivesNoWarning() {
        assertThat(cli.run("rules", "check", "rules")).isZero();
        assertThat(cli.out()).contains("0 errors, 0 warnings").doesNotContain("warning:")
                .as("the documents in ../shared/seeds are seen, and every quote is found").doesNotContain("not checked");
    }

    @Test
    void checkTakesTheRulesFolderAsEveryOtherCommandDoesToo(@TempDir Path dir) throws Exception {
        Path broken = TestRules.copyOfRules(dir);
        Files.writeString(broken.resolve("gpu.drl"), Files.readString(broken.resolve("gpu.drl"))
                .replace("hardware.gpu == Gpu.NONE", "hardware.gpuu == Gpu.NONE"));

        assertThat(cli.run("rules", "check", "--rules", broken.toString())).isEqualTo(1);
        assertThat(cli.out() + cli.err()).contains(broken.resolve("gpu.drl") + ":");
    }

    /** Two example profiles beside a scenarios folder that holds the scenario of the first only. */
    private static Path gpuScenarios(Path dir) throws IOException {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        for (String name : new String[] {"gpu-none", "gpu-own"}) {
            Files.copy(Path.of("examples", "profiles", name + ".yaml"), profiles.resolve(name + ".yaml"));
        }
        Files.copy(Path.of("examples", "scenarios", "gpu-none.yaml"), scenarios.resolve("gpu-none.yaml"));
        return scenarios;
    }

    @Test
    void testRunsTheScenariosAndShowsWhatFailed(@TempDir Path dir) throws Exception {
        Path scenarios = gpuScenarios(dir);
        Files.writeString(scenarios.resolve("gpu-own.yaml"), "profile: gpu-own\nexpect:\n  present: [buy-a-gpu]\n");

        int exit = cli.run("rules", "test", "rules", "--scenarios", scenarios.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(cli.out()).contains("PASS  gpu-none").contains("FAIL  gpu-own")
                .contains("buy-a-gpu: expected among the advice, but it was not given").contains("1 passed, 1 failed");
    }

    /** One verdict: an example profile without a scenario fails {@code rules test} as it fails the build's tests. */
    @Test
    void testFailsOnAnExampleProfileWithoutAScenarioAsTheBuildDoes(@TempDir Path dir) throws Exception {
        Path scenarios = gpuScenarios(dir);

        assertThat(Scenarios.profilesWithoutScenario(scenarios)).as("the build's verdict").isNotEmpty();
        assertThat(cli.run("rules", "test", "rules", "--scenarios", scenarios.toString())).isEqualTo(1);
        assertThat(cli.out()).contains("PASS  gpu-none").contains("FAIL  " + dir.resolve("profiles").resolve("gpu-own.yaml") + "\n"
                + "        has no scenario: every example profile needs one, " + scenarios.resolve("gpu-own.yaml"))
                .contains("1 passed, 1 failed");

        Files.writeString(scenarios.resolve("gpu-own.yaml"), "profile: gpu-own\nexpect:\n  absent: [buy-a-gpu]\n");
        assertThat(Scenarios.profilesWithoutScenario(scenarios)).as("the build's verdict").isEmpty();
        assertThat(cli.run("rules", "test", "rules", "--scenarios", scenarios.toString())).isZero();
        assertThat(cli.out()).contains("2 passed, 0 failed");
    }

    @Test
    void reportsBrokenCataloguesWithExitCode1(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sources.yaml"), "sources: [\n");
        assertThat(cli.run("rules", "list", "--rules", dir.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("sources.yaml:").contains("broken YAML");
    }
}
