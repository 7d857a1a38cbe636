package io.github.dlcareer.advisor.internal.engine;

import io.github.dlcareer.advisor.internal.knowledge.RuleDescription;
import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Explanation;
import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Runs one profile through a rule book: a clean session each time, so evaluations never share state.
 *
 * <p>Every evaluation has a time limit. A rule that keeps re-activating itself (a {@code modify}, {@code update}
 * or {@code insert} loop) is halted on the evaluating thread, which looks at the clock every
 * {@value #CHECK_EVERY} firings, and by a watchdog thread that halts and interrupts an evaluation past its limit
 * (a consequence that is slow, sleeps or waits). Either way the call throws an {@link InvalidRulesException}
 * naming the rule that was firing, and its session is thrown away, never pooled again. A consequence that loops
 * in plain Java ({@code while (true) {}}) cannot be stopped on Java 17 without killing its thread: the watchdog
 * logs it as an error and tells the {@linkplain #lastResort last-resort handler} ({@code Advisor.onStuckEvaluation}),
 * which the command line uses to exit with the message.
 */
public final class Evaluator {

    /** The limit when none is configured: far above the few hundred ms of a first evaluation in a cold JVM. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /** Firings between two looks at the clock on the evaluating thread (a power of two). */
    static final int CHECK_EVERY = 1024;

    /** Firings after which the rules firing are remembered (no sound evaluation comes near), to name a loop's rules. */
    private static final int REMEMBER_AFTER = 4 * CHECK_EVERY;

    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private static volatile Consumer<Problem> lastResort = problem -> { };

    private Evaluator() {
    }

    /**
     * Told, on the watchdog's thread, of an evaluation that went on after it was halted and interrupted (a
     * consequence looping in plain Java): the library can only log it; the command line exits.
     */
    public static void lastResort(Consumer<Problem> handler) {
        lastResort = handler == null ? problem -> { } : handler;
    }

    /** How one advice came about for a profile, or why it did not. */
    public static Explanation explain(RuleBook book, Profile profile, String adviceId) {
        return explain(book, profile, adviceId, DEFAULT_TIMEOUT);
    }

    public static Explanation explain(RuleBook book, Profile profile, String adviceId, Duration timeout) {
        return run(book, profile, timeout, (rules, outcome) -> Explainer.explain(rules, outcome, adviceId));
    }

    public static Advice evaluate(RuleBook book, Profile profile) {
        return evaluate(book, profile, DEFAULT_TIMEOUT);
    }

    /**
     * The advice for a profile.
     *
     * @throws InvalidRulesException when the evaluation runs longer than {@code timeout}
     */
    public static Advice evaluate(RuleBook book, Profile profile, Duration timeout) {
        return run(book, profile, timeout, AdviceAssembler::advice);
    }

    /** Fires the rules for a profile in a pooled session and reads its outcome before handing it back. */
    private static <T> T run(RuleBook book, Profile profile, Duration timeout, BiFunction<RuleBook, Outcome, T> read) {
        EvidenceCollector evidence = new EvidenceCollector(book, profile);
        KieSession session = book.newSession();
        Run run = new Run(book, session, timeout);
        boolean reusable = false;
        Watchdog.watch(run);
        try {
            session.setGlobal("evidence", evidence);
            session.insert(profile);
            try {
                session.fireAllRules(run);
            } catch (RuntimeException e) {
                if (run.stopped) {
                    throw run.limitReached(); // the watchdog's interrupt, surfacing through a consequence
                }
                throw e;
            } finally {
                run.finish();
            }
            if (run.stopped) {
                throw run.limitReached();
            }
            T result = read.apply(book, evidence.outcome(session));
            reusable = true;
            return result;
        } finally {
            if (reusable) {
                session.dispose(); // back to the pool, reset
            } else {
                book.discard();
            }
        }
    }

    /** One evaluation under watch: counts firings, knows the rule firing, and halts at the limit. */
    private static final class Run implements AgendaFilter {
        private final RuleBook book;
        private final KieSession session;
        private final Thread thread = Thread.currentThread();
        private final long limitNanos;
        private final long start = System.nanoTime();
        private long fired;
        private volatile Rule firing;
        private Rule[] recent; // the last CHECK_EVERY rules fired, once an evaluation has fired suspiciously many
        volatile boolean stopped;
        private boolean done;
        private boolean interrupted;
        private boolean reported;

        Run(RuleBook book, KieSession session, Duration timeout) {
            this.book = book;
            this.session = session;
            this.limitNanos = Math.max(1, timeout.toNanos());
        }

        @Override
        public boolean accept(Match match) {
            firing = match.getRule();
            if (++fired > REMEMBER_AFTER) {
                if (recent == null) {
                    recent = new Rule[CHECK_EVERY];
                }
                recent[(int) (fired & (CHECK_EVERY - 1))] = firing;
            }
            if ((fired & (CHECK_EVERY - 1)) == 0 && System.nanoTime() - start > limitNanos) {
                stopped = true;
                session.halt();
                return false;
            }
            return true;
        }

        /** On the watchdog's thread: halts (and interrupts) an evaluation past its limit; reports one that stays stuck. */
        void check(long now) {
            long elapsed = now - start;
            if (elapsed <= limitNanos) {
                return;
            }
            synchronized (this) {
                if (done) {
                    return;
                }
                if (!stopped) {
                    stopped = true;
                    session.halt();
                    interrupted = true;
                    thread.interrupt(); // wakes a consequence that sleeps, waits or blocks on I/O
                } else if (!reported && elapsed > 2 * limitNanos + Duration.ofSeconds(1).toNanos()) {
                    reported = true;
                    Problem stuck = problem("an evaluation has run for " + seconds(elapsed) + ", past its limit of "
                            + seconds(limitNanos) + ", and does not stop when halted and interrupted (a consequence"
                            + " that loops in Java?); its thread cannot be stopped safely");
                    LOG.error("{}", stuck);
                    lastResort.accept(stuck);
                }
            }
        }

        /** On the evaluating thread, when the firing is over: the watchdog leaves it alone from now on. */
        void finish() {
            Watchdog.unwatch(this);
            synchronized (this) {
                done = true;
                if (interrupted) {
                    Thread.interrupted(); // our interrupt, not the caller's: clear it
                }
            }
        }

        /** One problem for each rule that kept firing at the end (those of a loop), most firings first. */
        InvalidRulesException limitReached() {
            Map<Rule, Integer> counts = new HashMap<>();
            for (Rule rule : recent == null ? new Rule[] {firing} : recent) {
                if (rule != null) {
                    counts.merge(rule, 1, Integer::sum);
                }
            }
            String message = String.format(Locale.ROOT, "the evaluation was stopped at its limit of %s, after %,d rule"
                    + " firings, while this rule kept firing; does it re-activate itself (modify, update or insert in"
                    + " a loop)?", seconds(limitNanos), fired);
            return new InvalidRulesException(counts.entrySet().stream()
                    .sorted(Map.Entry.<Rule, Integer>comparingByValue().reversed()
                            .thenComparing(e -> e.getKey().getName()))
                    .map(e -> problem(e.getKey(), message)).toList());
        }

        private Problem problem(String message) {
            return problem(firing, message);
        }

        private Problem problem(Rule rule, String message) {
            RuleDescription info = rule == null ? null : book.rule(rule.getName());
            if (info != null) {
                return Problem.error(info.file(), info.line(), 0, info.name(), message);
            }
            return Problem.error(book.location(), 0, 0, rule == null ? null : rule.getName(), message);
        }
    }

    private static String seconds(long nanos) {
        return nanos < 1_000_000_000L ? nanos / 1_000_000 + " ms"
                : String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /**
     * One daemon thread that looks at the running evaluations a few times a second, and sleeps while there are
     * none. Watching costs an evaluation an insertion into and a removal from a concurrent set.
     */
    private static final class Watchdog {
        private static final long TICK_NANOS = Duration.ofMillis(50).toNanos();
        private static final Set<Run> RUNNING = ConcurrentHashMap.newKeySet();
        private static volatile boolean idle;
        private static volatile Thread thread;

        static void watch(Run run) {
            RUNNING.add(run);
            Thread watchdog = thread;
            if (watchdog == null) {
                start();
            } else if (idle) {
                LockSupport.unpark(watchdog);
            }
        }

        static void unwatch(Run run) {
            RUNNING.remove(run);
        }

        private static synchronized void start() {
            if (thread != null) {
                return;
            }
            Thread watchdog = new Thread(Watchdog::loop, "advisor-evaluation-watchdog");
            watchdog.setDaemon(true);
            thread = watchdog;
            watchdog.start();
        }

        private static void loop() {
            while (true) {
                if (RUNNING.isEmpty()) {
                    idle = true;
                    if (RUNNING.isEmpty()) {
                        LockSupport.park(Watchdog.class);
                    }
                    idle = false;
                }
                LockSupport.parkNanos(Watchdog.class, TICK_NANOS);
                long now = System.nanoTime();
                for (Run run : RUNNING) {
                    try {
                        run.check(now);
                    } catch (RuntimeException e) {
                        LOG.warn("stopping an evaluation past its limit failed: {}", e.toString());
                    }
                }
            }
        }
    }
}
