package io.github.dlcareer.advisor.internal.knowledge;

import java.util.List;
import java.util.Map;

/** What a rules folder holds, read and checked but not compiled: enough to list or lint the rules. */
public record Knowledge(String location, Catalogues catalogues, List<RuleDescription> rules, Map<String, String> drl) {
}
