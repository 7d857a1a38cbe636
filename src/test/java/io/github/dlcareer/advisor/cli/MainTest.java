package io.github.dlcareer.advisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line, run in-process with captured output: never System.exit. */
class MainTest {

    private final InProcessCli cli = new InProcessCli();

    @Nested
    @DisplayName("advisor advise")
    class Advise {

        @Test
        void printsReadableAdviceByDefault() {
            int exit = cli.run("advise", "examples/profiles/gpu-none.yaml", "--rules", "rules");

            assertThat(exit).isZero();
            assertThat(cli.out())
                    .startsWith("Advice for gpu-none: ")
                    .contains("1. ")
                    .contains("Why: you have no GPU.")
                    .contains("In short:")
                    // The document's title where it is first quoted, then its author alone.
                    .contains("Kyubyong Park, Deep Learning Career Faq")
                    .containsPattern("— Kyubyong Park\\R");
            assertThat(cli.err()).isEmpty();
        }

        @Test
        void printsTheJsonOfTheOutputContract() throws Exception {
            int exit = cli.run("advise", "examples/profiles/advisor-red-flags.yaml", "--format", "json", "--rules",
                    "rules");

            JsonNode json = new ObjectMapper().readTree(cli.out());
            assertThat(exit).isZero();
            assertThat(json.get("profile").asText()).isEqualTo("advisor-red-flags");
            JsonNode first = json.get("recommendations").get(0);
            assertThat(first.get("rank").asInt()).isEqualTo(1);
            assertThat(first.fieldNames()).toIterable().containsExactly(
                    "rank", "id", "kind", "topic", "title", "advice", "score", "because", "why", "citations");
            assertThat(first.get("citations").get(0).fieldNames()).toIterable()
                    .contains("source", "title", "author", "section", "quote");
            assertThat(json.get("conflicts").isArray()).isTrue();
            assertThat(json.get("questions").isArray()).isTrue();
        }

        @Test
        void usesTheRulesFolderOfTheWorkingDirectoryByDefault() {
            int exit = cli.run("advise", "examples/profiles/gpu-none.yaml");

            assertThat(exit).isZero();
            assertThat(cli.out()).contains("Why: you have no GPU.");
        }

        @Test
        void rejectsAnInvalidProfileWithExitCode2AndNoStackTrace(@TempDir Path dir) throws Exception {
            Path profile = dir.resolve("bad.yaml");
            Files.writeString(profile, "id: bad\nskills:\n  math: 9\nhardware: {gpu: laptop}\n");

            int exit = cli.run("advise", profile.toString(), "--rules", "rules");

            assertThat(exit).isEqualTo(2);
            assertThat(cli.out()).isEmpty();
            assertThat(cli.err())
                    .contains(profile + ":3:9: skills.math: expected a whole number from 0 (none) to 5 (expert), got 9")
                    .contains(profile + ":4:17: hardware.gpu: expected one of NONE, CLOUD, OWN, got \"laptop\"")
                    .contains("2 errors")
                    .doesNotContain("Exception", "\tat ");
        }

        @Test
        void warnsOfAnUnknownFieldAndStillAdvises(@TempDir Path dir) throws Exception {
            Path profile = dir.resolve("typo.yaml");
            Files.writeString(profile, "id: typo\nhardware: {gpus: NONE}\n");

            assertThat(cli.run("advise", profile.toString(), "--rules", "rules")).isZero();
            assertThat(cli.err()).contains("warning: hardware.gpus: unknown field");
        }

        @Test
        void rejectsAnUnknownFieldWhenStrict(@TempDir Path dir) throws Exception {
            Path profile = dir.resolve("typo.yaml");
            Files.writeString(profile, "id: typo\nhardware: {gpus: NONE}\n");

            assertThat(cli.run("advise", profile.toString(), "--rules", "rules", "--strict")).isEqualTo(2);
            assertThat(cli.err()).contains("hardware.gpus: unknown field; did you mean hardware.gpu?");
        }

        @Test
        void reportsAMissingProfileFile() {
            assertThat(cli.run("advise", "no/such/profile.yaml")).isEqualTo(2);
            assertThat(cli.err()).contains("no/such/profile.yaml: no such file");
        }

