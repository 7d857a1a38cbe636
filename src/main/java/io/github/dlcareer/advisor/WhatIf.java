package io.github.dlcareer.advisor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The advice before and after changing some facts of a profile, and what changed: recommendations that are
 * new, gone, or moved in rank. See {@link Advisor#whatIf}.
 *
 * @param changes    the fields changed, as given ({@code hardware.gpu = OWN})
 * @param before     the advice for the profile as it is
 * @param after      the advice for the changed profile
 * @param differences every recommendation that is new, gone or moved, in the order of {@code after} then
 *                   the gone ones; empty when the changes change nothing
 */
public record WhatIf(Map<String, String> changes, Advice before, Advice after, List<Difference> differences) {

    public WhatIf {
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes)); // in the order given: output is stable
        differences = List.copyOf(differences);
    }

    /**
     * How one recommendation changed. Ranks are 0 where it is absent. A recommendation has MOVED when its own
     * score changed and so did its rank; one pushed up or down only by others coming or going is not marked.
     */
    public record Difference(String id, Change change, int rankBefore, int rankAfter) {
    }

    public enum Change { NEW, GONE, MOVED }

    static WhatIf of(Map<String, String> changes, Advice before, Advice after) {
        Map<String, Recommendation> was = new HashMap<>();
        before.recommendations().forEach(r -> was.put(r.id(), r));
        List<Difference> differences = new ArrayList<>();
        for (Recommendation r : after.recommendations()) {
            Recommendation old = was.remove(r.id());
            if (old == null) {
                differences.add(new Difference(r.id(), Change.NEW, 0, r.rank()));
            } else if (old.rank() != r.rank() && old.score() != r.score()) {
                differences.add(new Difference(r.id(), Change.MOVED, old.rank(), r.rank()));
            }
        }
        before.recommendations().stream().filter(r -> was.containsKey(r.id()))
                .forEach(r -> differences.add(new Difference(r.id(), Change.GONE, r.rank(), 0)));
        return new WhatIf(changes, before, after, differences);
    }
}
