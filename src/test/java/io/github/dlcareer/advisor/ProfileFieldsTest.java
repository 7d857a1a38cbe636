package io.github.dlcareer.advisor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The public profile API: every field listed and described, answers applied as text, profiles written and read back. */
class ProfileFieldsTest {

    private final ProfileReader reader = ProfileReader.create().strict(true);

    @Test
    void everyFieldIsListedOnceAndFoundByItsPath() {
        List<ProfileField> fields = ProfileFields.all();

        assertThat(fields).hasSize(56).extracting(ProfileField::path).doesNotHaveDuplicates()
                .startsWith("id", "location.country", "education.level").endsWith("employer.shipsProducts");
        fields.forEach(field -> assertThat(ProfileFields.find(field.path())).contains(field));
        assertThat(fields).extracting(ProfileField::value).containsOnlyNulls();
        assertThat(ProfileFields.find("skills")).as("a section is not a field").isEmpty();
        assertThat(ProfileFields.find("skills.maths")).isEmpty();
    }

    @Test
    void aFieldSaysWhatItHoldsAndTheAnswersItAllows() {
        assertThat(ProfileFields.find("plans.goal")).hasValueSatisfying(goal -> {
            assertThat(goal.type()).isEqualTo(Profile.Goal.class);
            assertThat(goal.choices()).containsExactly("phd", "masters", "job", "startup_job", "self_study", "undecided");
            assertThat(goal.kind()).isEqualTo("one of phd, masters, job, startup_job, self_study, undecided");
        });
        assertThat(ProfileFields.find("advisor.allowsInternships")).hasValueSatisfying(field -> {
            assertThat(field.type()).isEqualTo(Boolean.class);
            assertThat(field.choices()).containsExactly("yes", "no");
            assertThat(field.kind()).isEqualTo("yes or no");
        });
        assertThat(ProfileFields.find("skills.math")).hasValueSatisfying(field -> {
            assertThat(field.type()).isEqualTo(Integer.class);
            assertThat(field.choices()).isEmpty();
            assertThat(field.kind()).isEqualTo("a whole number from 0 (none) to 5 (expert)");
        });
        assertThat(ProfileFields.find("interests.domains")).hasValueSatisfying(field -> {
            assertThat(field.type()).isEqualTo(List.class);
            assertThat(field.kind()).isEqualTo("words separated by commas");
        });
        assertThat(ProfileFields.find("location.country").orElseThrow().kind()).contains("country code");
    }

    @Test
    void aProfilesFieldsCarryItsValues() {
        Profile profile = reader.parse(ProfileReaderTest.FULL_YAML, "full.yaml");

        Map<String, Object> values = new LinkedHashMap<>();
        ProfileFields.all(profile).forEach(field -> values.put(field.path(), field.value()));

        assertThat(values).doesNotContainValue(null)
                .containsEntry("education.level", Profile.EducationLevel.MASTERS)
                .containsEntry("skills.math", 4)
                .containsEntry("interests.domains", List.of("vision", "bio"))
                .containsEntry("plans.studyAbroad.topTier", true);
        assertThat(ProfileFields.all(Profile.unknown("anna"))).filteredOn(field -> field.value() != null)
                .extracting(ProfileField::path).containsExactly("id");
    }

    @Test
    void answersWrittenAsTextSetTheirFields() {
        Profile profile = ProfileFields.apply(Profile.unknown("anna"), Map.of("hardware.gpu", "own",
                "advisor.allowsInternships", "No", "skills.math", "4", "interests.domains", "Bio, vision",
                "plans.goal", "startup job"), "form");

        assertThat(profile.hardware().gpu()).isEqualTo(Profile.Gpu.OWN);
        assertThat(profile.advisor().allowsInternships()).isFalse();
        assertThat(profile.skills().math()).isEqualTo(4);
        assertThat(profile.interests().domains()).containsExactly("bio", "vision");
        assertThat(profile.plans().goal()).isEqualTo(Profile.Goal.STARTUP_JOB);
        assertThat(ProfileFields.apply(profile, Map.of("skills.math", ""), "form").skills().math())
                .as("an empty answer: unknown again").isNull();
    }

    @Test
    void aBadAnswerNamesTheFieldAndWhatWasExpected() {
        InvalidProfileException e = catchThrowableOfType(() -> ProfileFields.apply(Profile.unknown("anna"),
                Map.of("skills.math", "9"), "form"), InvalidProfileException.class);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("form");
            assertThat(p.field()).isEqualTo("skills.math");
            assertThat(p.message()).isEqualTo("expected a whole number from 0 (none) to 5 (expert), got 9");
        });
        assertThat(catchThrowableOfType(() -> ProfileFields.apply(Profile.unknown("anna"),
                Map.of("plans.goal", "rich"), "form"), InvalidProfileException.class).problems())
                .singleElement().extracting(Problem::message)
                .isEqualTo("expected one of PHD, MASTERS, JOB, STARTUP_JOB, SELF_STUDY, UNDECIDED, got \"rich\"");
        assertThat(catchThrowableOfType(() -> ProfileFields.apply(Profile.unknown("anna"),
                Map.of("skills.maths", "4"), "form"), InvalidProfileException.class).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("skills.maths");
                    assertThat(p.message()).isEqualTo("not a profile field; did you mean skills.math?");
                });
        assertThat(catchThrowableOfType(() -> ProfileFields.apply(Profile.unknown("anna"),
                Map.of("id", "bob"), "form"), InvalidProfileException.class)).as("the id stays").isNotNull();
    }

    @Test
    void aProfileWrittenAsYamlOrJsonReadsBackEqual() throws IOException {
        List<Profile> profiles = new ArrayList<>();
        profiles.add(reader.parse(ProfileReaderTest.FULL_YAML, "full.yaml"));
        profiles.add(Profile.unknown("nobody"));
        try (Stream<Path> files = Files.list(TestRules.PROFILES)) {
            files.sorted().forEach(file -> profiles.add(reader.read(file)));
        }

        for (Profile profile : profiles) {
            assertThat(reader.parse(ProfileFields.toYaml(profile), "again.yaml")).isEqualTo(profile);
            assertThat(reader.parse(ProfileFields.toJson(profile), "again.json")).isEqualTo(profile);
        }
        assertThat(ProfileFields.toYaml(Profile.unknown("me"))).isEqualTo("id: me\n");
        assertThat(ProfileFields.toJson(Profile.unknown("me"))).isEqualTo("{\"id\":\"me\"}");
    }

    /** What an interview saves is read back as it was answered: text that YAML would take for a number or a yes. */
    @Test
    void answersThatLookLikeNumbersOrBooleansReadBackAsText() {
        Profile answered = ProfileFields.apply(Profile.unknown("me"), Map.of("experience.courses", "3",
                "interests.domains", "yes, 1.5", "job.industry", "true", "location.country", "NO"), "interview");

        Profile again = reader.parse(ProfileFields.toYaml(answered), "again.yaml");

        assertThat(again).isEqualTo(answered);
        assertThat(again.experience().courses()).containsExactly("3");
        assertThat(again.location().country()).isEqualTo("NO");
    }
}
