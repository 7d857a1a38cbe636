package io.github.dlcareer.advisor.format;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.Printable;
import io.github.dlcareer.advisor.Recommendation;
import io.github.dlcareer.advisor.WhatIf;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The readable form of advice: rank, title, advice, why, and the source for each recommendation. Every text
 * it prints goes through {@link #safe} (control characters shown as escapes, see {@link Printable}): an id or
 * a value of the profile cannot forge a line or send the terminal an escape sequence.
 */
public final class TextReport {

    private static final int WIDTH = 100;
    private static final String INDENT = "   ";

    private TextReport() {
    }

    /**
     * How much to print. The default reads in a minute: the top {@value #SUMMARISED} in one line each, the top
     * {@value #DETAILED} in detail with the one quote that carries each, the plan, {@value #CONFLICTS} of the
     * disagreements that bear on them and {@value #QUESTIONS} questions. {@code all} details every recommendation; {@code ids} adds the ids and fields a rule author
     * looks for (the JSON output has them all).
     */
    public record Options(boolean all, boolean ids) {
        public static final Options DEFAULT = new Options(false, false);
    }

    /** How many recommendations the opening summary names, and how many the default prints in detail. */
    public static final int SUMMARISED = 5;
    public static final int DETAILED = 8;
    /** How many questions the default asks: the most important first. */
    public static final int QUESTIONS = 3;
    /** How many disagreements between the documents the default shows, of those that bear on what it prints. */
    public static final int CONFLICTS = 2;
    /** The default's length at most, in lines, unless the summary and its details alone run longer. */
    public static final int LINES = 100;

    public static void write(Advice advice, PrintWriter out) {
        write(advice, out, Options.DEFAULT);
    }

    public static void write(Advice advice, PrintWriter out, Options options) {
        int count = advice.recommendations().size();
        int detailed = options.all() ? count : Math.min(count, DETAILED);
        String page = page(advice, options, detailed);
        // The default fits a page: fewer recommendations in detail, never fewer than the summary names.
        while (!options.all() && detailed > SUMMARISED && page.lines().count() > LINES) {
            page = page(advice, options, --detailed);
        }
        out.print(page);
        out.flush();
    }

    private static String page(Advice advice, Options options, int detailed) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        List<Recommendation> recommendations = advice.recommendations();
        int count = recommendations.size();
        out.println("Advice for " + safe(advice.profile()) + ": " + count + (count == 1 ? " recommendation" : " recommendations"));
        if (count == 0) {
            out.println();
            out.println("No recommendation fits what this profile says yet: the more it says (skills, plans,");
            out.println("hardware, the advisor or employer being weighed), the more the advisor can say.");
            if (!advice.questions().isEmpty()) {
                out.println("Start with the questions below.");
            }
        }
        if (count > SUMMARISED) {
            out.println();
            out.println("In short:");
            for (Recommendation r : recommendations.subList(0, SUMMARISED)) {
                out.println(INDENT + r.rank() + ". " + heading(r));
            }
        }
        Quotes quotes = new Quotes();
        for (Recommendation r : recommendations.subList(0, detailed)) {
            out.println();
            out.printf(Locale.ROOT, "%d. %s  (%s, %s, score %.2f)%n", r.rank(), heading(r), safe(r.topic()),
                    r.kind().name().toLowerCase(Locale.ROOT), r.score());
            if (options.ids()) {
                out.println(INDENT + "[" + safe(r.id()) + "]");
            }
            wrap(out, r.advice(), INDENT);
            if (!r.why().isEmpty()) {
                wrap(out, "Why: " + why(r), INDENT);
            }
            Citation c = quotes.first(r.citations());
            if (c != null) {
                wrap(out, "\u201c" + c.quote() + "\u201d \u2014 " + quotes.source(c), INDENT + "  ");
            }
            if (!options.all() && givenSideOf(advice, r.id()) != null) {
                out.println(INDENT + "Not every document agrees: --all shows the other view.");
            }
        }
        if (detailed < count) {
            out.println();
            out.println((count - detailed) + " more " + (count - detailed == 1 ? "recommendation" : "recommendations")
                    + ": run with --all to see " + (count - detailed == 1 ? "it." : "them."));
        }
        if (advice.plan().size() > 1) { // one step is no plan: it is a recommendation above
            out.println();
            out.println("Your plan, from where you are now:");
            int step = 1;
            for (String id : advice.plan()) {
                out.println(INDENT + step++ + ". " + safe(advice.recommendation(id).map(Recommendation::title).orElse(id)));
            }
        }
        int hidden = 0;
        int shown = 0;
        for (Advice.Conflict conflict : advice.conflicts()) {
            boolean pointed = conflict.sides().stream().anyMatch(Advice.Side::given);
            // By default a box only where the profile points to no side: there it is the one place the topic
            // appears. A side given is flagged under its recommendation instead.
            if (!options.all() && (shown == CONFLICTS || pointed)) {
                if (!pointed || !flagged(conflict, advice, detailed)) {
                    hidden++;
                }
                continue;
            }
            shown++;
            out.println();
            // The side given is a recommendation above, with its quote: named by its rank, not repeated.
            String given = conflict.sides().stream().filter(Advice.Side::given).findFirst()
                    .flatMap(side -> advice.recommendation(side.advice()))
                    .map(r -> " (recommendation " + r.rank() + " takes one side)").orElse("");
            wrap(out, "The documents disagree: " + conflict.title() + given, "");
            for (Advice.Side side : conflict.sides()) {
                if (side.given() && !given.isEmpty()) {
                    continue;
                }
                wrap(out, "- " + side.position(), INDENT, INDENT + "  ");
                Citation c = side.citations().isEmpty() ? null : quotes.first(side.citations().subList(0, 1));
                if (c != null) {
                    wrap(out, "\u201c" + c.quote() + "\u201d \u2014 " + quotes.source(c), INDENT + "    ");
                }
            }
        }
        if (hidden > 0) {
            out.println();
            out.println(hidden + (hidden == 1 ? " more disagreement" : " more disagreements")
                    + " between the documents: --all shows " + (hidden == 1 ? "it." : "them."));
        }
        if (!advice.questions().isEmpty()) {
            out.println();
            out.println("Questions whose answers would change this advice:");
            List<Advice.Question> questions = advice.questions();
            int asked = options.all() ? questions.size() : Math.min(questions.size(), QUESTIONS);
            for (Advice.Question q : questions.subList(0, asked)) {
                int affects = q.affects().size();
                String note = options.ids() ? " (" + q.field() + (affects == 0 ? "" : "; bears on " + String.join(", ", q.affects())) + ")"
                        : affects == 0 ? "" : " (" + affects
                        + (affects == 1 ? " recommendation depends on it)" : " recommendations depend on it)");
                wrap(out, "- " + safe(q.text()) + safe(note), INDENT, INDENT + "  ");
            }
            if (asked < questions.size()) {
                out.println(INDENT + (questions.size() - asked) + " more with --all.");
            }
        }
        out.flush();
        return text.toString();
    }

    /** The conflict one of whose sides is this given advice, or null. */
    private static Advice.Conflict givenSideOf(Advice advice, String adviceId) {
        return advice.conflicts().stream()
                .filter(c -> c.sides().stream().anyMatch(side -> side.given() && side.advice().equals(adviceId)))
                .findFirst().orElse(null);
    }

    /** Whether a conflict's given side is among the recommendations printed in detail, hence flagged there. */
    private static boolean flagged(Advice.Conflict conflict, Advice advice, int detailed) {
        return conflict.sides().stream().anyMatch(side -> side.given()
                && advice.recommendation(side.advice()).map(r -> r.rank() <= detailed).orElse(false));
    }


    /**
     * The facts behind a recommendation in the person's words, as one sentence: "you want to do a PhD; you have
     * no GPU.", each fact made {@link #safe} (a profile's text can be part of one).
     */
    private static String why(Recommendation r) {
        return String.join("; ", r.why().stream().map(TextReport::safe).toList()) + ".";
    }

    private static String heading(Recommendation r) {
        return (r.kind() == Recommendation.Kind.WARNING ? "WARNING: " : "") + safe(r.title());
    }

    /** The advice after the changes, each recommendation marked new or moved, then what is gone. */
    public static void writeWhatIf(WhatIf w, PrintWriter out) {
        writeWhatIf(w, out, Options.DEFAULT);
    }

    public static void writeWhatIf(WhatIf w, PrintWriter out, Options options) {
        out.println("What if " + w.changes().entrySet().stream()
                .map(e -> safe(e.getKey()) + " = " + (e.getValue().isEmpty() ? "(unknown)" : safe(e.getValue())))
                .collect(Collectors.joining(", ")) + "?");
        out.println();
        if (w.differences().isEmpty()) {
            out.println("No change: the advice is the same, recommendation for recommendation.");
            out.println();
            write(w.after(), out, options);
            return;
        }
        out.println("Before (" + w.before().recommendations().size() + "):");
        for (Recommendation r : w.before().recommendations()) {
            out.printf(Locale.ROOT, "%s%d. %s%n", INDENT, r.rank(), safe(r.title()));
        }
        out.println();
        out.println("After (" + w.after().recommendations().size() + "):");
        for (Recommendation r : w.after().recommendations()) {
            out.printf(Locale.ROOT, "%s%d. %s%s%n", INDENT, r.rank(), safe(r.title()), mark(w, r.id()));
        }
        List<String> gone = gone(w);
        if (!gone.isEmpty()) {
            out.println();
            out.println("Gone:");
            gone.forEach(g -> out.println(INDENT + safe(g)));
        }
        out.println();
        out.println("The advice after the change:");
        out.println();
        write(w.after(), out, options);
    }

    /** "  [new]" or "  [moved from 3]" for a recommendation after the change; empty when it did not change. */
    static String mark(WhatIf w, String id) {
        return w.differences().stream().filter(d -> d.id().equals(id) && d.change() != WhatIf.Change.GONE).findFirst()
                .map(d -> d.change() == WhatIf.Change.NEW ? "  [new]" : "  [moved from " + d.rankBefore() + "]")
                .orElse("");
    }

    /** The recommendations the change took away, each with its rank before. */
    static List<String> gone(WhatIf w) {
        return w.differences().stream()
                .filter(d -> d.change() == WhatIf.Change.GONE)
                .map(d -> w.before().recommendation(d.id()).map(Recommendation::title).orElse(d.id())
                        + "  [gone, was " + d.rankBefore() + "]")
                .toList();
    }

    /** {@code text} with its control characters shown as escapes; the one way a text reaches the terminal. */
    public static String safe(String text) {
        return Printable.escape(text);
    }

    /**
     * Prints {@code text} wrapped at spaces and line breaks (the catalogues' texts may hold some), each line made
     * {@link #safe}. A value of the profile is made safe before it is put in the text, so that a line break
     * inside it shows as \n rather than breaking the line.
     */
    private static void wrap(PrintWriter out, String text, String indent) {
        wrap(out, text, indent, indent);
    }

    /** The same, the first line at {@code first} and the others at {@code rest}: a list item's hanging indent. */
    private static void wrap(PrintWriter out, String text, String first, String rest) {
        List<String> lines = lines(text, WIDTH - rest.length());
        for (int i = 0; i < lines.size(); i++) {
            out.println((i == 0 ? first : rest) + safe(lines.get(i)));
        }
    }

    static List<String> lines(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
