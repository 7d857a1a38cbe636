package io.github.dlcareer.advisor.format;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The cohort summary as a readable table: the counts, then the most frequent of each kind. */
public final class CohortSummaryText {

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
        out.flush();
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
            String name = e.getKey().length() > 58 ? e.getKey().substring(0, 57) + "…" : e.getKey();
            out.printf(Locale.ROOT, "  %-58s %,9d %6.1f%%%n", name, e.getValue(), of == 0 ? 0 : 100.0 * e.getValue() / of);
        }
        if (ranked.size() > top) {
            out.printf("  (%d more)%n", ranked.size() - top);
        }
    }
}
