package io.github.dlcareer.advisor.internal.compile;

import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.internal.engine.RuleBook;
import io.github.dlcareer.advisor.internal.knowledge.Catalogues;
import io.github.dlcareer.advisor.internal.knowledge.DecisionTable;
import io.github.dlcareer.advisor.internal.knowledge.Drl;
import io.github.dlcareer.advisor.internal.knowledge.FieldLabels;
import io.github.dlcareer.advisor.internal.knowledge.Knowledge;
import io.github.dlcareer.advisor.internal.knowledge.Quotes;
import io.github.dlcareer.advisor.internal.knowledge.RuleDraft;
import io.github.dlcareer.advisor.internal.knowledge.RulesFiles;
import io.github.dlcareer.advisor.internal.knowledge.RulesLint;
import io.github.dlcareer.advisor.internal.knowledge.StoredKnowledge;
import org.drools.model.Model;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Turns a rules folder into a {@link RuleBook}: reads the catalogues and the rule drafts of every {@code .drl}
 * file, checks them against each other into {@link Knowledge}, and compiles the DRL at run time with Drools'
 * executable model — with a cache, file by file, each file's compiled rules (and the drafts) kept under a key of
 * its text — or loads what the jar holds {@linkplain Precompiled precompiled} for files of the same text. Every
 * problem is collected and reported at once, each with its file and line.
 */
