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
 *                   the gone ones
 */
public record WhatIf(Map<String, String> changes, Advice before, Advice after, List<Difference> differences) {

    public WhatIf {
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes)); // in the order given: output is stable
        differences = List.copyOf(differences);
    }

    /** How one recommendation changed. Ranks are 0 where it is absent. */
    public record Difference(String id, Change change, int rankBefore, int rankAfter) {
    }

    public enum Change { NEW, GONE, MOVED }

    static WhatIf of(Map<String, String> changes, Advice before, Advice after) {
        Map<String, Integer> was = new HashMap<>();
        before.recommendations().forEach(r -> was.put(r.id(), r.rank()));
        List<Difference> differences = new ArrayList<>();
        for (Recommendation r : after.recommendations()) {
            Integer rank = was.remove(r.id());
            if (rank == null) {
                differences.add(new Difference(r.id(), Change.NEW, 0, r.rank()));
            } else if (rank != r.rank()) {
                differences.add(new Difference(r.id(), Change.MOVED, rank, r.rank()));
            }
        }
        before.recommendations().stream().filter(r -> was.containsKey(r.id()))
                .forEach(r -> differences.add(new Difference(r.id(), Change.GONE, r.rank(), 0)));
        return new WhatIf(changes, before, after, differences);
    }
}
