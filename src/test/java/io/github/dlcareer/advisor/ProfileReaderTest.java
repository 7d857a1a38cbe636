package io.github.dlcareer.advisor;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProfileReaderTest {

    private final ProfileReader reader = ProfileReader.create();

    /** The example of PROFILE.md, whole. */
    static final String FULL_YAML = """
            id: etienne
            location:
              country: FR
            education:
              level: MASTERS
              field: ENGINEERING
              enrolled: true
              finalYear: true
            job:
              status: STUDENT
              industry: manufacturing
              involvesDeepLearning: false
              consideringQuitting: false
            skills:
              math: 4
              programming: 4
              english: 4
              writing: 3
              communication: 3
              deepLearning: 3
              highPerformanceComputing: 1
              bigData: 1
            traits:
              mathPassion: true
              perseverance: true
              curiosity: true
              structuredThinking: true
              studiesAlone: false
              overwhelmedByPapers: false
            interests:
              focus: THEORY
              domains: [vision, bio]
              roles: {researcher: 2, applied: 5, engineer: 2, domainExpert: 1}
            experience:
              courses: [fast.ai, deeplearning.ai, cs231n]
              frameworks: [pytorch]
              kaggle: {competitions: 3, bestRank: 120}
              githubProjects: 2
              papers: 0
              internships: 0
              hackathons: 0
            hardware:
              gpu: CLOUD
            plans:
              goal: PHD
              studyAbroad: {country: US, topTier: true}
              workAbroad: {country: US, nearSiliconValley: false}
              learnClassicalMlFirst: true
            advisor:
              encouragesFuturisticResearch: true
              encouragesExternalCollaboration: false
              allowsInternships: false
              freeInteraction: true
              labHasHardware: true
              publishesAtTopVenues: true
            employer:
              bossBelievesDlSolvesEverything: true
              collaboratesWithDomainExperts: false
              hasLabelledDataPartners: false
              collaboratesWithAcademia: false
              shipsProducts: false
            """;

    private List<Problem> problemsOf(String text, String source) {
        return catchThrowableOfType(InvalidProfileException.class, () -> reader.parse(text, source)).problems();
    }

    @Nested
    @DisplayName("a valid profile")
    class Valid {

        @Test
        void readsEveryFieldOfTheFormat() {
            Profile p = reader.parse(FULL_YAML, "etienne.yaml");

            assertThat(p.id()).isEqualTo("etienne");
            assertThat(p.location().country()).isEqualTo("FR");
            assertThat(p.education().level()).isEqualTo(Profile.EducationLevel.MASTERS);
            assertThat(p.education().field()).isEqualTo(Profile.Field.ENGINEERING);
            assertThat(p.education().finalYear()).isTrue();
            assertThat(p.job().industry()).isEqualTo("manufacturing");
            assertThat(p.job().consideringQuitting()).isFalse();
            assertThat(p.skills().math()).isEqualTo(4);
            assertThat(p.skills().highPerformanceComputing()).isEqualTo(1);
            assertThat(p.traits().overwhelmedByPapers()).isFalse();
            assertThat(p.interests().focus()).isEqualTo(Profile.Focus.THEORY);
            assertThat(p.interests().domains()).containsExactly("vision", "bio");
            assertThat(p.interests().roles().applied()).isEqualTo(5);
            assertThat(p.experience().courses()).containsExactly("fast.ai", "deeplearning.ai", "cs231n");
            assertThat(p.experience().kaggle().bestRank()).isEqualTo(120);
            assertThat(p.hardware().gpu()).isEqualTo(Profile.Gpu.CLOUD);
            assertThat(p.plans().goal()).isEqualTo(Profile.Goal.PHD);
            assertThat(p.plans().studyAbroad().topTier()).isTrue();
            assertThat(p.plans().workAbroad().nearSiliconValley()).isFalse();
            assertThat(p.advisor().allowsInternships()).isFalse();
            assertThat(p.employer().shipsProducts()).isFalse();
        }

        @Test
        void readsJsonTheSameAsYaml() {
            String json = """
                    {"id": "etienne", "skills": {"math": 4}, "hardware": {"gpu": "CLOUD"},
                     "interests": {"domains": ["Vision", "bio"]}}""";
            Profile p = reader.parse(json, "etienne.json");

            assertThat(p.skills().math()).isEqualTo(4);
            assertThat(p.hardware().gpu()).isEqualTo(Profile.Gpu.CLOUD);
            assertThat(p.interests().domains()).containsExactly("vision", "bio");
        }

        @Test
        void treatsAbsentFieldsAsUnknownNotFalse() {
            Profile p = reader.parse("id: quiet", "quiet.yaml");

            assertThat(p.advisor().allowsInternships()).isNull();
            assertThat(p.skills().math()).isNull();
            assertThat(p.hardware().gpu()).isNull();
            assertThat(p.interests().domains()).isNull();
            assertThat(p.plans().studyAbroad().topTier()).isNull();
        }

        @Test
        void treatsAnExplicitNullAsUnknown() {
            Profile p = reader.parse("{\"id\": \"n\", \"hardware\": {\"gpu\": null}, \"skills\": null}", "n.json");

            assertThat(p.hardware().gpu()).isNull();
            assertThat(p.skills().math()).isNull();
        }

        @Test
        void matchesEnumValuesWhateverTheirCase() {
            Profile p = reader.parse("id: c\nhardware: {gpu: own}\neducation: {level: high_school}", "c.yaml");

            assertThat(p.hardware().gpu()).isEqualTo(Profile.Gpu.OWN);
            assertThat(p.education().level()).isEqualTo(Profile.EducationLevel.HIGH_SCHOOL);
        }

        @Test
        void normalisesCountryCodesToUpperCase() {
            assertThat(reader.parse("id: c\nlocation: {country: in}", "c.yaml").location().country()).isEqualTo("IN");
        }

        @Test
        void readsAFileChoosingTheFormatByItsName(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("anna.yml");
            Files.writeString(file, "id: anna\nskills: {math: 2}\n");

            assertThat(reader.read(file).skills().math()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("an invalid profile is rejected with every problem, each saying where")
    class Invalid {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                skill out of range      | id: a\\nskills: {math: 7}               | skills.math        | 2 | expected a whole number from 0 (none) to 5 (expert), got 7
                skill of the wrong type | id: a\\nskills: {math: high}            | skills.math        | 2 | got "high"
                negative count          | id: a\\nexperience: {papers: -1}        | experience.papers  | 2 | expected a whole number, 0 or more, got -1
                boolean as text         | id: a\\nadvisor: {allowsInternships: maybe} | advisor.allowsInternships | 2 | expected true or false
                section not an object   | id: a\\nskills: 3                       | skills             | 2 | expected an object with the fields of skills
                unknown country         | id: a\\nlocation: {country: XX}         | location.country   | 2 | expected an ISO 3166-1 alpha-2 country code
                list of the wrong type  | id: a\\ninterests: {domains: bio}       | interests.domains  | 2 | expected a list of words
                word of the wrong type  | id: a\\ninterests: {domains: [bio, 3]}  | interests.domains[1] | 2 | expected a word, got 3
                """)
        void namesTheFieldLineAndExpectation(String situation, String yaml, String field, int line, String message) {
            List<Problem> problems = problemsOf(yaml.replace("\\n", "\n"), "a.yaml");

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo(field);
                assertThat(p.line()).isEqualTo(line);
                assertThat(p.column()).isPositive();
                assertThat(p.source()).isEqualTo("a.yaml");
                assertThat(p.message()).contains(message);
                assertThat(p.isError()).isTrue();
            });
        }

        @Test
        void listsTheAllowedValuesOfAnUnknownEnumValue() {
            Problem problem = problemsOf("id: a\nhardware:\n  gpu: LAPTOP\n", "a.yaml").get(0);

            assertThat(problem.toString())
                    .isEqualTo("a.yaml:3:8: hardware.gpu: expected one of NONE, CLOUD, OWN, got \"LAPTOP\"");
        }

        @Test
        void requiresAnId() {
            Problem problem = problemsOf("skills: {math: 3}", "a.yaml").get(0);

            assertThat(problem.field()).isEqualTo("id");
            assertThat(problem.message()).startsWith("missing");
        }

        @Test
        void reportsEveryProblemAtOnce() {
            List<Problem> problems = problemsOf("""
                    {"skills": {"math": 9, "writing": "good"},
                     "hardware": {"gpu": "tpu"}}""", "a.json");

            assertThat(problems).extracting(Problem::field)
                    .containsExactly("skills.math", "skills.writing", "hardware.gpu", "id");
        }

        @Test
        void givesLineAndColumnOfBrokenSyntax() {
            Problem problem = problemsOf("{\"id\": \"a\",\n \"skills\": {\"math\": 3,}\n}", "a.json").get(0);

            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.column()).isPositive();
            assertThat(problem.message()).startsWith("broken syntax");
        }

        @Test
        void givesLineOfBrokenYaml() {
            List<Problem> problems = problemsOf("id: a\nskills:\n  math: [3\n", "a.yaml");

            assertThat(problems).anySatisfy(problem -> {
                assertThat(problem.line()).isGreaterThanOrEqualTo(3);
                assertThat(problem.message()).startsWith("broken syntax");
            });
        }

        @Test
        void rejectsADuplicatedField() {
            assertThat(problemsOf("{\"id\": \"a\", \"id\": \"b\"}", "a.json").get(0).message())
                    .contains("Duplicate field 'id'");
        }

        @Test
        void rejectsAnEmptyFile() {
            assertThat(problemsOf("", "a.json").get(0).message()).contains("empty");
        }

        @Test
        void reportsAMissingFile(@TempDir Path dir) {
            Path missing = dir.resolve("nobody.yaml");
            InvalidProfileException e = catchThrowableOfType(InvalidProfileException.class, () -> reader.read(missing));

            assertThat(e.problems()).singleElement().hasToString(missing + ": no such file");
        }

        @Test
        void namesAFileAsTheCallerWroteIt(@TempDir Path dir) throws Exception {
            Path file = Files.writeString(dir.resolve("me.yaml"), "id: me\nskills:\n  math: 9\n");

            InvalidProfileException invalid = catchThrowableOfType(InvalidProfileException.class,
                    () -> reader.read(file, "../me.yaml"));
            InvalidProfileException missing = catchThrowableOfType(InvalidProfileException.class,
                    () -> reader.read(dir.resolve("gone.yaml"), "gone.yaml"));

            assertThat(invalid.problems()).singleElement().asString().startsWith("../me.yaml:3:")
                    .contains("skills.math");
            assertThat(missing.problems()).singleElement().hasToString("gone.yaml: no such file");
        }
    }

    @Nested
    @DisplayName("an unknown field")
    class UnknownField {

        private static final String TYPO = "id: a\nskills:\n  maths: 4\n";

        @Test
        void isAWarningThatSuggestsTheFieldMeant() {
            List<Problem> warnings = new ArrayList<>();
            Profile p = reader.onWarning(warnings::add).parse(TYPO, "a.yaml");

            assertThat(p.skills().math()).isNull();
            assertThat(warnings).singleElement().satisfies(w -> {
                assertThat(w.isError()).isFalse();
                assertThat(w.line()).isEqualTo(3);
                assertThat(w.field()).isEqualTo("skills.maths");
                assertThat(w.message()).contains("did you mean skills.math?");
            });
        }

        @Test
        void isAnErrorWhenStrict() {
            InvalidProfileException e = catchThrowableOfType(InvalidProfileException.class,
                    () -> reader.strict(true).parse(TYPO, "a.yaml"));

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.isError()).isTrue();
                assertThat(p.field()).isEqualTo("skills.maths");
            });
        }
    }
}
