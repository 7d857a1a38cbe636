package io.github.dlcareer.advisor.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.TestRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** "Why" in the person's words ({@code rules/fields.yaml}) for every example profile: no field path, no constant. */
class WhyInPlainWordsTest {

    /** A field path with its value, as the engine quotes a fact: {@code job.status = EMPLOYED}. */
    private static final Pattern FACT = Pattern.compile("\\w+\\.\\w+(\\.\\w+)* = ");
    /** Every constant of the profile's enums (PHD, STARTUP_JOB, NONE, ...). */
    private static final Set<String> CONSTANTS = Stream.of(Profile.EducationLevel.class, Profile.Field.class,
                    Profile.JobStatus.class, Profile.Focus.class, Profile.Gpu.class, Profile.Goal.class)
            .flatMap(e -> Stream.of(e.getEnumConstants())).map(Enum::name).collect(Collectors.toSet());
    /** A Why line of the text (with its continuation lines) or of the page. */
    private static final Pattern TEXT_WHY = Pattern.compile("(?m)^   Why: (.*(\\n   \\S.*)*)");
    private static final Pattern HTML_WHY = Pattern.compile("<div class=\"why\">Why: (.*?)</div>");

    private static List<Advice> adviceForEveryExample() throws IOException {
        List<Advice> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestRules.PROFILES)) {
            for (Path file : files.sorted().toList()) {
                all.add(TestRules.advisor().advise(ProfileReader.create().read(file)));
            }
        }
        return all;
    }

    /** What is wrong with each Why: a field path or a constant in it. */
    private static List<String> machineWords(String profile, Matcher why) {
        List<String> wrong = new ArrayList<>();
        int found = 0;
        while (why.find()) {
            found++;
            String line = why.group(1).replaceAll("\\s+", " ");
            if (FACT.matcher(line).find() || Stream.of(line.split("\\W+")).anyMatch(CONSTANTS::contains)) {
                wrong.add(profile + ": " + line);
            }
        }
        if (found == 0) {
            wrong.add(profile + ": no Why at all (the pattern no longer matches the output?)");
        }
        return wrong;
    }

    @Test
    void theTextAndThePageSayWhyWithoutFieldPathsOrConstants() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Advice advice : adviceForEveryExample()) {
            if (advice.recommendations().isEmpty()) {
                continue;
            }
            for (TextReport.Options options : List.of(TextReport.Options.DEFAULT, new TextReport.Options(true, false))) {
                StringWriter text = new StringWriter();
                TextReport.write(advice, new PrintWriter(text), options);
                wrong.addAll(machineWords(advice.profile() + " (text)", TEXT_WHY.matcher(text.toString())));
            }
            wrong.addAll(machineWords(advice.profile() + " (html)", HTML_WHY.matcher(HtmlReport.advice(advice))));
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void whyIsOneSentenceOfTheFactsInWords() {
        Advice advice = TestRules.advisor().advise(TestRules.profile("advisor-red-flags"));
        StringWriter text = new StringWriter();
        TextReport.write(advice, new PrintWriter(text));

        assertThat(text.toString()).contains("   Why: you want to do a PhD; you are at master's level.\n")
                .doesNotContain("plans.goal", "PHD");
        assertThat(HtmlReport.advice(advice))
                .contains("<div class=\"why\">Why: you want to do a PhD; you are at master&#39;s level.</div>");
    }

    @Test
    void theJsonKeepsTheFactsAsPathsAndAddsThemInWords() throws IOException {
        Advice advice = TestRules.advisor().advise(TestRules.profile("gpu-none"));
        JsonNode gpu = null;
        for (JsonNode r : new ObjectMapper().readTree(AdviceJson.write(advice)).get("recommendations")) {
            gpu = r.get("id").asText().equals("buy-a-gpu") ? r : gpu;
        }

        assertThat(gpu.get("because").toString()).contains("\"hardware.gpu = NONE\"");
        assertThat(gpu.get("why")).hasSameSizeAs(gpu.get("because"));
        assertThat(gpu.get("why").toString()).contains("\"you have no GPU\"");
    }
}
