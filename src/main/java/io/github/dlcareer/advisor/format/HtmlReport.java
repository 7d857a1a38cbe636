package io.github.dlcareer.advisor.format;

import io.github.dlcareer.advisor.Printable;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.Recommendation;
import io.github.dlcareer.advisor.WhatIf;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pages people read: one advice, or a cohort's summary with bar charts. Self-contained — styles inline, no
 * script, no font, no image fetched from anywhere — so a page can be mailed or opened offline.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2933;background:#f5f7fa;margin:0}
            main{max-width:880px;margin:0 auto;padding:24px}
            h1{font-size:24px;margin:0 0 4px} h2{font-size:18px;margin:28px 0 8px}
            .meta{color:#52606d;margin-bottom:16px}
            .card{background:#fff;border-radius:8px;padding:14px 18px;margin:12px 0;box-shadow:0 1px 3px rgba(0,0,0,.12)}
            .card.warning{border-left:6px solid #d64545} .card.advice{border-left:6px solid #3e7bfa}
            .head{display:flex;align-items:baseline;gap:10px}
            .rank{font-weight:700;color:#52606d;min-width:2em} .title{font-weight:600;font-size:16px;flex:1}
            .badge{font-size:12px;padding:2px 8px;border-radius:10px;background:#e4e7eb;color:#323f4b}
            .badge.warning{background:#facdcd;color:#8a1c1c}
            .score{height:6px;background:#e4e7eb;border-radius:3px;margin:8px 0}
            .score>span{display:block;height:6px;border-radius:3px;background:#3e7bfa}
            .why{color:#52606d;font-size:13px} .why code{background:#f0f4f8;padding:1px 4px;border-radius:3px}
            blockquote{margin:8px 0 0;padding:6px 12px;border-left:3px solid #cbd2d9;color:#3e4c59;font-style:italic}
            .source{font-size:12px;color:#7b8794;font-style:normal;margin-top:2px}
            ol.plan li,ul.questions li{margin:4px 0}
            details>summary{cursor:pointer;color:#3e7bfa;margin:12px 0}
            .bar{display:flex;align-items:center;gap:8px;margin:3px 0;font-size:13px}
            .bar .label{width:300px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
            .bar .track{flex:1;background:#e4e7eb;border-radius:3px;height:14px}
            .bar .fill{height:14px;border-radius:3px;background:#3e7bfa} .bar .fill.red{background:#d64545}
            .bar .n{width:110px;text-align:right;color:#52606d;white-space:nowrap}
            h3{font-size:15px;margin:18px 0 6px}
            .matrix{overflow-x:auto;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);margin:12px 0}
            .matrix table{border-collapse:collapse;font-size:13px}
            .matrix th,.matrix td{padding:3px 8px;text-align:right;white-space:nowrap;font-weight:normal}
            .matrix thead th{max-width:110px;overflow:hidden;text-overflow:ellipsis;font-weight:600}
            .matrix tbody th{text-align:left;max-width:340px;overflow:hidden;text-overflow:ellipsis}
            .matrix .id{color:#7b8794;font-size:11px;margin-left:6px}
            """;

    private HtmlReport() {
    }

    /**
     * One person's advice as a page: the top recommendations named in a line each, the first
     * {@value TextReport#DETAILED} as cards with the quote that carries each, the rest folded away; each quote
     * shown once.
     */
    public static String advice(Advice advice) {
        StringBuilder html = page("Advice for " + advice.profile());
        html.append("<h1>Advice for ").append(escape(advice.profile())).append("</h1>\n");
        body(html, advice);
        return html.append("</main></body></html>\n").toString();
    }

    /** The advice after some changes to a profile, with what is new, moved or gone, then that advice in full. */
    public static String whatIf(WhatIf w) {
        String changes = w.changes().entrySet().stream()
                .map(e -> e.getKey() + " = " + (e.getValue().isEmpty() ? "(unknown)" : e.getValue()))
                .collect(Collectors.joining(", "));
        StringBuilder html = page("What if " + changes + "?");
        html.append("<h1>What if ").append(escape(changes)).append("?</h1>\n");
        if (w.differences().isEmpty()) {
            html.append("<div class=\"meta\">No change: the advice is the same, recommendation for recommendation.</div>\n");
        } else {
            html.append("<h2>After the change</h2>\n<ol class=\"plan\">\n");
            for (Recommendation r : w.after().recommendations()) {
                html.append("<li><a href=\"#").append(escape(r.id())).append("\">").append(escape(r.title()))
                        .append("</a>").append(escape(TextReport.mark(w, r.id()))).append("</li>\n");
            }
            html.append("</ol>\n");
            List<String> gone = TextReport.gone(w);
            if (!gone.isEmpty()) {
                html.append("<h2>Gone</h2>\n<ul class=\"questions\">\n");
                gone.forEach(g -> html.append("<li>").append(escape(g)).append("</li>\n"));
                html.append("</ul>\n");
            }
            html.append("<h2>The advice after the change</h2>\n");
        }
        body(html, w.after());
        return html.append("</main></body></html>\n").toString();
    }

    private static void body(StringBuilder html, Advice advice) {
        List<Recommendation> recommendations = advice.recommendations();
        html.append("<div class=\"meta\">")
                .append(recommendations.size()).append(" recommendations, strongest first, each with the")
                .append(" facts that triggered it and the passage it rests on.</div>\n");
        if (recommendations.size() > TextReport.SUMMARISED) {
            html.append("<h2>In short</h2>\n<ol class=\"plan\">\n");
            for (Recommendation r : recommendations.subList(0, TextReport.SUMMARISED)) {
                html.append("<li><a href=\"#").append(escape(r.id())).append("\">")
                        .append(r.kind() == Recommendation.Kind.WARNING ? "Warning: " : "")
                        .append(escape(r.title())).append("</a></li>\n");
            }
            html.append("</ol>\n");
        }
        Quotes quotes = new Quotes();
        int detailed = Math.min(recommendations.size(), TextReport.DETAILED);
        recommendations.subList(0, detailed).forEach(r -> card(html, r, quotes));
        if (detailed < recommendations.size()) {
            int more = recommendations.size() - detailed;
            html.append("<details><summary>").append(more).append(more == 1 ? " more recommendation" : " more recommendations")
                    .append("</summary>\n");
            recommendations.subList(detailed, recommendations.size()).forEach(r -> card(html, r, quotes));
            html.append("</details>\n");
        }
        if (advice.plan().size() > 1) { // one step is no plan: it is a recommendation above
            html.append("<h2>Your plan, from where you are now</h2>\n<ol class=\"plan\">\n");
            for (String id : advice.plan()) {
                html.append("<li><a href=\"#").append(escape(id)).append("\">")
                        .append(escape(advice.recommendation(id).map(Recommendation::title).orElse(id))).append("</a></li>\n");
            }
            html.append("</ol>\n");
        }
        for (Advice.Conflict conflict : advice.conflicts()) {
            html.append("<h2>The documents disagree: ").append(escape(conflict.title())).append("</h2>\n");
            for (Advice.Side side : conflict.sides()) {
                html.append("<section class=\"card\"><p>").append(escape(side.position()))
                        .append(side.given() ? " <a class=\"badge\" href=\"#" + escape(side.advice())
                                + "\">your profile points here</a>" : "").append("</p>\n");
                Citation c = side.given() || side.citations().isEmpty() ? null : quotes.first(side.citations().subList(0, 1));
                if (c != null) {
                    html.append("<blockquote>“").append(escape(c.quote())).append("”<div class=\"source\">")
                            .append(escape(c.title())).append("</div></blockquote>\n");
                }
                html.append("</section>\n");
            }
        }
        if (!advice.questions().isEmpty()) {
            html.append("<h2>Questions whose answers would change this advice</h2>\n<ul class=\"questions\">\n");
            for (Advice.Question q : advice.questions()) {
                int affects = q.affects().size();
                html.append("<li>").append(escape(q.text()));
                if (affects > 0) {
                    html.append(" <span class=\"why\">").append(affects)
                            .append(affects == 1 ? " recommendation depends on it" : " recommendations depend on it")
                            .append("</span>");
                }
                html.append("</li>\n");
            }
            html.append("</ul>\n");
        }
    }

    private static void card(StringBuilder html, Recommendation r, Quotes quotes) {
        String kind = r.kind() == Recommendation.Kind.WARNING ? "warning" : "advice";
        html.append("<section class=\"card ").append(kind).append("\" id=\"").append(escape(r.id())).append("\">\n")
                .append("<div class=\"head\"><span class=\"rank\">").append(r.rank()).append(".</span>")
                .append("<span class=\"title\">").append(escape(r.title())).append("</span>")
                .append("<span class=\"badge ").append(kind).append("\">").append(kind).append("</span>")
                .append("<span class=\"badge\">").append(escape(r.topic())).append("</span>")
                .append(String.format(Locale.ROOT, "<span class=\"badge\">score %.2f</span></div>\n", r.score()))
                .append(String.format(Locale.ROOT, "<div class=\"score\"><span style=\"width:%.0f%%\"></span></div>%n",
                        r.score() * 100))
                .append("<p>").append(escape(r.advice())).append("</p>\n");
        if (!r.why().isEmpty()) {
            html.append("<div class=\"why\">Why: ").append(escape(String.join("; ", r.why()))).append(".</div>\n");
        }
        Citation c = quotes.first(r.citations());
        if (c != null) {
            html.append("<blockquote>“").append(escape(c.quote())).append("”<div class=\"source\">")
                    .append(escape(c.title())).append(c.author() == null ? "" : " — " + escape(c.author()))
                    .append(" · ").append(escape(c.section())).append("</div></blockquote>\n");
        }
        html.append("</section>\n");
    }

    /** A titled bar chart of counts, most frequent first; {@code of} is what 100% means. */
    static void chart(StringBuilder html, String title, List<Map.Entry<String, Long>> counts, long of, boolean red) {
        if (counts.isEmpty()) {
            return;
        }
        html.append("<h2>").append(escape(title)).append("</h2>\n<section class=\"card\">\n");
        for (Map.Entry<String, Long> e : counts) {
            double share = of == 0 ? 0 : Math.min(100.0, 100.0 * e.getValue() / of);
            html.append("<div class=\"bar\"><span class=\"label\" title=\"").append(escape(e.getKey())).append("\">")
                    .append(escape(e.getKey())).append("</span><span class=\"track\"><span class=\"fill")
                    .append(red ? " red" : "").append(String.format(Locale.ROOT, "\" style=\"display:block;width:%.1f%%\">", share))
                    .append("</span></span><span class=\"n\">")
                    .append(String.format(Locale.ROOT, "%,d (%.0f%%)", e.getValue(), share)).append("</span></div>\n");
        }
        html.append("</section>\n");
    }

    static StringBuilder page(String title) {
        return new StringBuilder(16_384).append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body><main>\n");
    }

    /**
     * {@code text} for HTML: the markup characters escaped, and no control character reaching the page (a NUL
     * or an escape sequence in a profile's value): white space ones become a space, the others are shown as
     * escapes by {@link Printable#escapeForHtml}.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        text = Printable.escapeForHtml(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
