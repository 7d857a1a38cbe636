package io.github.dlcareer.advisor.format;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Recommendation;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The cohort summary: how often each recommendation, topic, kind, red flag and question occurs across the records
 * of a batch, why records were rejected, and which ids repeat; optionally the same per group of records sharing a
 * field's value. Fed in input order on one thread; the renderers beside it write it as JSON, as a readable table
 * and as a page.
 */
public final class CohortSummary {

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
    private final Map<String, String> titles = new HashMap<>(); // advice id → title, question id → question
    private final DuplicateIds ids = new DuplicateIds();
    private final CohortSummaryGroups groups; // null: no breakdown

    /** A summary of the whole cohort. */
    public CohortSummary() {
        this.groups = null;
    }

    /**
     * A summary of the whole cohort and of each group of records that share a value of {@code by} (a profile
     * field's path or an input column's name, as the renderings name it): {@code valueOf} gives a record's value,
     * null when it has none. The {@value CohortSummaryGroups#MAX_GROUPS} largest groups
     * are shown apart, the rest together.
     */
    public CohortSummary(String by, Function<BatchRecord, String> valueOf) {
        this.groups = new CohortSummaryGroups(Objects.requireNonNull(by, "by"), Objects.requireNonNull(valueOf,
                "valueOf"));
    }

    public void add(BatchRecord record) {
        read++;
        if (record.id() != null) {
            ids.add(record.id());
        }
        if (groups != null) {
            groups.add(record);
        }
        if (!record.advised()) {
            rejected++;
            record.problems().stream().filter(Problem::isError).map(CohortSummary::reason).distinct()
                    .forEach(reason -> count(rejections, reason));
            return;
        }
        advised++;
        Advice advice = record.advice();
        // Topics and kinds count the records that got any advice of them, so that shares stay below 100%.
        Set<String> seen = new HashSet<>();
        for (Recommendation r : advice.recommendations()) {
            count(recommendations, r.id());
            titles.putIfAbsent(r.id(), r.title());
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
        for (Advice.Question q : advice.questions()) {
            count(questions, q.id());
            titles.putIfAbsent(q.id(), q.text());
        }
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

    /** The title of an advice, or the text of a question, given in this cohort; null for another id. */
    String title(String id) {
        return titles.get(id);
    }

    /** The breakdown by a field, or null when there is none. */
    CohortSummaryGroups groups() {
        return groups;
    }

    /** The repeated ids as counted so far, for the renderings. */
    DuplicateIds ids() {
        return ids;
    }

    List<Map.Entry<String, Long>> recommendations() {
        return ranked(recommendations);
    }

    List<Map.Entry<String, Long>> topics() {
        return ranked(topics);
    }

    List<Map.Entry<String, Long>> kinds() {
        return ranked(kinds);
    }

    /** The warnings given, by id. */
    List<Map.Entry<String, Long>> redFlags() {
        return ranked(redFlags);
    }

    List<Map.Entry<String, Long>> questions() {
        return ranked(questions);
    }

    /** The rejected records, by {@link #reason}; a record counts once for each different reason. */
    List<Map.Entry<String, Long>> rejections() {
        return ranked(rejections);
    }

    /** Most frequent first, then by name: the same cohort always gives the same summary. */
    static List<Map.Entry<String, Long>> ranked(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }
}
