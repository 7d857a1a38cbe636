package io.github.dlcareer.advisor.internal.engine;

import io.github.dlcareer.advisor.internal.knowledge.RuleDescription;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.rules.Finding;

import java.util.List;
import java.util.Map;

/**
 * What survived in one session: the evidence in rule order, the questions asked and the findings by name.
 * The lists are made for this outcome and handed over, not copied (this runs once per profile); no one
 * changes them afterwards.
 *
 * @param facts the profile's facts, as quoted by the findings
 */
record Outcome(Profile profile, ProfileFacts facts, List<Hit> hits, List<RuleDescription> asks,
               Map<String, List<Finding>> findings) {
}
