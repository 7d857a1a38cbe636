package io.github.dlcareer.advisor.format;

import io.github.dlcareer.advisor.Printable;
import io.github.dlcareer.advisor.format.CohortSummaryGroups.Group;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The cohort summary as a readable table: the counts, then the most frequent of each kind; with a breakdown, the
 * same kinds' shares in each of the largest groups side by side. Lines stay within 80 characters: longer labels are
 * cut with an ellipsis, never wrapped.
 */
public final class CohortSummaryText {

    /** The groups shown side by side: the largest ones (the JSON and the page have them all). */
    static final int GROUP_COLUMNS = 4;
    private static final int LABEL = 34;
    private static final int CELL = 10;

    private CohortSummaryText() {
    }

    /** Writes {@code summary} of a batch that took {@code seconds}, with the {@code top} most frequent of each kind. */
    public static void write(CohortSummary summary, PrintWriter out, double seconds, int top) {
        long read = summary.read();
        out.printf(Locale.ROOT, "read %,d: advised %,d, rejected %,d, in %.1f s (%,.0f records/s)%n", read,
                summary.advised(), summary.rejected(), seconds, seconds > 0 ? read / seconds : 0.0);
        String duplicates = duplicatesLine(summary.ids());
        if (duplicates != null) {
            out.println(duplicates);
        }
        table(out, "Recommendations", summary.recommendations(), top, summary.advised());
        table(out, "Red flags (warnings)", summary.redFlags(), top, summary.advised());
        table(out, "Topics", summary.topics(), top, summary.advised());
        table(out, "Questions most asked", summary.questions(), top, summary.advised());
        table(out, "Rejections by reason", summary.rejections(), top, summary.rejected());
        if (summary.groups() != null) {
            groups(out, summary, top);
        }
        out.flush();
    }

    /** The largest groups side by side: their counts, then the share of each frequent advice and question. */
    private static void groups(PrintWriter out, CohortSummary summary, int top) {
        List<Group> groups = summary.groups().ranked();
        if (groups.isEmpty()) {
            return;
        }
        List<Group> shown = groups.subList(0, Math.min(GROUP_COLUMNS, groups.size()));
        out.println();
        out.printf(Locale.ROOT, "By %s: %d %s, largest first%n",
                cut(Printable.escape(summary.groups().field()), 40), groups.size(), groups.size() == 1 ? "group" : "groups");
        StringBuilder header = new StringBuilder("  ").append(" ".repeat(LABEL));
        shown.forEach(g -> header.append(String.format(Locale.ROOT, " %" + CELL + "s", cut(Printable.escape(g.label()), CELL))));
        out.println(header);
        row(out, "records", shown, g -> String.format(Locale.ROOT, "%,d", g.read()));
        row(out, "rejected", shown, g -> String.format(Locale.ROOT, "%,d", g.rejected()));
        matrix(out, summary, "Recommendations", summary.recommendations(), Group::recommendations, shown, top);
        matrix(out, summary, "Red flags (warnings)", summary.redFlags(), Group::redFlags, shown, top);
        matrix(out, summary, "Questions most asked", summary.questions(), Group::questions, shown, top);
        if (groups.size() > shown.size()) {
            int more = groups.size() - shown.size();
            out.printf(Locale.ROOT, "  (%d more %s, in the JSON and HTML summaries)%n", more, more == 1 ? "group" : "groups");
        }
    }

    /** The cohort's {@code top} most frequent ids of a kind, with their share in each group shown. */
    private static void matrix(PrintWriter out, CohortSummary summary, String title, List<Map.Entry<String, Long>> ranked,
                               Function<Group, Map<String, Long>> counts, List<Group> shown, int top) {
        if (ranked.isEmpty()) {
            return;
        }
        out.println(title + ": share of each group's advised records");
        for (Map.Entry<String, Long> e : ranked.subList(0, Math.min(top, ranked.size()))) {
            String id = e.getKey();
            String name = summary.title(id) == null ? id : id + " · " + summary.title(id);
            row(out, name, shown, g -> g.advised() == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%",
                    100.0 * counts.apply(g).getOrDefault(id, 0L) / g.advised()));
        }
    }

    private static void row(PrintWriter out, String label, List<Group> shown, Function<Group, String> cell) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + LABEL + "s", cut(label, LABEL)));
        shown.forEach(g -> line.append(String.format(Locale.ROOT, " %" + CELL + "s", cell.apply(g))));
        out.println(line);
    }

    /** {@code text} cut to {@code width} characters, the last one an ellipsis when it was longer. */
    static String cut(String text, int width) {
        return text.length() > width ? text.substring(0, width - 1) + "…" : text;
    }

    /** One line on repeated ids, or null when there are none (and every id was checked). */
    static String duplicatesLine(DuplicateIds ids) {
        if (ids.duplicates() == 0) {
            return ids.unchecked() == 0 ? null : String.format(Locale.ROOT, "no repeated ids among the first %,d"
                    + " records (the %,d after them were not checked)", DuplicateIds.CHECKED, ids.unchecked());
        }
        return String.format(Locale.ROOT, "warning: %,d records repeat the id of an earlier record (ids should be"
                + " unique): %s%s", ids.duplicates(), String.join(", ", ids.first()),
                ids.first().size() == DuplicateIds.SHOWN ? ", ..." : "")
                + (ids.unchecked() == 0 ? "" : String.format(Locale.ROOT, "; %,d records after the first %,d not checked",
                ids.unchecked(), DuplicateIds.CHECKED));
    }

    /** {@code of} is what 100% means. */
    private static void table(PrintWriter out, String title, List<Map.Entry<String, Long>> ranked, int top, long of) {
        if (ranked.isEmpty()) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "%-60s %9s %7s%n", title, "records", "share");
        for (Map.Entry<String, Long> e : ranked.subList(0, Math.min(top, ranked.size()))) {
            String name = cut(e.getKey(), 58);
            out.printf(Locale.ROOT, "  %-58s %,9d %6.1f%%%n", name, e.getValue(), of == 0 ? 0 : 100.0 * e.getValue() / of);
        }
        if (ranked.size() > top) {
            out.printf("  (%d more)%n", ranked.size() - top);
        }
    }
}
