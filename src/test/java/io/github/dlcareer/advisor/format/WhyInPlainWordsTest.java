package io.github.dlcareer.advisor.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.TestRules;
import io.github.dlcareer.advisor.authoring.RulesFolder;
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

/**
 * "Why" in the person's words ({@code rules/fields.yaml}) for every example profile: no field path, no constant,
 * no finding's name.
 */
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
    void theWhyOfEveryExampleNamesNoFindingAsTheRulesSpellIt() throws IOException {
        // A name of one word ("undergraduate") may be a plain word too: the names with a hyphen are the rules' own.
        List<String> names = RulesFolder.read(TestRules.RULES).rules().stream().flatMap(r -> r.derives().stream())
                .filter(name -> name.contains("-")).distinct().toList();
        assertThat(names).contains("dl-learner", "phd-applicant", "job-outside-dl");
        List<String> wrong = new ArrayList<>();
        for (Advice advice : adviceForEveryExample()) {
            StringWriter text = new StringWriter();
            TextReport.write(advice, new PrintWriter(text), new TextReport.Options(true, false));
            for (Matcher why : List.of(TEXT_WHY.matcher(text.toString()), HTML_WHY.matcher(HtmlReport.advice(advice)))) {
                while (why.find()) {
                    String line = why.group(1).replaceAll("\\s+", " ");
                    names.stream().filter(line::contains).forEach(name -> wrong.add(advice.profile() + ": " + line));
                }
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void whyIsOneSentenceOfTheFactsAndWhatTheRulesFoundInWords() {
        Advice advice = TestRules.advisor().advise(TestRules.profile("gpu-none"));
        StringWriter text = new StringWriter();
        TextReport.write(advice, new PrintWriter(text));

        // a fact by its label; a finding by its label, with the facts it rests on where the label shows them
        assertThat(text.toString()).contains("   Why: you have no GPU.\n",
                        "   Why: you are new to deep learning (you took deeplearning.ai).\n")
                .doesNotContain("hardware.gpu", "NONE", "dl-learner");
        assertThat(HtmlReport.advice(advice))
                .contains("<div class=\"why\">Why: you are new to deep learning (you took deeplearning.ai).</div>");
    }

    @Test
    void theJsonKeepsTheFactsAsPathsAndAddsThemInWords() throws IOException {
        Advice advice = TestRules.advisor().advise(TestRules.profile("gpu-none"));
        JsonNode patient = null;
        for (JsonNode r : new ObjectMapper().readTree(AdviceJson.write(advice)).get("recommendations")) {
            patient = r.get("id").asText().equals("be-patient") ? r : patient;
        }

        assertThat(patient.get("because").toString()).isEqualTo("[\"experience.courses = [deeplearning.ai]\"]");
        assertThat(patient.get("why").toString()).isEqualTo("[\"you are new to deep learning (you took deeplearning.ai)\"]");
    }
}