public final class RulesCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(RulesCompiler.class);

    private final RulesFiles files;
    private final CompiledRulesCache cache;
    private final Precompiled precompiled;

    /** @param cache where compiled and parsed rules are kept; null for none (what the jar holds precompiled is used) */
    public RulesCompiler(RulesFiles files, CompiledRulesCache cache) {
        this(files, cache, Precompiled.IN_JAR);
    }

    RulesCompiler(RulesFiles files, CompiledRulesCache cache, Precompiled precompiled) {
        this.files = files;
        this.cache = cache;
        this.precompiled = precompiled;
    }

    /** Compiles the rules, or loads them from the cache when unchanged; throws with every problem found. */
    public RuleBook compile() {
        long start = System.nanoTime();
        List<Problem> problems = new ArrayList<>();
        // The bundled rules' models load on a thread of their own while their knowledge is read (~85 ms sooner)
        FutureTask<List<Model>> bundled = files.isBundled()
                ? new FutureTask<>(() -> precompiled.bundledKjar().map(kjar -> cachedModels(kjar, null)).orElse(null))
                : null;
        if (bundled != null) {
            Thread loading = new Thread(bundled, "advisor-rules-loading");
            loading.setDaemon(true);
            loading.start();
        }
        Knowledge knowledge = read(problems, new HashSet<>(), true);
        throwIfErrors(problems);
        long described = System.nanoTime();
        ModelLoader loader = new ModelLoader(new CompilerMessages(files, knowledge.rules()), problems);
        if (bundled != null && !bundled.isDone()) {
            ModelLoader.warmUp(); // while the models load
        }
        List<Model> whole = bundled != null ? loaded(bundled)
                : precompiled.kjar(knowledge.drl()).map(kjar -> cachedModels(kjar, null)).orElse(null);
        // Without a cache, all files compile faster together, unless the jar holds them all precompiled.
        Built built = whole != null ? new Built(ModelLoader.kieBase(whole), 0)
                : cache == null && !precompiled.hasAll(knowledge.drl())
                ? new Built(kieBase(loader, knowledge.drl()), knowledge.drl().size())
                : buildFileByFile(loader, knowledge.drl(), problems);
        throwIfErrors(problems);
        LOG.debug("{} {} rules from {} in {} ms: catalogues and rules read in {} ms, {} of {} files compiled",
                built.compiledFiles() == 0 ? "loaded" : "built", knowledge.rules().size(), files.label(),
                (System.nanoTime() - start) / 1_000_000, (described - start) / 1_000_000, built.compiledFiles(),
                knowledge.drl().size());
        return new RuleBook(files.label(), built.kieBase(), knowledge.catalogues(), knowledge.labels(), knowledge.rules(),
                built.compiledFiles() == 0);
    }

    /** Reads and checks the rules without compiling their DRL (fast); throws with every problem found. */
    public Knowledge read() {
        List<Problem> problems = new ArrayList<>();
        Knowledge knowledge = read(problems, new HashSet<>(), true);
        throwIfErrors(problems);
        return knowledge;
    }

    /**
     * Everything wrong with the rules, without throwing: the problems of reading them, the DRL errors of each
     * file compiled on its own (so that every error is pinned to its file), the lint warnings, and every quote
     * of {@code sources.yaml} checked against the documents in {@code documents} (null: not checked), see
     * {@link Quotes#check}. With a cache, a file whose text compiled before is not compiled again (a file with
     * errors never counts as compiled), and a file found to compile is noted: a check of unchanged rules compiles
     * nothing, and says the same.
     */
    public List<Problem> check(Path documents) {
        List<Problem> problems = new ArrayList<>();
        Set<String> unparsable = new HashSet<>();
        try {
            Knowledge knowledge = read(problems, unparsable, false);
            Map<String, String> parsed = new LinkedHashMap<>(knowledge.drl());
            parsed.keySet().removeAll(unparsable);
            if (cache != null) {
                // A file known to compile (precompiled in the jar, cached by an earlier start or check) is not
                // compiled again.
                parsed.entrySet().removeIf(file -> {
                    Map<String, String> one = Map.of(file.getKey(), file.getValue());
                    return precompiled.hasAll(one) || cache.compiles(CompiledRulesCache.key(one));
                });
            }
            ModelLoader loader = new ModelLoader(new CompilerMessages(files, knowledge.rules()), problems);
            int before = problems.size();
            if (!parsed.isEmpty() && loader.compile(parsed) == null && parsed.size() > 1) {
                // Together, Drools may pin an error on the wrong file or on none: compile each file alone.
                problems.subList(before, problems.size()).clear();
                for (Map.Entry<String, String> file : parsed.entrySet()) {
                    Map<String, String> one = Map.of(file.getKey(), file.getValue());
                    byte[] kjar = loader.compile(one);
                    if (kjar != null && cache != null) {
                        cache.write(CompiledRulesCache.key(one), kjar);
                    }
                }
            } else if (problems.size() == before && cache != null) {
                parsed.forEach((file, text) -> cache.markCompiles(CompiledRulesCache.key(Map.of(file, text))));
            }
            problems.addAll(RulesLint.warnings(knowledge));
            if (documents != null) {
                problems.addAll(Quotes.check(knowledge.catalogues(), files.where(Catalogues.SOURCES), documents));
            }
        } catch (InvalidRulesException e) {
            return e.problems();
        }
        return List.copyOf(DecisionTable.located(files, problems));
    }

    /**
     * The catalogues and the rule drafts (from the cache when the DRL is unchanged), checked into knowledge, and
     * the labels of findings checked against what the rules derive. With {@code stored}, knowledge stored from
     * the same files (precompiled, or kept in the cache by an earlier read) is used instead, and knowledge read
     * without errors is kept in the cache: it has no problems to report, and only warnings go unreported.
     */
    private Knowledge read(List<Problem> problems, Set<String> unparsable, boolean stored) {
        Optional<StoredKnowledge> bundled = stored && files.isBundled() ? precompiled.bundledKnowledge() : Optional.empty();
        if (bundled.isPresent()) {
            return bundled.get().knowledge(files, problems);
        }
        if (!Files.isDirectory(files.folder())) {
            throw new InvalidRulesException(List.of(Problem.error(files.label(), 0, 0, null, "not a folder of rules")));
        }
        Map<String, String> digests = stored ? KnowledgeEntry.digests(files.knowledgeFiles()) : null;
        String storedKey = stored && cache != null ? KnowledgeEntry.key(digests) : null;
        Optional<StoredKnowledge> known = stored ? precompiled.knowledge(digests)
                .or(() -> storedKey == null ? Optional.empty() : KnowledgeEntry.read(cache, storedKey)) : Optional.empty();
        if (known.isPresent()) {
            return known.get().knowledge(files, problems);
        }
        Catalogues catalogues = Catalogues.read(files.folder(), files.label(), problems);
        FieldLabels labels = FieldLabels.read(files, problems);
        Map<String, String> drl = files.readDrl(precompiled.tables(cache == null ? DecisionTable.Cache.NONE : cache),
                problems);
        String key = cache == null ? null : CompiledRulesCache.key(drl);
        List<RuleDraft> drafts = precompiled.parsed(drl)
                .or(() -> key == null ? Optional.empty() : cache.readParsed(key)).orElse(null);
        if (drafts == null) {
            int before = problems.size();
            drafts = new ArrayList<>();
            for (Map.Entry<String, String> file : drl.entrySet()) {
                List<RuleDraft> ofFile = Drl.parse(files, file.getKey(), file.getValue(), problems);
                if (ofFile == null) {
                    unparsable.add(file.getKey());
                } else {
                    drafts.addAll(ofFile);
                }
            }
            if (key != null && problems.size() == before) {
                cache.writeParsed(key, drafts);
            }
        }
        if (unparsable.isEmpty() && !drl.isEmpty()) {
            // A file that could not be read derives findings too: its labels would be blamed for it.
            labels.findings().check(files.where(FieldLabels.FILE), drafts, problems);
        }
        Knowledge knowledge = Knowledge.of(files, catalogues, labels, drafts, drl, problems);
        // Kept only if the files did not change while they were read: the key must say what was read.
        if (storedKey != null && !hasErrors(problems) && digests.equals(KnowledgeEntry.digests(files.knowledgeFiles()))) {
            KnowledgeEntry.write(cache, storedKey, StoredKnowledge.of(knowledge, drafts));
        }
        return knowledge;
    }

    private void throwIfErrors(List<Problem> problems) {
        if (hasErrors(problems)) {
            throw new InvalidRulesException(DecisionTable.located(files, problems));
        }
    }

    private static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** A KieBase (null when the DRL has errors) and how many files were compiled for it: none when all were cached. */
    private record Built(KieBase kieBase, int compiledFiles) {
    }

    /** Every DRL file compiled together into one kjar; null when it has errors (they are reported). */
    private KieBase kieBase(ModelLoader loader, Map<String, String> drl) {
        byte[] kjar = loader.compile(drl);
        if (kjar == null) {
            return null;
        }
        try {
            return ModelLoader.kieBase(ModelLoader.models(kjar));
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalStateException("rules compiled from " + files.label() + " do not load", e);
        }
    }

    /**
     * With a cache, each DRL file is compiled on its own and cached under its own key (every file compiles on
     * its own by design): after an edit only the edited file is compiled, and the KieBase is put together from
     * the models of all files. No KieBase when a file has errors (they are reported, those of every file).
     */
    private Built buildFileByFile(ModelLoader loader, Map<String, String> drl, List<Problem> problems) {
        List<Model> models = new ArrayList<>();
        int compiled = 0;
        for (Map.Entry<String, String> file : drl.entrySet()) {
            Map<String, String> one = Map.of(file.getKey(), file.getValue());
            String key = CompiledRulesCache.key(one);
            List<Model> cached = precompiled.kjar(one).map(kjar -> cachedModels(kjar, null))
                    .or(() -> cache == null ? Optional.empty() : cache.read(key).map(kjar -> cachedModels(kjar, key)))
                    .orElse(null);
            if (cached == null) {
                compiled++;
                byte[] kjar = loader.compile(one);
                if (kjar == null) {
                    continue; // its errors are reported; go on, to report the other files' too
                }
                if (cache != null) {
                    cache.write(key, kjar);
                }
                cached = cachedModels(kjar, key);
                if (cached == null) {
                    throw new IllegalStateException("the rules of " + file.getKey() + " compiled but do not load");
                }
            }
            models.addAll(cached);
        }
        return new Built(hasErrors(problems) ? null : ModelLoader.kieBase(models), compiled);
    }

    /**
     * The models of a cached (or, with no key, precompiled) kjar; null, with a warning and a cache entry discarded,
     * when it cannot be loaded.
     */
    /** The models loaded by {@code task}; null (compiled instead) if it failed in a way cachedModels does not catch. */
    private List<Model> loaded(FutureTask<List<Model>> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            LOG.warn("the precompiled rules for {} cannot be loaded ({}); compiling them again", files.label(),
                    e.getCause().toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the rules", e);
        }
    }

    private List<Model> cachedModels(byte[] kjar, String key) {
        try {
            return ModelLoader.models(kjar);
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warn("the {} compiled rules for {} cannot be loaded ({}); compiling them again",
                    key == null ? "precompiled" : "cached", files.label(), e.toString());
            if (key != null && cache != null) {
                cache.discard(key);
            }
            return null;
        }
    }
}
