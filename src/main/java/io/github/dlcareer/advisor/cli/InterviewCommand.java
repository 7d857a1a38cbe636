package io.github.dlcareer.advisor.cli;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileField;
import io.github.dlcareer.advisor.ProfileFields;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.Recommendation;
import io.github.dlcareer.advisor.format.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code advisor interview}: asks only the questions that matter for this person, most important first (the
 * questions the rules ask of the profile so far), shows the advice as it firms up, and saves the profile.
 * Reads answers line by line, so it also runs from piped answers.
 */
@Command(name = "interview",
        mixinStandardHelpOptions = true,
        description = "Ask, in the terminal, only the questions that matter for you, most important first; show the"
                + " advice as it firms up; save the profile (YAML) at the end. An empty answer skips a question;"
                + " 'done' (or the end of the input) finishes. Answers may also be piped in, one per line.")
final class InterviewCommand implements Callable<Integer> {

    /**
     * The longest answer taken, in characters: an answer is a word, a number or a short list; a longer line
     * (a file pasted by mistake, an endless stream) is refused, and not held.
     */
    static final int MAX_ANSWER = 1_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--id", defaultValue = "me", description = "The profile's id (default: me).")
    String id;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to save the profile (default: ID.yaml).")
    Path save;

    @Option(names = "--from", paramLabel = "FILE", description = "Start from this profile instead of an empty one.")
    Path from;

    @Mixin
    RulesOption rules;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (id.isBlank() || id.length() > ProfileFields.MAX_TEXT_LENGTH) {
            err.println("advisor interview: --id must be a name of 1 to " + ProfileFields.MAX_TEXT_LENGTH + " characters");
            return ExitCodes.INVALID_INPUT;
        }
        Advisor advisor = rules.advisor();
        Profile profile = from == null ? Profile.unknown(id) : ProfileReader.create().read(from);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Set<String> asked = new HashSet<>();
        out.println("A few questions, most important first. Press Enter to skip one, type 'done' to finish.");
        Advice advice = advisor.advise(profile);
        interview:
        while (true) {
            ProfileField field = next(advice, profile, asked);
            if (field == null) {
                break;
            }
            asked.add(field.path());
            while (true) {
                out.println();
                out.println(prompt(advice, field));
                out.print("> ");
                out.flush();
                String answer = readAnswer(in);
                if (answer != null && System.console() == null) {
                    out.println(TextReport.safe(answer)); // answers piped in: echo them, so that the transcript reads
                }
                if (answer != null && answer.length() > MAX_ANSWER) {
                    out.printf(Locale.ROOT, "  That answer is too long: more than %,d characters.%n", MAX_ANSWER);
                    continue;
                }
                if (answer == null || answer.strip().equalsIgnoreCase("done")) {
                    break interview;
                }
                if (answer.isBlank()) {
                    break; // skipped: stays unknown
                }
                try {
                    profile = ProfileFields.apply(profile, Map.of(field.path(), normalise(answer.strip(), field)),
                            "interview");
                    break;
                } catch (InvalidProfileException e) {
                    for (Problem p : e.problems()) {
                        out.println("  That answer does not fit: " + TextReport.safe(p.message()));
                    }
                }
            }
            advice = advisor.advise(profile);
            firmingUp(advice, out);
        }
        Path file = save != null ? save : Path.of(fileName(profile.id()) + ".yaml");
        Files.writeString(file, ProfileFields.toYaml(profile));
        out.println();
        out.println("Saved your profile to " + TextReport.safe(file.toString()) + ". Your advice:");
        out.println();
        TextReport.write(advice, out);
        out.flush();
        return 0;
    }

    /**
     * One line of input, without its line break, or null at the end of the input. A line longer than
     * {@link #MAX_ANSWER} is not held: its first MAX_ANSWER + 1 characters are returned and the rest skipped.
     */
    private static String readAnswer(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (line.length() <= MAX_ANSWER) {
                line.append((char) c);
            }
        }
        if (c == -1 && line.length() == 0) {
            return null;
        }
        if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        return line.toString();
    }

    /** The first field to ask: of the questions the rules ask (most important first), one not yet asked. */
    private static ProfileField next(Advice advice, Profile profile, Set<String> asked) {
        List<ProfileField> fields = ProfileFields.all(profile);
        for (Advice.Question question : advice.questions()) {
            for (ProfileField field : fields) {
                String path = field.path();
                boolean inQuestion = path.equals(question.field()) || path.startsWith(question.field() + ".");
                if (inQuestion && !asked.contains(path) && field.value() == null) {
                    return field;
                }
            }
        }
        return null;
    }

    private static String prompt(Advice advice, ProfileField field) {
        String path = field.path();
        String question = advice.questions().stream()
                .filter(q -> path.equals(q.field()) || path.startsWith(q.field() + "."))
                .map(Advice.Question::text).findFirst().orElse(path);
        String exact = path.equals(advice.questions().stream().map(Advice.Question::field)
                .filter(f -> path.equals(f) || path.startsWith(f + ".")).findFirst().orElse(path))
                ? "" : "\n  (" + path + ")";
        return TextReport.safe(question) + exact + "\n  " + hint(field);
    }

    /** What the answer looks like: the choices of a field with named ones, else its kind in plain words. */
    private static String hint(ProfileField field) {
        return field.type().isEnum() ? String.join(", ", field.choices()) : field.kind();
    }

    /** Everyday answers to the form the field takes: an answer to a yes-or-no field counts by its first letter. */
    private static String normalise(String answer, ProfileField field) {
        String a = answer.toLowerCase(Locale.ROOT);
        if (field.type() == Boolean.class) {
            return a.startsWith("y") ? "true" : a.startsWith("n") ? "false" : answer;
        }
        return answer;
    }

    private static void firmingUp(Advice advice, PrintWriter out) {
        List<Recommendation> top = advice.recommendations().subList(0, Math.min(3, advice.recommendations().size()));
        if (top.isEmpty()) {
            out.println("  (no advice yet)");
        } else {
            out.println("  Advice so far: " + top.stream().map(r -> r.rank() + ". " + TextReport.safe(r.title()))
                    .collect(Collectors.joining("  ")));
        }
        out.flush();
    }

    /** An id as a file name in the current folder: no folder separators, no leading dot, nothing unprintable. */
    static String fileName(String id) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            name.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' && i > 0 ? c : '-');
        }
        return name.toString();
    }
}
