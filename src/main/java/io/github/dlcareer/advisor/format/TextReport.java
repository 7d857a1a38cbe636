package io.github.dlcareer.advisor.format;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.Printable;
import io.github.dlcareer.advisor.Recommendation;
import io.github.dlcareer.advisor.WhatIf;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    public static void write(Advice advice, PrintWriter out) {
        int count = advice.recommendations().size();
        out.println("Advice for " + safe(advice.profile()) + ": " + count + (count == 1 ? " recommendation" : " recommendations"));
        if (count == 0) {
            out.println();
            out.println("No recommendation fits what this profile says yet: the more it says (skills, plans,");
            out.println("hardware, the advisor or employer being weighed), the more the advisor can say.");
            if (!advice.questions().isEmpty()) {
                out.println("Start with the questions below.");
            }
        }
        for (Recommendation r : advice.recommendations()) {
            out.println();
            out.printf(Locale.ROOT, "%d. %s%s  (%s, %s, score %.2f)%n", r.rank(),
                    r.kind() == Recommendation.Kind.WARNING ? "WARNING: " : "", safe(r.title()), safe(r.topic()),
                    r.kind().name().toLowerCase(Locale.ROOT), r.score());
            wrap(out, r.advice(), INDENT);
            if (!r.because().isEmpty()) {
                wrap(out, "Why: " + String.join("; ", r.because().stream().map(TextReport::safe).toList()), INDENT);
            }
            for (Citation c : r.citations()) {
                String author = c.author() == null ? "" : " by " + c.author();
                wrap(out, "Source: \"" + c.title() + "\"" + author + " \u2014 " + c.section(), INDENT);
                wrap(out, "\u201c" + c.quote() + "\u201d", INDENT + "  ");
            }
        }
        if (!advice.plan().isEmpty()) {
            out.println();
            out.println("Your plan, from where you are now:");
            int step = 1;
            for (String id : advice.plan()) {
                out.println(INDENT + step++ + ". " + safe(advice.recommendation(id).map(Recommendation::title).orElse(id)));
            }
        }
        for (Advice.Conflict conflict : advice.conflicts()) {
            out.println();
            wrap(out, "The documents disagree: " + conflict.title(), "");
            for (Advice.Side side : conflict.sides()) {
                wrap(out, "- " + side.position() + (side.given() ? " (the side your profile points to)" : ""), INDENT);
                for (Citation c : side.citations()) {
                    wrap(out, "\u201c" + c.quote() + "\u201d \u2014 " + c.title(), INDENT + "  ");
                }
            }
        }
        if (!advice.questions().isEmpty()) {
            out.println();
            out.println("Questions whose answers would change this advice:");
            for (Advice.Question q : advice.questions()) {
                wrap(out, "- " + safe(q.text()) + " (" + safe(q.field())
                        + (q.affects().isEmpty() ? "" : "; bears on " + safe(String.join(", ", q.affects()))) + ")", INDENT);
            }
        }
        out.flush();
    }

    /** The advice after the changes, each recommendation marked new or moved, then what is gone. */
    public static void writeWhatIf(WhatIf w, PrintWriter out) {
        out.println("What if " + w.changes().entrySet().stream()
                .map(e -> safe(e.getKey()) + " = " + (e.getValue().isEmpty() ? "(unknown)" : safe(e.getValue())))
                .collect(Collectors.joining(", ")) + "?");
        out.println();
        out.println("Before (" + w.before().recommendations().size() + "):");
        for (Recommendation r : w.before().recommendations()) {
            out.printf(Locale.ROOT, "%s%d. %s%n", INDENT, r.rank(), safe(r.title()));
        }
        Map<String, WhatIf.Difference> marks = new HashMap<>();
        w.differences().forEach(d -> marks.put(d.id(), d));
        out.println();
        out.println("After (" + w.after().recommendations().size() + "):");
        for (Recommendation r : w.after().recommendations()) {
            var d = marks.get(r.id());
            String mark = d == null ? "" : d.change() == WhatIf.Change.NEW ? "  [new]"
                    : "  [moved from " + d.rankBefore() + "]";
            out.printf(Locale.ROOT, "%s%d. %s%s%n", INDENT, r.rank(), safe(r.title()), mark);
        }
        List<String> gone = w.differences().stream()
                .filter(d -> d.change() == WhatIf.Change.GONE)
                .map(d -> safe(w.before().recommendation(d.id()).map(Recommendation::title).orElse(d.id()))
                        + "  [gone, was " + d.rankBefore() + "]")
                .toList();
        if (!gone.isEmpty()) {
            out.println();
            out.println("Gone:");
            gone.forEach(g -> out.println(INDENT + g));
        }
        out.println();
        out.println("The advice after the change, in full:");
        out.println();
        write(w.after(), out);
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
        for (String line : lines(text, WIDTH - indent.length())) {
            out.println(indent + safe(line));
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
