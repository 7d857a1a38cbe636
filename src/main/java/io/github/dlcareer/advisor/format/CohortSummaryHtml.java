package io.github.dlcareer.advisor.format;

import io.github.dlcareer.advisor.format.CohortSummaryGroups.Group;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The cohort summary as a self-contained page with bar charts (see {@link HtmlReport}). */
public final class CohortSummaryHtml {

    private CohortSummaryHtml() {
    }

    /** The page for {@code summary} of a batch that took {@code seconds}. */
    public static String page(CohortSummary summary, double seconds) {
        StringBuilder html = HtmlReport.page("Cohort summary");
        html.append("<h1>Cohort summary</h1>\n<div class=\"meta\">")
                .append(String.format(Locale.ROOT, "%,d records read: %,d advised, %,d rejected, in %.1f s.",
                        summary.read(), summary.advised(), summary.rejected(), seconds));
        String duplicates = CohortSummaryText.duplicatesLine(summary.ids());
        if (duplicates != null) {
            html.append(' ').append(HtmlReport.escape(duplicates));
        }
        html.append(" Shares are of the advised records (of the rejected ones for rejections).</div>\n");
        HtmlReport.chart(html, "Recommendations", summary.recommendations(), summary.advised(), false);
        HtmlReport.chart(html, "Red flags (warnings)", summary.redFlags(), summary.advised(), true);
        HtmlReport.chart(html, "Topics", summary.topics(), summary.advised(), false);
        HtmlReport.chart(html, "Questions most asked", summary.questions(), summary.advised(), false);
        HtmlReport.chart(html, "Rejections by reason", summary.rejections(), summary.rejected(), true);
        if (summary.groups() != null) {
            groups(html, summary);
        }
        return html.append("</main></body></html>\n").toString();
    }

    /** Per kind, a table: a row per id (title first), a column per group, largest first; cells shaded by share. */
    private static void groups(StringBuilder html, CohortSummary summary) {
        List<Group> groups = summary.groups().ranked();
        String field = HtmlReport.escape(summary.groups().field());
        html.append("<h2>By ").append(field).append("</h2>\n<div class=\"meta\">")
                .append(String.format(Locale.ROOT, "%d %s of records sharing a value of %s, largest first. Shares are"
                        + " of each group's advised records. %s: no value or rejected before it was read; %s: the values"
                        + " beyond the %d largest groups.", groups.size(), groups.size() == 1 ? "group" : "groups", field,
                        CohortSummaryGroups.UNKNOWN, CohortSummaryGroups.OTHER, CohortSummaryGroups.MAX_GROUPS))
                .append("</div>\n");
        matrix(html, summary, "Recommendations", summary.recommendations(), Group::recommendations, groups);
        matrix(html, summary, "Red flags (warnings)", summary.redFlags(), Group::redFlags, groups);
        matrix(html, summary, "Questions most asked", summary.questions(), Group::questions, groups);
    }

    private static void matrix(StringBuilder html, CohortSummary summary, String title,
                               List<Map.Entry<String, Long>> ranked, Function<Group, Map<String, Long>> counts,
                               List<Group> groups) {
        if (ranked.isEmpty()) {
            return;
        }
        html.append("<h3>").append(HtmlReport.escape(title)).append("</h3>\n<div class=\"matrix\"><table><thead><tr><th></th>");
        for (Group g : groups) {
            String label = HtmlReport.escape(g.label());
            html.append("<th title=\"").append(label).append("\">").append(label).append("</th>");
        }
        html.append("</tr><tr><th>records (rejected)</th>");
        for (Group g : groups) {
            html.append(String.format(Locale.ROOT, "<td>%,d (%,d)</td>", g.read(), g.rejected()));
        }
        html.append("</tr></thead><tbody>\n");
        for (Map.Entry<String, Long> e : ranked) {
            String id = HtmlReport.escape(e.getKey());
            String name = summary.title(e.getKey()) == null ? id : HtmlReport.escape(summary.title(e.getKey()));
            html.append("<tr><th title=\"").append(name).append("\">").append(name).append("<span class=\"id\">")
                    .append(id).append("</span></th>");
            for (Group g : groups) {
                double share = g.advised() == 0 ? 0 : (double) counts.apply(g).getOrDefault(e.getKey(), 0L) / g.advised();
                html.append(String.format(Locale.ROOT, "<td style=\"background:rgba(62,123,250,%.2f)\">%.0f%%</td>",
                        share * 0.6, 100 * share));
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }
}
