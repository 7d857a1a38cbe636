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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
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

    @Option(names = "--force", description = "Overwrite the file the profile is saved to if it exists (else an"
            + " interview in a terminal asks, and one with piped answers refuses).")
    boolean force;

    /** What became of one prompt. */
    private enum Outcome { ANSWERED, SKIPPED, DONE }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (id.isBlank() || id.length() > ProfileFields.MAX_TEXT_LENGTH) {
            err.println("advisor interview: --id must be a name of 1 to " + ProfileFields.MAX_TEXT_LENGTH + " characters");
            return ExitCodes.INVALID_INPUT;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Path file = save != null ? save : Path.of(fileName(id) + ".yaml");
        Path folder = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file) || folder == null || !Files.isDirectory(folder)) {
            err.println("advisor interview: cannot save the profile to " + TextReport.safe(file.toString())
                    + ": " + (Files.isDirectory(file) ? "it is a folder" : "its folder does not exist"));
            return ExitCodes.INVALID_INPUT;
        }
        if (Files.exists(file) && !force && !mayOverwrite(file, in, out)) {
            err.println("advisor interview: " + TextReport.safe(file.toString()) + " exists; not overwriting it"
                    + " (choose another with --out FILE, or --force)");
            return ExitCodes.INVALID_INPUT;
        }
        Advisor advisor = rules.advisor();
        profile = from == null ? Profile.unknown(id) : ProfileReader.create().read(from);
        Set<String> asked = new HashSet<>();
        out.println("A few questions, most important first. Press Enter to skip one, type 'done' to finish.");
        Advice advice = advisor.advise(profile);
        interview:
        while (true) {
            Advice.Question question = next(advice, profile, asked);
            if (question == null) {
                break;
            }
            List<ProfileField> fields = unknown(question, profile, asked);
            fields.forEach(f -> asked.add(f.path()));
            out.println();
            out.println(TextReport.safe(question.text()));
            if (isRatio(fields)) {
                List<ProfileField> roles = fields;
                Outcome all = ask(in, out, "  all four as R:A:E:D, such as 2:5:2:1 (or Enter to answer one by one)",
                        answer -> ratio(answer, roles));
                if (all == Outcome.DONE) {
                    break;
                }
                if (all == Outcome.ANSWERED) {
                    fields = List.of();
                }
            }
            for (ProfileField field : fields) {
                String prompt = "  " + (fields.size() == 1 && field.path().equals(question.field()) ? ""
                        : words(field.path()) + ": ") + hint(field);
                Outcome outcome = ask(in, out, prompt, answer -> Map.of(field.path(), normalise(answer, field)));
                if (outcome == Outcome.DONE) {
                    break interview;
                }
            }
            advice = advisor.advise(profile);
            firmingUp(advice, out);
        }
        String yaml = ProfileFields.toYaml(profile);
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            // The answers are not lost: they go to the terminal, to be saved by hand.
            err.println("advisor interview: cannot save the profile to " + TextReport.safe(file.toString()) + ": "
                    + TextReport.safe(String.valueOf(e.getMessage())) + "; here it is:");
            out.print(yaml);
            out.flush();
            return ExitCodes.FAILURE;
        }
        out.println();
        out.println("Saved your profile to " + TextReport.safe(file.toString()) + ". Your advice:");
        out.println();
        TextReport.write(advice, out);
        out.flush();
        return 0;
    }

    /** The profile as answered so far. */
    private Profile profile;

    /**
     * Asks one prompt until its answer fits (or is skipped, or the person is done), applying it to the profile;
     * an answer fits when the profile saved with it reads back as it was answered, as {@code advise} will read it.
     */
    private Outcome ask(BufferedReader in, PrintWriter out, String prompt, Function<String, Map<String, String>> answers)
            throws IOException {
        while (true) {
            out.println(TextReport.safe(prompt));
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
                return Outcome.DONE;
            }
            if (answer.isBlank()) {
                return Outcome.SKIPPED; // stays unknown
            }
            try {
                Profile answered = ProfileFields.apply(profile, answers.apply(answer.strip()), "interview");
                ProfileReader.create().strict(true).parse(ProfileFields.toYaml(answered), "the saved profile");
                profile = answered;
                return Outcome.ANSWERED;
            } catch (InvalidProfileException e) {
                for (Problem p : e.problems()) {
                    out.println("  That answer does not fit: " + TextReport.safe(p.message()));
                }
            }
        }
    }

    /** On a terminal, asks whether to overwrite an existing file at the end; with piped answers, never. */
    private static boolean mayOverwrite(Path file, BufferedReader in, PrintWriter out) throws IOException {
        if (System.console() == null) {
            return false;
        }
        out.print(TextReport.safe(file.toString()) + " exists. Overwrite it with this interview's profile? [y/N] ");
        out.flush();
        String answer = readAnswer(in);
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }

    /** The four player fields, asked together: a ratio fills them all at once. */
    private static boolean isRatio(List<ProfileField> fields) {
        return fields.size() == 4 && fields.stream().allMatch(f -> f.path().startsWith("interests.roles."));
    }

    /** {@code 2:5:2:1} as the four fields' answers, in their order; any other answer goes to them one by one. */
    private static Map<String, String> ratio(String answer, List<ProfileField> fields) {
        String[] parts = answer.split("\\s*:\\s*", -1);
        if (parts.length != fields.size()) {
            throw new InvalidProfileException(List.of(Problem.error("interview", 0, 0, "interests.roles",
                    "expected four whole numbers such as 2:5:2:1 (researcher : applied : engineer : domain expert)")));
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            answers.put(fields.get(i).path(), parts[i]);
        }
        return answers;
    }

    /** A field's name in words: {@code skills.highPerformanceComputing} → "high performance computing". */
    static String words(String path) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
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

    /** The first question the rules ask (most important first) with a field still unknown and not yet asked. */
    private static Advice.Question next(Advice advice, Profile profile, Set<String> asked) {
        return advice.questions().stream().filter(q -> !unknown(q, profile, asked).isEmpty()).findFirst().orElse(null);
    }

    /** The fields a question is about (its field, or every field below it) still unknown and not yet asked. */
    private static List<ProfileField> unknown(Advice.Question question, Profile profile, Set<String> asked) {
        String field = question.field();
        return ProfileFields.all(profile).stream()
                .filter(f -> f.path().equals(field) || f.path().startsWith(field + "."))
                .filter(f -> f.value() == null && !asked.contains(f.path()))
                .toList();
    }

    /** What the answer looks like: the choices of a field with named ones, else its kind in plain words. */
    private static String hint(ProfileField field) {
        return field.type().isEnum() ? String.join(", ", field.choices()) : field.kind();
    }

    /**
     * Everyday answers to the form the field takes: yes or no (by the first letter) for a yes-or-no field, and
     * "none" for 0 where a number is asked.
     */
    private static String normalise(String answer, ProfileField field) {
        String a = answer.toLowerCase(Locale.ROOT);
        if (field.type() == Boolean.class) {
            return a.startsWith("y") ? "true" : a.startsWith("n") ? "false" : answer;
        }
        if (field.type() == Integer.class && a.equals("none")) {
            return "0";
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
