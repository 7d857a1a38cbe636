package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.format.AdviceJson;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.dlcareer.advisor.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AdvisorTest {

    @Nested
    @DisplayName("a recommendation")
    class RecommendationContents {

        @Test
        void saysWhichFactsTriggeredItAndCitesItsPassage() {
            Advice advice = TestRules.advisor().advise(TestRules.profile("gpu-none"));
            Recommendation gpu = advice.recommendation("buy-a-gpu").orElseThrow();

            assertThat(gpu.because()).contains("hardware.gpu = NONE");
            // the same facts in the person's words
            assertThat(gpu.why()).contains("you have no GPU");
            assertThat(gpu.citations()).isNotEmpty().allSatisfy(c -> {
                assertThat(c.quote()).isNotBlank();
                assertThat(c.title()).isNotBlank();
                assertThat(c.section()).isNotBlank();
            });
            assertThat(gpu.kind()).isEqualTo(Recommendation.Kind.ADVICE);
            assertThat(gpu.topic()).isEqualTo("gpu");
        }

        @Test
        void derivedFromAFindingSaysWhichFactsTheFindingRestsOn() {
            Recommendation research = TestRules.advisor().advise(TestRules.profile("theory-strong-student"))
                    .recommendation("go-for-ms-phd").orElseThrow();

            assertThat(research.because()).anyMatch(b -> b.startsWith("traits.perseverance"));
            // and says the finding by its label (rules/fields.yaml, findings:), which stands for those facts
            assertThat(research.why()).contains("you have most of a scientist's traits").doesNotContain("you persevere");
        }

        @Test
        void areRankedFromOneByDescendingScoreWithinAndAfterTheTopFive() {
            // Within and after, not across: generic advice beyond two waits below the top five (RankingTest).
            List<Recommendation> ranked = TestRules.advisor().advise(TestRules.profile("job-manufacturing-engineer"))
                    .recommendations();

            assertThat(ranked).extracting(Recommendation::rank)
                    .containsExactlyElementsOf(Stream.iterate(1, i -> i + 1).limit(ranked.size()).toList());
            assertThat(ranked.subList(0, 5)).extracting(Recommendation::score)
                    .isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(ranked.subList(5, ranked.size())).extracting(Recommendation::score)
                    .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @Nested
    @DisplayName("evidence is combined")
    class Combination {

        private Advisor advisor(Path dir) {
            return Advisor.builder().rules(TestRules.miniRules(dir, "t.drl",
                    rule("one, strongly", "one", 0.7, "Profile( skills.math >= 3 )", "support")
                    + rule("two, first reason", "two", 0.5, "Profile( skills.math >= 3 )", "support")
                    + rule("two, second reason", "two", 0.5, "Profile( skills.writing >= 3 )", "support")
                    + rule("risk, a reason", "risk", 0.6, "Profile( skills.math >= 3 )", "support")
                    + rule("risk, a counter-reason", "risk", 0.6, "Profile( hardware.gpu == Gpu.OWN )", "weaken")))
                    .build();
        }

        @Test
        void twoIndependentSupportingRulesRankAboveOneStrongerRule(@TempDir Path dir) {
            Advice advice = advisor(dir).advise(ProfileReader.create()
                    .parse("id: a\nskills: {math: 4, writing: 4}", "a.yaml"));

            assertThat(advice.recommendations()).extracting(Recommendation::id).startsWith("two", "one");
            assertThat(advice.recommendation("two").orElseThrow().score()).isEqualTo(0.75);
            assertThat(advice.recommendation("two").orElseThrow().because())
                    .containsExactly("skills.math = 4", "skills.writing = 4");
        }

        @Test
        void evidenceWhoseNegatedConditionLaterFailsIsTakenBackWhateverTheFiringOrder(@TempDir Path dir) {
            // a.drl loads first: its rule may fire before z.drl derives the finding it requires to be absent.
            Advisor advisor = Advisor.builder().rules(TestRules.miniRules(dir,
                    "a.drl", rule("one unless strong", "one", 0.6,
                            "Profile( skills.math >= 1 )\n    not Finding( name == \"strong\" )", "support"),
                    "z.drl", """
                            rule "strong at mathematics"
                            when
                                Profile( skills.math >= 4 )
                            then
                                insertLogical( evidence.finding("strong", kcontext) );
                            end
                            """)).build();

            Advice strong = advisor.advise(ProfileReader.create().parse("id: a\nskills: {math: 5}", "a.yaml"));
            Advice weak = advisor.advise(ProfileReader.create().parse("id: b\nskills: {math: 2}", "b.yaml"));

            assertThat(strong.recommendation("one")).isEmpty();
            assertThat(weak.recommendation("one")).isPresent();
        }

        @Test
        void aWeakeningRuleCancelsEqualSupport(@TempDir Path dir) {
            Advisor advisor = advisor(dir);
            Advice withoutGpu = advisor.advise(ProfileReader.create().parse("id: a\nskills: {math: 4}", "a.yaml"));
            Advice withGpu = advisor.advise(ProfileReader.create()
                    .parse("id: a\nskills: {math: 4}\nhardware: {gpu: OWN}", "a.yaml"));

            assertThat(withoutGpu.recommendation("risk")).isPresent();
            assertThat(withGpu.recommendation("risk")).isEmpty();
        }
    }

    @Nested
    @DisplayName("questions, conflicts and the plan")
    class QuestionsConflictsPlan {

        private Advisor advisor(Path dir) throws Exception {
            TestRules.miniRules(dir, "t.drl",
                    rule("one when math is strong", "one", 0.6, "Profile( skills.math >= 3 )", "support")
                    + rule("two when math is weak", "two", 0.6, "Profile( skills.math < 3 )", "support")
                    + rule("risk without a GPU", "risk", 0.6, "Profile( hardware.gpu == Gpu.NONE )", "support")
                    + """
                    rule "Ask about mathematics"
                        @ask("math") @weight(0.4)
                    when
                        Profile( skills.math == null )
                    then
                        evidence.ask(kcontext);
                    end

                    rule "Ask about the GPU"
                        @ask("gpu") @weight(0.9)
                    when
                        Profile( hardware.gpu == null )
                    then
                        evidence.ask(kcontext);
                    end
                    """);
            Files.writeString(dir.resolve("questions.yaml"), """
                    questions:
                      - {id: math, field: skills.math, text: "How strong is your mathematics?"}
                      - {id: gpu, field: hardware, text: "Do you have a GPU?"}
                    """);
            Files.writeString(dir.resolve("advice.yaml"), """
                    advice:
                      - {id: one, kind: ADVICE, topic: t, title: One, advice: Do one., step: 2}
                      - {id: two, kind: ADVICE, topic: t, title: Two, advice: Do two., step: 1}
                      - {id: risk, kind: WARNING, topic: t, title: Risk, advice: Mind the risk., step: 3}
                    conflicts:
                      - id: one-or-two
                        title: One or two?
                        sides:
                          - {advice: one, position: The first document says one.}
                          - {advice: two, position: The second says two.}
                    """);
            return Advisor.builder().rules(dir).build();
        }

        @Test
        void unknownFactsThatMatterAreAskedMostImportantFirstWithTheAdviceTheyAffect(@TempDir Path dir)
                throws Exception {
            Advice advice = advisor(dir).advise(Profile.unknown("nobody"));

            assertThat(advice.questions()).extracting(Advice.Question::id).containsExactly("gpu", "math");
            assertThat(advice.question("math").orElseThrow().affects()).containsExactly("one", "two");
            assertThat(advice.question("gpu").orElseThrow().affects()).containsExactly("risk");
        }

        @Test
        void aConflictShowsEverySideEachCitedWhenOneSideIsGiven(@TempDir Path dir) throws Exception {
            Advice advice = advisor(dir).advise(ProfileReader.create().parse("id: a\nskills: {math: 4}", "a.yaml"));

            assertThat(advice.conflicts()).singleElement().satisfies(conflict -> {
                assertThat(conflict.id()).isEqualTo("one-or-two");
                assertThat(conflict.sides()).extracting(Advice.Side::advice, Advice.Side::given)
                        .containsExactly(Tuple.tuple("one", true),
                                Tuple.tuple("two", false));
                assertThat(conflict.sides()).allSatisfy(side -> assertThat(side.citations()).isNotEmpty());
            });
        }

        @Test
        void noConflictIsShownWhenNoSideIsGiven(@TempDir Path dir) throws Exception {
            assertThat(advisor(dir).advise(Profile.unknown("nobody")).conflicts()).isEmpty();
        }

        @Test
        void stepsOfThePlanComeInStepOrderWhateverTheirRank(@TempDir Path dir) throws Exception {
            Advice advice = advisor(dir).advise(ProfileReader.create()
                    .parse("id: a\nskills: {math: 1}\nhardware: {gpu: NONE}", "a.yaml"));

            assertThat(advice.plan()).containsExactly("two", "risk");
        }

        @Test
        void anAskForAnUnknownQuestionIsARulesError(@TempDir Path dir) throws Exception {
            advisor(dir);
            Files.writeString(dir.resolve("t.drl"), Files.readString(dir.resolve("t.drl"))
                    .replace("@ask(\"math\")", "@ask(\"maths\")"));

            InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                    () -> Advisor.builder().rules(dir).build());
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("Ask about mathematics");
                assertThat(p.message()).contains("'maths'");
            });
        }
    }

    @Nested
    @DisplayName("the output")
    class Determinism {

        @Test
        void isTheSameByteForByteForTheSameProfileAndRules() {
            Profile profile = TestRules.profile("advisor-red-flags");
            String first = AdviceJson.write(TestRules.advisor().advise(profile));

            for (int i = 0; i < 20; i++) {
                assertThat(AdviceJson.write(TestRules.advisor().advise(profile))).isEqualTo(first);
            }
        }

        @Test
        void doesNotDependOnTheAdvisorInstance() {
            Profile profile = TestRules.profile("employer-red-flags");
            Advisor another = Advisor.builder().rules(TestRules.RULES).build();

            assertThat(AdviceJson.write(another.advise(profile))).isEqualTo(AdviceJson.write(TestRules.advisor().advise(profile)));
        }

        @Test
        void isTheSameFromManyThreadsAsFromOne() throws Exception {
            List<Profile> profiles;
            try (Stream<Path> files = Files.list(TestRules.PROFILES)) {
                profiles = files.sorted().map(f -> ProfileReader.create().read(f)).toList();
            }
            Advisor advisor = TestRules.advisor();
            List<String> sequential = profiles.stream().map(p -> AdviceJson.write(advisor.advise(p))).toList();

            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                for (int round = 0; round < 25; round++) {
                    List<Future<String>> futures = profiles.stream()
                            .map(p -> pool.submit(() -> AdviceJson.write(advisor.advise(p)))).toList();
                    for (int i = 0; i < futures.size(); i++) {
                        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("rules read from files")
    class RulesFromFiles {

        @Test
        void anEditToTheRulesChangesTheAdviceWithoutRecompilingJava(@TempDir Path dir) throws Exception {
            Path rules = TestRules.copyOfRules(dir);
            Profile ownsGpu = TestRules.profile("gpu-own");
            assertThat(Advisor.builder().rules(rules).build().advise(ownsGpu).recommendation("buy-a-gpu")).isEmpty();

            Files.writeString(rules.resolve("gpu.drl"), Files.readString(rules.resolve("gpu.drl"))
                    + rule("GPU: even an owner should buy one more", "buy-a-gpu", 0.9,
                            "Profile( hardware.gpu == Gpu.OWN )", "support").replace("@cite(\"p1\")",
                            "@cite(\"" + gpuPassage() + "\")"));

            assertThat(Advisor.builder().rules(rules).build().advise(ownsGpu).recommendation("buy-a-gpu"))
                    .hasValueSatisfying(r -> assertThat(r.because()).contains("hardware.gpu = OWN"));
        }

        private String gpuPassage() {
            return TestRules.advisor().advise(TestRules.profile("gpu-none")).recommendation("buy-a-gpu")
                    .orElseThrow().citations().get(0).passage();
        }

        @Test
        void aBrokenRuleIsReportedWithItsFileAndLine(@TempDir Path dir) {
            TestRules.miniRules(dir, "good.drl", rule("fine", "one", 0.5, "Profile( skills.math >= 3 )", "support"),
                    "broken.drl", rule("typo", "one", 0.5, "Profile( skills.mathz >= 3 )", "support"));

            InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                    () -> Advisor.builder().rules(dir).build());

            int line = TestRules.HEADER.split("\n", -1).length + 3;
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.source()).isEqualTo(dir + "/broken.drl");
                assertThat(p.line()).isEqualTo(line);
                assertThat(p.field()).isEqualTo("typo");
                assertThat(p.message()).contains("mathz");
            });
        }

        @Test
        void aSyntaxErrorIsReportedWithItsFileAndLine(@TempDir Path dir) {
            TestRules.miniRules(dir, "broken.drl", "rule \"no end\"\nwhen\n    Profile( )\nthen\n");

            InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                    () -> Advisor.builder().rules(dir).build());

            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.source()).isEqualTo(dir + "/broken.drl");
                assertThat(p.line()).isPositive();
            });
        }

        @Test
        void unknownAdviceAndPassageIdsAreAllReported(@TempDir Path dir) {
            TestRules.miniRules(dir, "t.drl",
                    rule("a", "nothing-like-this", 0.5, "Profile( skills.math >= 3 )", "support")
                    + rule("b", "one", 0.5, "Profile( skills.math >= 3 )", "support").replace("p1", "p9")
                    + rule("c", "one", 1.5, "Profile( skills.math >= 3 )", "support"));

            InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                    () -> Advisor.builder().rules(dir).build());

            assertThat(e.problems()).extracting(Problem::field).containsExactly("a", "b", "c");
            assertThat(e.problems()).extracting(Problem::message).satisfiesExactly(
                    m -> assertThat(m).contains("'nothing-like-this'"),
                    m -> assertThat(m).contains("'p9'"),
                    m -> assertThat(m).contains("@weight"));
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
        }

        @Test
        void aDuplicatedRuleNameIsAnError(@TempDir Path dir) {
            TestRules.miniRules(dir, "a.drl", rule("same", "one", 0.5, "Profile( skills.math >= 3 )", "support"),
                    "b.drl", rule("same", "two", 0.5, "Profile( skills.math >= 3 )", "support"));

            InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                    () -> Advisor.builder().rules(dir).build());

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.source()).endsWith("b.drl");
                assertThat(p.message()).contains("already defined at " + dir + "/a.drl:");
            });
        }

        @Test
        void aMissingCatalogueIsReported(@TempDir Path dir) throws Exception {
            TestRules.miniRules(dir, "t.drl", rule("a", "one", 0.5, "Profile( skills.math >= 3 )", "support"));
            Files.delete(dir.resolve("advice.yaml"));

            InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                    () -> Advisor.builder().rules(dir).build());

            assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.source()).endsWith("advice.yaml");
                assertThat(p.message()).contains("missing");
            });
        }
    }

    @Nested
    @DisplayName("the rules bundled in the jar")
    class Bundled {

        @Test
        void areTheSameFilesAsTheRulesFolder() throws Exception {
            Path bundled = Path.of(AdvisorTest.class.getResource("/io/github/dlcareer/advisor/bundled-rules/advice.yaml").toURI())
                    .getParent();

            assertThat(names(bundled)).isEqualTo(names(TestRules.RULES));
            for (String name : names(TestRules.RULES)) {
                assertThat(bundled.resolve(name)).hasSameBinaryContentAs(TestRules.RULES.resolve(name));
            }
        }

        @Test
        void giveTheSameAdviceAsTheRulesFolder() {
            Advisor bundled = Advisor.builder().build();
            Profile profile = TestRules.profile("india-abroad-not-top-tier");

            assertThat(bundled.rulesLocation()).isEqualTo("<bundled rules>");
            assertThat(AdviceJson.write(bundled.advise(profile))).isEqualTo(AdviceJson.write(TestRules.advisor().advise(profile)));
        }

        private Set<String> names(Path folder) throws Exception {
            try (Stream<Path> files = Files.list(folder)) {
                return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
            }
        }
    }
}
