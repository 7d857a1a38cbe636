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
        EvidenceCollector evidence = new EvidenceCollector(book, profile);
        KieSession session = book.newSession();
        try {
            session.setGlobal("evidence", evidence);
            session.insert(profile);
            session.fireAllRules();
            return evidence.explain(session, adviceId);
        } finally {
            session.dispose();
        }
    }

    public static Advice evaluate(RuleBook book, Profile profile) {
        EvidenceCollector evidence = new EvidenceCollector(book, profile);
        KieSession session = book.newSession();
        try {
            session.setGlobal("evidence", evidence);
            session.insert(profile);
            session.fireAllRules();
            return evidence.advice(session);
        } finally {
            session.dispose();
        }
    }
}
