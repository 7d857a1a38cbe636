package io.github.dlcareer.advisor.internal;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Profile;
import org.kie.api.runtime.KieSession;

/** Runs one profile through a rule book: a clean session each time, so evaluations never share state. */
public final class Evaluator {

    private Evaluator() {
    }

    /** How one advice came about for a profile, or why it did not. */
    public static io.github.dlcareer.advisor.Explanation explain(RuleBook book, Profile profile, String adviceId) {
        return run(book, profile, (evidence, session) -> evidence.explain(session, adviceId));
    }

    public static Advice evaluate(RuleBook book, Profile profile) {
        return run(book, profile, EvidenceCollector::advice);
    }

    /** Fires the rules for a profile in a pooled session and reads what it needs before handing it back. */
    private static <T> T run(RuleBook book, Profile profile,
                             java.util.function.BiFunction<EvidenceCollector, KieSession, T> read) {
        EvidenceCollector evidence = new EvidenceCollector(book, profile);
        KieSession session = book.newSession();
        try {
            session.setGlobal("evidence", evidence);
            session.insert(profile);
            session.fireAllRules();
            return read.apply(evidence, session);
        } finally {
            session.dispose();
        }
    }
}
