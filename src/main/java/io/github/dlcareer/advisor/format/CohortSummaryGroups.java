package io.github.dlcareer.advisor.format;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.Recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The cohort summary broken down by a field: per group (a value of the field), its records and how often each
 * recommendation, red flag and question occurs. The {@value #MAX_GROUPS} largest groups are shown, the records of
 * every other value count under {@value #OTHER}: the same cohort in any order gives the same breakdown. The field
 * is untrusted input, so memory is bounded: the first {@value #MAX_COUNTED} distinct values met are counted apart
 * (later ones go to {@value #OTHER} straight away), and a value is cut to {@value #MAX_LABEL} characters.
 */
final class CohortSummaryGroups {

    static final int MAX_GROUPS = 50;
    static final int MAX_COUNTED = 1_000;
    static final int MAX_LABEL = 80;
    /** The group of records without a value (null or blank), or rejected before the field was read. */
    static final String UNKNOWN = "(unknown)";
    /** The group of the records whose value is not among the {@value #MAX_GROUPS} largest groups. */
    static final String OTHER = "(other)";

    /** One group's counts. */
    static final class Group {
        private final String label;
        private long read;
        private long advised;
        private long rejected;
        private final Map<String, Long> recommendations = new HashMap<>();
        private final Map<String, Long> redFlags = new HashMap<>();
        private final Map<String, Long> questions = new HashMap<>();

        private Group(String label) {
            this.label = label;
        }

        /** Adds another group's counts to this one's. */
        private void add(Group group) {
            read += group.read;
            advised += group.advised;
            rejected += group.rejected;
            group.recommendations.forEach((id, n) -> recommendations.merge(id, n, Long::sum));
            group.redFlags.forEach((id, n) -> redFlags.merge(id, n, Long::sum));
            group.questions.forEach((id, n) -> questions.merge(id, n, Long::sum));
        }

        String label() {
            return label;
        }

        long read() {
            return read;
        }

        long advised() {
            return advised;
        }

        long rejected() {
            return rejected;
        }

        /** How many of the group's advised records got each recommendation, red flag or question. */
        Map<String, Long> recommendations() {
            return recommendations;
        }

        Map<String, Long> redFlags() {
            return redFlags;
        }

        Map<String, Long> questions() {
            return questions;
        }
    }

    private final String field;
    private final Function<BatchRecord, String> valueOf;
    private final Map<String, Group> groups = new HashMap<>();

    CohortSummaryGroups(String field, Function<BatchRecord, String> valueOf) {
        this.field = field;
        this.valueOf = valueOf;
    }

    /** What the records are grouped by: a profile field's path, or an input column's name. */
    String field() {
        return field;
    }

    void add(BatchRecord record) {
        Group group = groups.computeIfAbsent(label(valueOf.apply(record)), label -> new Group(label));
        group.read++;
        if (!record.advised()) {
            group.rejected++;
            return;
        }
        group.advised++;
        Advice advice = record.advice();
        for (Recommendation r : advice.recommendations()) {
            group.recommendations.merge(r.id(), 1L, Long::sum);
            if (r.kind() == Recommendation.Kind.WARNING) {
                group.redFlags.merge(r.id(), 1L, Long::sum);
            }
        }
        advice.questions().forEach(q -> group.questions.merge(q.id(), 1L, Long::sum));
    }

    /** The group a value is counted in: its own (cut to a length) while there is room, else {@value #OTHER}. */
    private String label(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        String label = value.length() > MAX_LABEL ? value.substring(0, MAX_LABEL - 1) + "…" : value;
        long named = groups.size() - (groups.containsKey(UNKNOWN) ? 1 : 0) - (groups.containsKey(OTHER) ? 1 : 0);
        return groups.containsKey(label) || named < MAX_COUNTED ? label : OTHER;
    }

    /**
     * The {@value #MAX_GROUPS} largest groups of a value, {@value #UNKNOWN}, and {@value #OTHER} holding the rest;
     * largest first, then by label.
     */
    List<Group> ranked() {
        List<Group> named = groups.values().stream()
                .filter(g -> !g.label.equals(UNKNOWN) && !g.label.equals(OTHER)).sorted(ORDER).toList();
        if (named.size() <= MAX_GROUPS) {
            return groups.values().stream().sorted(ORDER).toList();
        }
        List<Group> shown = new ArrayList<>(named.subList(0, MAX_GROUPS));
        Group other = new Group(OTHER);
        named.subList(MAX_GROUPS, named.size()).forEach(other::add);
        if (groups.containsKey(OTHER)) {
            other.add(groups.get(OTHER));
        }
        shown.add(other);
        if (groups.containsKey(UNKNOWN)) {
            shown.add(groups.get(UNKNOWN));
        }
        shown.sort(ORDER);
        return shown;
    }

    private static final Comparator<Group> ORDER = Comparator.comparingLong(Group::read).reversed()
            .thenComparing(Group::label);
}
