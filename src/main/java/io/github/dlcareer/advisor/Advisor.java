package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.internal.Evaluator;
import io.github.dlcareer.advisor.internal.RuleBook;
import io.github.dlcareer.advisor.internal.RulesCompiler;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The career advisor: compiled rules that turn a {@link Profile} into ranked, cited {@link Advice}.
 *
 * <p>Build one and share it: compiling the rules takes seconds, advising takes microseconds. It is
 * immutable and safe to call from many threads at once; each call runs in its own rule session.
 *
 * <pre>{@code
 * Advisor advisor = Advisor.builder().rules(Path.of("rules")).build();
 * Advice advice = advisor.advise(ProfileReader.create().read(Path.of("anna.yaml")));
 * }</pre>
 */
public final class Advisor {

    private final RuleBook book;

    private Advisor(RuleBook book) {
        this.book = book;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Advises one person.
     *
     * @throws NullPointerException when {@code profile} is null
     */
    public Advice advise(Profile profile) {
        Objects.requireNonNull(profile, "profile");
        return Evaluator.evaluate(book, profile);
    }

    /** Where the rules came from: the folder given to the builder, or {@code <bundled rules>}. */
    public String rulesLocation() {
        return book.location();
    }

    /** How many rules were compiled. */
    public int ruleCount() {
        return book.rules().size();
    }

    /** Configures and builds an {@link Advisor}. */
    public static final class Builder {
        private Path rules;

        private Builder() {
        }

        /** Reads the rules from this folder ({@code *.drl}, {@code sources.yaml}, {@code advice.yaml}). */
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
         * Compiles the rules.
         *
         * @throws InvalidRulesException with every problem found, each with its file and line
         */
        public Advisor build() {
            return new Advisor(rules == null ? RulesCompiler.compileBundled() : RulesCompiler.compile(rules));
        }
    }
}
