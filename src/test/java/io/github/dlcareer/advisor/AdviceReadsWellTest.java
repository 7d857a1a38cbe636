package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.format.TextReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The advice for every example profile, read as the person it is for would read it. */
class AdviceReadsWellTest {

    private static List<Advice> adviceForEveryExample() throws IOException {
        List<Advice> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestRules.PROFILES)) {
            for (Path file : files.sorted().toList()) {
                all.add(TestRules.advisor().advise(ProfileReader.create().read(file)));
            }
        }
        return all;
    }

    @Test
    void neverRecommendsTwoSidesOfOneConflict() throws IOException {
        List<String> both = new ArrayList<>();
        for (Advice advice : adviceForEveryExample()) {
            for (Advice.Conflict conflict : advice.conflicts()) {
                List<String> given = conflict.sides().stream().filter(Advice.Side::given).map(Advice.Side::advice).toList();
                if (given.size() > 1) {
                    both.add(advice.profile() + ": " + conflict.id() + " " + given);
                }
            }
        }

        assertThat(both).isEmpty();
    }

    @Test
    void theTextShowsEachQuoteOnceAndNoIdList() throws IOException {
        List<String> repeated = new ArrayList<>();
        for (Advice advice : adviceForEveryExample()) {
            StringWriter text = new StringWriter();
            TextReport.write(advice, new PrintWriter(text));
            String flat = text.toString().replaceAll("\\s+", " ");
            advice.recommendations().stream().flatMap(r -> r.citations().stream()).map(Citation::quote).distinct()
                    .filter(quote -> occurrences(flat, quote.replaceAll("\\s+", " ")) > 1)
                    .forEach(quote -> repeated.add(advice.profile() + ": " + quote));
            assertThat(text.toString()).as(advice.profile()).doesNotContain("bears on");
        }

        assertThat(repeated).isEmpty();
    }

    /** The default reads in a few minutes: at most a page, yet the summary's recommendations in detail. */
    @Test
    void theDefaultTextFitsAPageAndDetailsAtLeastTheSummary() throws IOException {
        for (Advice advice : adviceForEveryExample()) {
            StringWriter text = new StringWriter();
            TextReport.write(advice, new PrintWriter(text));
            List<String> lines = text.toString().lines().toList();
            int expected = Math.min(advice.recommendations().size(), TextReport.SUMMARISED);

            assertThat(lines).as(advice.profile()).hasSizeLessThanOrEqualTo(TextReport.LINES);
            assertThat(lines.stream().filter(line -> line.matches("\\d+\\. .*")).count()).as(advice.profile())
                    .isGreaterThanOrEqualTo(expected);
        }
    }

    @Test
    void asksOneQuestionPerConcept() throws IOException {
        List<String> twice = new ArrayList<>();
        for (Advice advice : adviceForEveryExample()) {
            List<String> fields = advice.questions().stream().map(Advice.Question::field).toList();
            for (String a : fields) {
                for (String b : fields) {
                    if (a != b && (a.equals(b) || b.startsWith(a + "."))) {
                        twice.add(advice.profile() + ": " + a + " and " + b);
                    }
                }
            }
        }

        assertThat(twice).isEmpty();
    }

    /** Choubey's view of the job market in Mumbai is cited to people in India, not to people elsewhere. */
    @Test
    void aPassageAboutOnePlaceIsCitedOnlyThere() throws IOException {
        List<String> elsewhere = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestRules.PROFILES)) {
            for (Path file : files.sorted().toList()) {
                Profile profile = ProfileReader.create().read(file);
                boolean cited = TestRules.advisor().advise(profile).recommendations().stream()
                        .flatMap(r -> r.citations().stream()).anyMatch(c -> c.quote().contains("Mumbai"));
                if (cited && !"IN".equals(profile.location().country())) {
                    elsewhere.add(profile.id() + " (" + profile.location().country() + ")");
                }
            }
        }

        assertThat(elsewhere).isEmpty();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
