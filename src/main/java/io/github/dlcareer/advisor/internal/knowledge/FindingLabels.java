package io.github.dlcareer.advisor.internal.knowledge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.internal.knowledge.CatalogueFile.Place;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import io.github.dlcareer.advisor.rules.Finding;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code findings:} section of {@code fields.yaml}: how a finding the rules derive reads to the person in
 * "Why" ("you are starting out in deep learning"), by name, or by name and detail where the detail matters.
 * A label may show the facts the finding rests on where it puts {@value #FACTS}. Findings are the rules' own
 * words, so the labels are checked against the rules once those are read ({@link #check}).
 */
public final class FindingLabels {

    static final String FACTS = "{facts}";
    /** No finding labelled: each is said by its facts. */
    static final FindingLabels NONE = new FindingLabels(Map.of());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");
    /** {@value #FACTS} with the brackets around it and the space before, for when there is no fact left to show. */
    private static final Pattern NO_FACTS = Pattern.compile("\\s*\\(\\{facts}\\)|\\s*\\{facts}");

    /** A label as written, with where it is and where its key is. */
    record Text(String text, Place at, Place key) {
    }

    /** A finding's labels: one for any detail, or one per detail. */
    record Entry(Place at, Text any, Map<String, Text> details) {
    }

    private final Map<String, Entry> byName;

    FindingLabels(Map<String, Entry> byName) {
        this.byName = byName;
    }

    /** The labels by finding name, as read. */
    Map<String, Entry> byName() {
        return byName;
    }

    /**
     * A finding in the person's words, {@code facts} (the facts it rests on, in words, not said before) where
     * its label shows them; null when it has no label.
     */
    public String say(Finding finding, List<String> facts) {
        Entry entry = byName.get(finding.name());
        Text label = entry == null ? null : entry.any() != null ? entry.any() : entry.details().get(finding.detail());
        if (label == null) {
            return null;
        }
        String text = label.text();
        return facts.isEmpty() ? NO_FACTS.matcher(text).replaceAll("") : text.replace(FACTS, String.join("; ", facts));
    }

    /**
     * Reads the section, the parser on its opening token. A label that is empty, has a place holder other than
     * {@value #FACTS}, or is given twice is a problem where it is; what the rules derive is checked later.
     */
    static FindingLabels read(JsonParser yaml, String source, List<Problem> problems) throws IOException {
        Map<String, Entry> byName = new LinkedHashMap<>();
        if (yaml.currentToken() != JsonToken.START_OBJECT) {
            problem(problems, source, Place.of(yaml.currentTokenLocation()), null,
                    "expected under 'findings:' a label per finding name, or per detail of a name");
            yaml.skipChildren();
            return NONE;
        }
        while (yaml.nextToken() == JsonToken.FIELD_NAME) {
            String name = yaml.currentName();
            Place at = Place.of(yaml.currentTokenLocation());
            JsonToken token = yaml.nextToken();
            Entry entry;
            if (token.isScalarValue()) {
                entry = new Entry(at, text(yaml, at, source, name, problems), null);
            } else if (token == JsonToken.START_OBJECT) {
                Map<String, Text> details = new LinkedHashMap<>();
                while (yaml.nextToken() == JsonToken.FIELD_NAME) {
                    String detail = yaml.currentName();
                    Place where = Place.of(yaml.currentTokenLocation());
                    if (!yaml.nextToken().isScalarValue()) {
                        problem(problems, source, where, name, "the label of the detail '" + detail + "' must be a text");
                        yaml.skipChildren();
                    } else if (details.putIfAbsent(detail, text(yaml, where, source, name, problems)) != null) {
                        problem(problems, source, where, name, "the detail '" + detail + "' is labelled twice");
                    }
                }
                details.values().removeIf(t -> t == null);
                entry = new Entry(at, null, details);
            } else {
                problem(problems, source, at, name, "expected a label, or a label for each detail");
                yaml.skipChildren();
                continue;
            }
            if (byName.putIfAbsent(name, entry) != null) {
                problem(problems, source, at, name, "is labelled twice");
            }
        }
        byName.values().removeIf(e -> e.any() == null && e.details() == null);
        return new FindingLabels(byName);
    }

    /** A label said as it is, {@value #FACTS} aside; null (and a problem) when it is empty or has another place holder. */
    private static Text text(JsonParser yaml, Place key, String source, String name, List<Problem> problems)
            throws IOException {
        String words = yaml.getText().strip();
        Place at = Place.of(yaml.currentTokenLocation());
        if (words.isEmpty()) {
            problem(problems, source, at, name, "the label is empty");
            return null;
        }
        String unknown = PLACEHOLDER.matcher(words).results().map(m -> m.group())
                .filter(p -> !p.equals(FACTS)).findFirst().orElse(null);
        if (unknown != null) {
            problem(problems, source, at, name, unknown + " is no place holder in a finding's label: only " + FACTS
                    + " is filled in (the facts the finding rests on)");
            return null;
        }
        return new Text(words, at, key);
    }

    /**
     * The labels checked against what the rules derive: a name no rule derives, or a detail no rule gives it, is
     * an error (the label could never show); so is a label per detail for a finding never derived with one.
     * A detail derived but left out of a finding's labels is a warning: Why says that one by its facts.
     */
    public void check(String source, List<RuleDraft> rules, List<Problem> problems) {
        Map<String, Set<String>> details = new HashMap<>();
        for (RuleDraft rule : rules) {
            for (String name : rule.derives()) {
                details.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(rule.details().getOrDefault(name, List.of()));
            }
        }
        byName.forEach((name, entry) -> {
            Set<String> derived = details.get(name);
            if (derived == null) {
                problems.add(Problem.error(source, entry.at().line(), entry.at().column(), null,
                        "no rule derives '" + name + "'" + didYouMean(name, details.keySet())));
            } else if (entry.details() != null && derived.isEmpty()) {
                problem(problems, source, entry.at(), name, "is derived without a detail: give it one label");
            } else if (entry.details() != null && !derived.contains(RuleDraft.COMPUTED)) {
                entry.details().forEach((detail, text) -> {
                    if (!derived.contains(detail)) {
                        problem(problems, source, text.key(), name, "no rule derives it with the detail '" + detail
                                + "'; its details: " + String.join(", ", derived));
                    }
                });
                derived.stream().filter(d -> !entry.details().containsKey(d)).forEach(d -> problems.add(
                        Problem.warning(source, entry.at().line(), entry.at().column(), name,
                                "has no label for the detail '" + d + "': Why says that one by its facts")));
            }
        });
    }

    /** "; did you mean x?" for a name close to one the rules derive, or an empty text. */
    private static String didYouMean(String name, Set<String> derived) {
        return derived.stream().filter(d -> ProfileSchema.editDistance(d, name) <= 2)
                .sorted().findFirst().map(d -> "; did you mean '" + d + "'?").orElse("");
    }

    private static void problem(List<Problem> problems, String source, Place at, String name, String message) {
        problems.add(Problem.error(source, at.line(), at.column(), name, message));
    }
}
