package io.github.dlcareer.advisor.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Recommendation;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Counts across a cohort: how often each recommendation, topic, kind, red flag and question occurs, and why
 * records were rejected. Fed in input order on one thread; written as JSON or as a readable table.
 */
public final class BatchSummary {

    private static final Pattern VALUE = Pattern.compile(", got .*$");

    private long read;
    private long advised;
    private long rejected;
    private final Map<String, Long> recommendations = new HashMap<>();
    private final Map<String, Long> topics = new HashMap<>();
    private final Map<String, Long> kinds = new HashMap<>();
    private final Map<String, Long> redFlags = new HashMap<>();
    private final Map<String, Long> questions = new HashMap<>();
    private final Map<String, Long> rejections = new HashMap<>();
    private final DuplicateIds ids = new DuplicateIds();

    public void add(BatchRecord record) {
        read++;
        if (record.id() != null) {
            ids.add(record.id());
        }
        if (!record.advised()) {
            rejected++;
            record.problems().stream().filter(Problem::isError).map(BatchSummary::reason).distinct()
                    .forEach(reason -> count(rejections, reason));
            return;
        }
        advised++;
        Advice advice = record.advice();
        // Topics and kinds count the records that got any advice of them, so that shares stay below 100%.
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Recommendation r : advice.recommendations()) {
            count(recommendations, r.id());
            if (seen.add("topic:" + r.topic())) {
                count(topics, r.topic());
            }
            if (seen.add("kind:" + r.kind())) {
                count(kinds, r.kind().name());
            }
            if (r.kind() == Recommendation.Kind.WARNING) {
                count(redFlags, r.id());
            }
        }
        advice.questions().forEach(q -> count(questions, q.id()));
    }

    /** A rejection's reason without the values of the record: the field and the kind of mistake. */
    static String reason(Problem problem) {
        String message = VALUE.matcher(problem.message()).replaceAll("").strip();
        return problem.field() == null ? message : problem.field().replaceAll("\\[\\d+]", "[]") + ": " + message;
    }

    private static void count(Map<String, Long> counts, String key) {
        counts.merge(key, 1L, Long::sum);
    }

    public long read() {
        return read;
    }

    public long advised() {
        return advised;
    }

    public long rejected() {
        return rejected;
    }

    /** Records whose id an earlier record of the batch already had. */
    public long duplicateIds() {
        return ids.duplicates();
    }

    /** One line on repeated ids, or null when there are none. */
    public String duplicatesLine() {
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

    /** Most frequent first, then by name: the same cohort always gives the same summary. */
    private static List<Map.Entry<String, Long>> ranked(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    public void writeJson(Writer out, double seconds) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeNumberField("read", read);
            json.writeNumberField("advised", advised);
            json.writeNumberField("rejected", rejected);
            json.writeNumberField("seconds", Math.round(seconds * 1000) / 1000.0);
            json.writeObjectFieldStart("duplicateIds");
            json.writeNumberField("records", ids.duplicates());
            json.writeArrayFieldStart("first");
            for (String id : ids.first()) {
                json.writeString(id);
            }
            json.writeEndArray();
            json.writeNumberField("unchecked", ids.unchecked());
            json.writeEndObject();
            counts(json, "recommendations", recommendations);
            counts(json, "topics", topics);
            counts(json, "kinds", kinds);
            counts(json, "redFlags", redFlags);
            counts(json, "questions", questions);
            counts(json, "rejections", rejections);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void counts(JsonGenerator json, String name, Map<String, Long> counts) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : ranked(counts)) {
            json.writeNumberField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
    }

    /** The summary as a self-contained page with bar charts. */
    public String html(double seconds) {
        StringBuilder html = HtmlReport.page("Cohort summary");
        html.append("<h1>Cohort summary</h1>\n<div class=\"meta\">")
                .append(String.format(Locale.ROOT, "%,d records read: %,d advised, %,d rejected, in %.1f s.", read,
                        advised, rejected, seconds));
        if (duplicatesLine() != null) {
            html.append(' ').append(HtmlReport.escape(duplicatesLine()));
        }
        html.append(" Shares are of the advised records (of the rejected ones for rejections).</div>\n");
        HtmlReport.chart(html, "Recommendations", ranked(recommendations), advised, false);
        HtmlReport.chart(html, "Red flags (warnings)", ranked(redFlags), advised, true);
        HtmlReport.chart(html, "Topics", ranked(topics), advised, false);
        HtmlReport.chart(html, "Questions most asked", ranked(questions), advised, false);
        HtmlReport.chart(html, "Rejections by reason", ranked(rejections), rejected, true);
        return html.append("</main></body></html>\n").toString();
    }

    /** A readable table: the counts, then the {@code top} most frequent of each kind. */
    public void writeTable(PrintWriter out, double seconds, int top) {
        out.printf(Locale.ROOT, "read %,d: advised %,d, rejected %,d, in %.1f s (%,.0f records/s)%n", read, advised,
                rejected, seconds, seconds > 0 ? read / seconds : 0.0);
        if (duplicatesLine() != null) {
            out.println(duplicatesLine());
        }
        table(out, "Recommendations", recommendations, top, advised);
        table(out, "Red flags (warnings)", redFlags, top, advised);
        table(out, "Topics", topics, top, advised);
        table(out, "Questions most asked", questions, top, advised);
        table(out, "Rejections by reason", rejections, top, rejected);
        out.flush();
    }

    private static void table(PrintWriter out, String title, Map<String, Long> counts, int top, long of) {
        if (counts.isEmpty()) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "%-60s %9s %7s%n", title, "records", "share");
        List<Map.Entry<String, Long>> ranked = ranked(counts);
        for (Map.Entry<String, Long> e : ranked.subList(0, Math.min(top, ranked.size()))) {
            String name = e.getKey().length() > 58 ? e.getKey().substring(0, 57) + "…" : e.getKey();
            out.printf(Locale.ROOT, "  %-58s %,9d %6.1f%%%n", name, e.getValue(), of == 0 ? 0 : 100.0 * e.getValue() / of);
        }
        if (ranked.size() > top) {
            out.printf("  (%d more)%n", ranked.size() - top);
        }
    }
}
