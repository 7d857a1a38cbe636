package io.github.dlcareer.advisor;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each example profile gets the advice its situation calls for, and its neighbours do not
 * (the table: src/test/resources/situations.csv).
 */
class RuleSituationsTest {

    @DisplayName("situation → advice present and absent")
    @ParameterizedTest(name = "{0}: gets [{1}], not [{2}]")
    @CsvFileSource(resources = "/situations.csv", numLinesToSkip = 1)
    void givesTheAdviceOfTheSituationAndNotOfItsNeighbours(String profile, String present, String absent) {
        Advice advice = TestRules.advisor().advise(TestRules.profile(profile));
        List<String> given = advice.recommendations().stream().map(Recommendation::id).toList();

        assertThat(ids(present)).as("advice that %s must get, among %s", profile, given).isSubsetOf(given);
        assertThat(given).as("advice given to " + profile).noneMatch(ids(absent)::contains);
    }

    private static List<String> ids(String spaceSeparated) {
        return spaceSeparated == null ? List.of() : Arrays.asList(spaceSeparated.trim().split("\\s+"));
    }
}
