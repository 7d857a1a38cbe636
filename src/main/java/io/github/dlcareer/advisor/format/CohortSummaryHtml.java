package io.github.dlcareer.advisor.format;

import java.util.Locale;

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
        return html.append("</main></body></html>\n").toString();
    }
}
