package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.internal.compile.CompiledRulesCache;
import io.github.dlcareer.advisor.internal.compile.RulesCompiler;
import io.github.dlcareer.advisor.internal.engine.Evaluator;
import io.github.dlcareer.advisor.internal.knowledge.Catalogues;
import io.github.dlcareer.advisor.internal.knowledge.RulesFiles;
import io.github.dlcareer.advisor.internal.engine.RuleBook;
import io.github.dlcareer.advisor.internal.profile.ProfileEdit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The career advisor: compiled rules that turn a {@link Profile} into ranked, cited {@link Advice}.
 *
 * <p>Build one and share it: compiling the rules takes seconds, advising takes microseconds. It is safe to
 * call from many threads at once; each call runs in its own rule session.
 *
 * <p>An advisor built on a folder can {@linkplain Builder#watch watch} it: on a change it recompiles in the
 * background and swaps the new rules in atomically; calls in flight finish on the rules they started with, and
 * an edit that does not compile leaves the old rules serving and is reported to the {@link ReloadListener}.
 * Close a watching advisor to stop the watcher.
 *
 * <pre>{@code
 * Advisor advisor = Advisor.builder().rules(Path.of("rules")).build();
 * Advice advice = advisor.advise(ProfileReader.create().read(Path.of("anna.yaml")));
 * }</pre>
 */
public final class Advisor implements AutoCloseable {

    /**
     * What to do with an evaluation that cannot be stopped: one that went on past its time limit after it was
     * halted and interrupted (a rule consequence looping in plain Java, which the JVM cannot stop safely). The
     * handler is told on a watchdog thread, with the rule that was firing; by default the advisor only logs it
     * as an error and the evaluating thread stays busy. Process-wide: the command line sets it to exit.
     */
    public static void onStuckEvaluation(Consumer<Problem> handler) {
        Evaluator.lastResort(handler);
    }

    /** Told what became of each change to a watched rules folder. Called on the watcher's thread. */
    public interface ReloadListener {

        /** The changed rules compiled and now serve. */
        default void reloaded(Advisor advisor) {
        }

        /** The changed rules do not compile: the previous rules go on serving. */
        default void failed(List<Problem> problems) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Advisor.class);

    private final AtomicReference<RuleBook> book;
    private final FolderWatcher watcher;
    private final Duration timeout;

    private Advisor(RuleBook book, Builder builder) {
        this.book = new AtomicReference<>(book);
        this.timeout = builder.timeout;
        this.watcher = builder.watch ? new FolderWatcher(List.of(builder.rules), () -> reload(builder)) : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    private void reload(Builder builder) {
        try {
            RuleBook fresh = builder.compile();
            book.set(fresh);
            LOG.info("reloaded {} rules from {}", fresh.rules().size(), fresh.location());
            builder.listener.reloaded(this);
        } catch (InvalidRulesException e) {
            LOG.warn("the edited rules in {} do not compile; the previous rules go on serving:{}", builder.rules,
                    e.getMessage().substring(e.getMessage().indexOf(':') + 1));
            builder.listener.failed(e.problems());
        }
    }

    /**
     * Advises one person.
     *
     * @throws NullPointerException when {@code profile} is null
     * @throws InvalidRulesException when the evaluation runs past its {@linkplain Builder#evaluationTimeout limit},
     *         naming the rule that was firing
     */
    public Advice advise(Profile profile) {
        Objects.requireNonNull(profile, "profile");
        return Evaluator.evaluate(book.get(), profile, timeout);
    }

    /**
     * How a recommendation came about for this person — the rules for and against it, the facts each matched,
     * the weights and their combination — or, when it was not given, why not: each rule's conditions, the facts
     * it looked at, and the unknown facts that could let it fire.
     *
     * @throws IllegalArgumentException when no advice has this id (the message names the closest ones)
     */
    public Explanation explain(Profile profile, String adviceId) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(adviceId, "adviceId");
        RuleBook rules = book.get();
        if (!rules.catalogues().advice().containsKey(adviceId)) {
            List<String> close = rules.catalogues().advice().keySet().stream()
                    .filter(id -> id.contains(adviceId) || adviceId.contains(id)
                            || id.split("-")[0].equals(adviceId.split("-")[0]))
                    .sorted().limit(5).toList();
            throw new IllegalArgumentException("no advice '" + adviceId + "'"
                    + (close.isEmpty() ? "; ./advisor rules list shows them all" : "; did you mean " + String.join(", ", close) + "?"));
        }
        return Evaluator.explain(rules, profile, adviceId, timeout);
    }

    /**
     * The advice before and after changing some facts: {@code Map.of("hardware.gpu", "OWN")}. A value is
     * written as in a profile file (a list as {@code bio,vision}); an empty value makes the field unknown.
     *
     * @throws InvalidProfileException naming each change that is not a field or not a valid value
     */
    public WhatIf whatIf(Profile profile, Map<String, String> changes) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(changes, "changes");
        RuleBook rules = book.get(); // both sides on the same rules, even during a reload
        Advice before = Evaluator.evaluate(rules, profile, timeout);
        Advice after = Evaluator.evaluate(rules, ProfileEdit.apply(profile, changes),
                timeout);
        return WhatIf.of(changes, before, after);
    }

    /**
     * The compiled-rules cache folder of the command line, for {@link Builder#cache}: {@code $ADVISOR_CACHE}, else
     * {@code $XDG_CACHE_HOME} or {@code ~/.cache}, then {@code dl-career-advisor}.
     */
    public static Path defaultCacheFolder() {
        return CompiledRulesCache.defaultFolder();
    }

    /** Where the rules came from: the folder given to the builder, or {@code <bundled rules>}. */
    public String rulesLocation() {
        return book.get().location();
    }

    /** The catalogues of the rules serving now: for the cohort tables. */
    Catalogues catalogues() {
        return book.get().catalogues();
    }

    /** How many rules are serving. */
    public int ruleCount() {
        return book.get().rules().size();
    }

    /** Stops watching the rules folder, if this advisor watches one; it goes on advising. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    /** Configures and builds an {@link Advisor}. */
    public static final class Builder {
        private Path rules;
        private Path cache;
        private boolean watch;
        private ReloadListener listener = new ReloadListener() { };
        private Duration timeout = Evaluator.DEFAULT_TIMEOUT;

        private Builder() {
        }

        /**
         * The longest one evaluation may run (default 2 s): past it, the rules are halted and the call throws an
         * {@link InvalidRulesException} naming the rule that was firing (a rule that re-activates itself, most
         * likely). A consequence that loops in plain Java cannot be stopped: it is logged as an error.
         */
        public Builder evaluationTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the evaluation timeout must be positive, not " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Reads the rules from this folder ({@code *.drl}, {@code sources.yaml}, {@code advice.yaml}, ...). */
        public Builder rules(Path folder) {
            this.rules = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** Uses the copy of the rules bundled in the jar (the default). */
        public Builder bundledRules() {
            this.rules = null;
            return this;
        }

        /**
         * Keeps the compiled rules in this folder, so that a later start with unchanged rules compiles no DRL
         * (a start then takes a fraction of the time). Off by default.
         */
        public Builder cache(Path folder) {
            this.cache = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** Watches the rules folder and reloads on every change (see {@link Advisor}); needs {@link #rules}. */
        public Builder watch(boolean watch) {
            this.watch = watch;
            return this;
        }

        /** Told of every reload, and of every edit that did not compile. */
        public Builder onReload(ReloadListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Compiles the rules (or loads them from the cache).
         *
         * @throws InvalidRulesException with every problem found, each with its file and line
         * @throws IllegalStateException when asked to watch the bundled rules
         */
        public Advisor build() {
            if (watch && rules == null) {
                throw new IllegalStateException("only a rules folder can be watched: set rules(folder)");
            }
            Builder settings = new Builder(); // a snapshot: later changes to this builder do not reach the advisor
            settings.rules = rules;
            settings.cache = cache;
            settings.watch = watch;
            settings.listener = listener;
            settings.timeout = timeout;
            return new Advisor(settings.compile(), settings);
        }

        private RuleBook compile() {
            CompiledRulesCache compiled = cache == null ? null : new CompiledRulesCache(cache);
            return new RulesCompiler(rules == null ? RulesFiles.bundled() : RulesFiles.of(rules), compiled).compile();
        }
    }
}
