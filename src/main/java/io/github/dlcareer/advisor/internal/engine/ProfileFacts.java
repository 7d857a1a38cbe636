package io.github.dlcareer.advisor.internal.engine;

import io.github.dlcareer.advisor.internal.knowledge.RuleDescription;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.rules.Finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The known facts of one profile as {@code path = value}, each made once per evaluation: the findings, the
 * advice and the explanation of a session all quote the same strings.
 */
final class ProfileFacts {

    private final Profile profile;
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
            return list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
