package io.github.dlcareer.advisor.internal.engine;

import io.github.dlcareer.advisor.internal.knowledge.FieldLabels;
import io.github.dlcareer.advisor.internal.knowledge.RuleDescription;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.rules.Finding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The known facts of one profile as {@code path = value}, each made once per evaluation: the findings, the
 * advice and the explanation of a session all quote the same strings.
 */
final class ProfileFacts {

    private final Profile profile;
    // Read by a recommendation's why when first asked for, on any thread: a fact made twice is the same string.
    private final String[] facts = new String[ProfileSchema.size()];

    ProfileFacts(Profile profile) {
        this.profile = profile;
    }

    /** The known profile facts a rule tested, then the facts behind the findings it matched. */
    List<String> because(RuleDescription rule, Map<String, List<Finding>> findings) {
        List<String> because = new ArrayList<>(rule.leaves().size() + 4);
        for (ProfileSchema.Leaf leaf : rule.leaves()) {
            String fact = fact(leaf);
            if (fact != null) {
                because.add(fact);
            }
        }
        for (String name : rule.findings()) {
            for (Finding finding : findings.getOrDefault(name, List.of())) {
                for (String fact : finding.because()) {
                    if (!because.contains(fact)) {
                        because.add(fact);
                    }
                }
            }
        }
        return because;
    }

    /**
     * What the rules of {@code hits} found, in the person's words, each said once: for each rule, the facts its
     * own conditions tested, then each finding its match holds by the finding's label, which shows the facts
     * behind it not said yet where it has {@code {facts}} — or, for a finding without a label, by those facts.
     * Once a label is said, the facts behind it count as said: the label is their summary.
     */
    List<String> why(List<Hit> hits, FieldLabels labels) {
        List<String> why = new ArrayList<>();
        Set<String> said = new HashSet<>();
        Set<String> saidLabels = new HashSet<>();
        for (Hit hit : hits) {
            for (ProfileSchema.Leaf leaf : hit.rule.leaves()) {
                String fact = fact(leaf);
                if (fact != null && said.add(fact)) {
                    addNew(why, labels.say(leaf, leaf.getter().apply(profile)));
                }
            }
            for (Finding finding : hit.findings) {
                List<String> behind = new ArrayList<>(finding.because().size());
                for (String fact : finding.because()) {
                    if (said.add(fact)) {
                        behind.add(fact);
                    }
                }
                List<String> words = labels.why(behind, profile);
                // Two findings may read alike, with their facts or without (a level, and the stage it puts you at).
                String bare = labels.findings().say(finding, List.of());
                if (bare == null) {
                    words.forEach(w -> addNew(why, w));
                } else if (saidLabels.add(bare)) {
                    addNew(why, labels.findings().say(finding, words));
                }
            }
        }
        return why;
    }

    private static void addNew(List<String> into, String item) {
        if (!into.contains(item)) {
            into.add(item);
        }
    }

    /** "path = value" for a known leaf, null for an unknown one. */
    String fact(ProfileSchema.Leaf leaf) {
        String fact = facts[leaf.index()];
        if (fact == null) {
            Object value = leaf.getter().apply(profile);
            if (value == null) {
                return null;
            }
            fact = leaf.path() + " = " + format(value);
            facts[leaf.index()] = fact;
        }
        return fact;
    }

    private static String format(Object value) {
        if (value instanceof List<?> list) {
            StringJoiner text = new StringJoiner(", ", "[", "]");
            for (Object item : list) {
                text.add(String.valueOf(item));
            }
            return text.toString();
        }
        return String.valueOf(value);
    }
}