        @Test
        void reportsBrokenRulesWithFileAndLineAndExitCode1(@TempDir Path dir) throws Exception {
            for (String name : new String[] {"sources.yaml", "advice.yaml", "questions.yaml", "gpu.drl"}) {
                Files.copy(Path.of("rules", name), dir.resolve(name));
            }
            Path gpu = dir.resolve("gpu.drl");
            Files.writeString(gpu, Files.readString(gpu).replaceFirst("hardware\\.gpu", "hardware.gpuu"));

            int exit = cli.run("advise", "examples/profiles/gpu-none.yaml", "--rules", dir.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(cli.err()).containsPattern(Pattern.quote(gpu.toString()) + ":\\d+:\\d+: ")
                    .contains("gpuu").doesNotContain("\tat ");
        }

        @Test
        void stopsARuleThatReactivatesItselfAndExits1WithTheRuleAndNoStackTrace(@TempDir Path dir) throws Exception {
            for (String name : new String[] {"sources.yaml", "advice.yaml", "questions.yaml", "gpu.drl"}) {
                Files.copy(Path.of("rules", name), dir.resolve(name));
            }
            Path gpu = dir.resolve("gpu.drl");
            Files.writeString(gpu, Files.readString(gpu) + """

                    rule "GPU: update for ever"
                    when
                        $p : Profile( hardware.gpu == Gpu.NONE )
                    then
                        update($p);
                    end
                    """);

            int exit = cli.run("advise", "examples/profiles/gpu-none.yaml", "--rules", dir.toString(), "--no-cache");

            assertThat(exit).isEqualTo(1);
            assertThat(cli.err())
                    .containsPattern(Pattern.quote(gpu.toString()) + ":\\d+: GPU: update for ever: "
                            + "the evaluation was stopped at its limit of 2.0 s, after [\\d,]+ rule firings")
                    .contains(gpu + ":10: GPU: no GPU at all, buy one: the evaluation was stopped") // fired in the loop too
                    .contains("2 errors").doesNotContain("\tat ").doesNotContain("Exception");
        }

        @Test
        void showsWhatChangesWithWhatIf() throws Exception {
            int exit = cli.run("advise", "examples/profiles/gpu-none.yaml", "--rules", "rules",
                    "--what-if", "hardware.gpu=OWN", "--format", "json");

            JsonNode json = new ObjectMapper().readTree(cli.out());
            assertThat(exit).isZero();
            assertThat(json.get("changes").get("hardware.gpu").asText()).isEqualTo("OWN");
            assertThat(json.get("differences")).anySatisfy(d -> {
                assertThat(d.get("id").asText()).isEqualTo("buy-a-gpu");
                assertThat(d.get("change").asText()).isEqualTo("GONE");
            });
            assertThat(json.get("before").get("profile").asText()).isEqualTo("gpu-none");
        }

        @Test
        void marksNewAndGoneAdviceInText() {
            assertThat(cli.run("advise", "examples/profiles/gpu-none.yaml", "--rules", "rules",
                    "--what-if", "hardware.gpu=OWN")).isZero();
            assertThat(cli.out()).startsWith("What if hardware.gpu = OWN?").contains("[gone, was ");
        }

        @Test
        void rejectsAWhatIfOnAFieldThatDoesNotExist() {
            assertThat(cli.run("advise", "examples/profiles/gpu-none.yaml", "--rules", "rules",
                    "--what-if", "hardware.gpus=OWN")).isEqualTo(2);
            assertThat(cli.err()).contains("--what-if: hardware.gpus: not a profile field");
        }

        @Test
        void rejectsAnUnknownFormat() {
            assertThat(cli.run("advise", "examples/profiles/gpu-none.yaml", "--format", "pdf")).isEqualTo(2);
            assertThat(cli.err()).contains("--format").contains("text, json");
        }
    }

    @Nested
    @DisplayName("advisor explain")
    class Explain {

        @Test
        void explainsHowARecommendationCameAbout() {
            assertThat(cli.run("explain", "examples/profiles/gpu-none.yaml", "buy-a-gpu", "--rules", "rules")).isZero();
            assertThat(cli.out()).contains("(buy-a-gpu) for gpu-none: given, score 0.80")
                    .contains("+ GPU: no GPU at all, buy one  (rules/gpu.drl:").contains("facts: you have no GPU\n")
                    .contains("How the score combines: MB = 0.8");
        }

        @Test
        void aRuleOfADecisionTableIsExplainedByItsRow() {
            assertThat(cli.run("explain", "examples/profiles/india-abroad-not-top-tier.yaml", "abroad-waste-of-money",
                    "--rules", "rules")).isZero();
            assertThat(cli.out()).contains("+ Abroad: from India to a university that is not top-tier  (rules/abroad.xlsx"
                    + " row 11, supports, weight 0.80)");
        }

        @Test
        void explainsWhyNotAsJson() throws Exception {
            assertThat(cli.run("explain", "examples/profiles/gpu-own.yaml", "buy-a-gpu", "--rules", "rules",
                    "--format", "json")).isZero();
            JsonNode json = new ObjectMapper().readTree(cli.out());
            assertThat(json.get("given").asBoolean()).isFalse();
            assertThat(json.get("notFired").get(0).get("facts").get(0).asText()).isEqualTo("hardware.gpu = OWN");
            assertThat(json.get("notFired").get(0).get("factsInWords").get(0).asText()).isEqualTo("you have your own GPU");
        }

        @Test
        void anUnknownAdviceIdIsAUsageError() {
            assertThat(cli.run("explain", "examples/profiles/gpu-none.yaml", "buy-gpu", "--rules", "rules"))
                    .isEqualTo(2);
            assertThat(cli.err()).contains("no advice 'buy-gpu'; did you mean buy-a-gpu");
        }
    }

    @Test
    void showsItsVersion() {
        assertThat(cli.run("--version")).isZero();
        assertThat(cli.out()).contains("dl-career-advisor").contains("Drools");
    }

    @Test
    void showsHelpWithTheExitCodes() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("advise").contains("Exit codes:");
    }

    @Test
    void withoutACommandIsAUsageError() {
        assertThat(cli.run()).isEqualTo(2);
        assertThat(cli.err()).contains("name a command");
    }

    @Test
    void aRunBuildsOnlyTheCommandItNamesAndHelpBuildsThemAll() {
        assertThat(Main.commandLine("advise", "x.yaml").getSubcommands()).containsOnlyKeys("advise");
        assertThat(Main.commandLine("help", "advise").getSubcommands().keySet())
                .containsExactly("advise", "explain", "interview", "batch", "rules", "serve", "daemon", "help");
        assertThat(Main.commandLine("advice").getSubcommands()).hasSize(8);
        // each is registered under the name its own annotation gives it
        Main.commandLine().getSubcommands().forEach((name, command) ->
                assertThat(command.getCommandSpec().userObject().getClass().getAnnotation(Command.class).name())
                        .isEqualTo(name));

        assertThat(cli.run("help", "advise")).isZero();
        assertThat(cli.out()).contains("Usage: advisor advise");
    }
}
