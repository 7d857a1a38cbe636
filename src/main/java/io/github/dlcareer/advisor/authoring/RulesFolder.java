package io.github.dlcareer.advisor.authoring;

import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.ProfileField;
import io.github.dlcareer.advisor.ProfileFields;
import io.github.dlcareer.advisor.Recommendation;
import io.github.dlcareer.advisor.internal.compile.CompiledRulesCache;
import io.github.dlcareer.advisor.internal.compile.RulesCompiler;
import io.github.dlcareer.advisor.internal.knowledge.Knowledge;
import io.github.dlcareer.advisor.internal.knowledge.RulesFiles;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema.Kind;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema.Leaf;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rules folder read and checked but not compiled, which takes a fraction of a second: where it is, its rules
 * as plain values and the size of its catalogues, for a rule author's tools (a listing, an editor, the
 * coverage of the documents). {@link #check} compiles the folder too, to report every problem.
 *
 * <pre>{@code
 * RulesFolder folder = RulesFolder.read(Path.of("rules"));
 * folder.rules().forEach(rule -> System.out.println(rule.file() + ":" + rule.line() + " " + rule.name()));
 * List<Problem> problems = RulesFolder.check(Path.of("rules"), null);
 * }</pre>
 */
public final class RulesFolder {

    /**
     * One rule of the folder: where it is, what it does — recommends an advice id, asks a question id, or
     * derives findings — its weight, and the passages it cites.
     *
     * @param file      its DRL file as problems name it: the folder as given (or {@code <bundled rules>}), then the file
     * @param recommend the advice id of {@code @recommend}, or null
     * @param ask       the question id of {@code @ask}, or null
     * @param derives   the names of the findings its consequence creates
     */
    public record Rule(String name, String file, int line, String recommend, String ask, List<String> derives,
                       double weight, List<Citation> citations) {
        public Rule {
            derives = List.copyOf(derives);
            citations = List.copyOf(citations);
        }
    }

    /**
     * One advice of {@code advice.yaml}, as a recommendation shows it.
     *
     * @param text    the advice in the project's own words
     * @param generic whether nearly every learner gets it (at most two of it among the first five ranks)
     */
    public record AdviceEntry(String id, Recommendation.Kind kind, String topic, String title, String text,
                              boolean generic) {
    }

    private final Knowledge knowledge;
    private final List<Rule> rules;

    private RulesFolder(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.rules = knowledge.rules().stream().map(r -> new Rule(r.name(), r.file(), r.line(), r.recommend(),
                r.ask(), r.derives(), r.weight(), r.citations())).toList();
    }

    /**
     * Reads and checks a rules folder: its catalogues, and every rule's metadata against them.
     *
     * @throws InvalidRulesException with every problem found, each at its file and line
     */
    public static RulesFolder read(Path folder) {
        return new RulesFolder(new RulesCompiler(RulesFiles.of(folder), null).read());
    }

    /**
     * The same, with the rules parsed earlier taken from a compiled-rules cache folder (the one given to
     * {@code Advisor.builder().cache(folder)}) while the DRL is unchanged, and kept there when it changed.
     */
    public static RulesFolder read(Path folder, Path cache) {
        Objects.requireNonNull(cache, "cache");
        return new RulesFolder(new RulesCompiler(RulesFiles.of(folder), new CompiledRulesCache(cache)).read());
    }

    /** Reads the copy of the rules bundled in the jar. */
    public static RulesFolder bundled() {
        return new RulesFolder(new RulesCompiler(RulesFiles.bundled(), null).read());
    }

    /**
     * Everything wrong with a rules folder, errors and warnings, without throwing: the problems of reading it,
     * the DRL errors of each file compiled on its own (so that every error is pinned to its file), and the
     * warnings of rules that compile but are probably not what their author meant (advice no rule gives,
     * findings never derived, code no advice rule needs, ...).
     *
     * @param documents the folder of the documents' text files, to check every quote of {@code sources.yaml}
     *                  against (a quote not found is an error); null: quotes are not checked
     */
    public static List<Problem> check(Path folder, Path documents) {
        return new RulesCompiler(RulesFiles.of(folder), null).check(documents);
    }

    /**
     * The same, with a compiled-rules cache folder (the one given to {@code Advisor.builder().cache(folder)}): a
     * rule file whose text compiled before, in a check or a start, is not compiled again, so that a check of
     * unchanged rules takes a fraction of the time; the problems are the same, every error and warning.
     */
    public static List<Problem> check(Path folder, Path documents, Path cache) {
        Objects.requireNonNull(cache, "cache");
        return new RulesCompiler(RulesFiles.of(folder), new CompiledRulesCache(cache)).check(documents);
    }

    /** Where the rules are: the folder as given, or {@code <bundled rules>}. */
    public String location() {
        return knowledge.location();
    }

    /** Every rule, files in name order and rules in file order. */
    public List<Rule> rules() {
        return rules;
    }

    /** Every advice {@code advice.yaml} defines, in its order. */
    public List<AdviceEntry> advice() {
        return knowledge.catalogues().advice().values().stream().map(e -> new AdviceEntry(e.id(), e.kind(),
                e.topic(), e.title(), e.advice(), e.generic())).toList();
    }

    /**
     * How {@code fields.yaml} words each answer a field allows, in the order of {@link ProfileField#choices()} and
     * keyed as it spells them: for {@code hardware.gpu}, {@code none} → "you have no GPU"; for a yes-or-no field,
     * {@code yes} and {@code no}. The words of "Why", for an interview's answers. Empty for a field without a fixed
     * set of answers (a number, a list, a text).
     *
     * @throws IllegalArgumentException when the profile has no field at {@code path}
     */
    public Map<String, String> answerLabels(String path) {
        ProfileField field = ProfileFields.find(Objects.requireNonNull(path, "path")).orElseThrow(() ->
                new IllegalArgumentException("no field '" + path + "' in a profile" + ProfileSchema.didYouMean(path)));
        Leaf leaf = ProfileSchema.leaf(path);
        Map<String, String> labels = new LinkedHashMap<>();
        for (String choice : field.choices()) {
            Object value = leaf.kind() == Kind.BOOLEAN ? choice.equals("yes")
                    : Arrays.stream(leaf.values().getEnumConstants()).filter(c -> c.name().equalsIgnoreCase(choice))
                    .findFirst().orElseThrow();
            labels.put(choice, knowledge.labels().say(leaf, value));
        }
        return Collections.unmodifiableMap(labels);
    }

    /** How many advice ids {@code advice.yaml} defines. */
    public int adviceCount() {
        return knowledge.catalogues().advice().size();
    }

    /** How many passages {@code sources.yaml} defines. */
    public int passageCount() {
        return knowledge.catalogues().passages().size();
    }

    /** How many questions {@code questions.yaml} defines. */
    public int questionCount() {
        return knowledge.catalogues().questions().size();
    }

    /** The folder as the advisor reads it, for the coverage of the documents. */
    Knowledge knowledge() {
        return knowledge;
    }
}
