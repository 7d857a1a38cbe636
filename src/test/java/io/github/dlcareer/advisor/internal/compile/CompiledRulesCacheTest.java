package io.github.dlcareer.advisor.internal.compile;

import io.github.dlcareer.advisor.format.AdviceJson;

import io.github.dlcareer.advisor.internal.knowledge.Catalogues;
import io.github.dlcareer.advisor.internal.knowledge.Knowledge;
import io.github.dlcareer.advisor.internal.knowledge.StoredKnowledge;
import io.github.dlcareer.advisor.internal.knowledge.RulesFiles;
import io.github.dlcareer.advisor.internal.engine.Evaluator;
import io.github.dlcareer.advisor.internal.knowledge.DecisionTable;
import io.github.dlcareer.advisor.internal.engine.RuleBook;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache alone: what the jar holds precompiled is left out (see {@link PrecompiledTest}). */
class CompiledRulesCacheTest {

    private static final Path RULES = Path.of("rules");

    private static RuleBook compile(Path rules, Path cache) {
        return new RulesCompiler(RulesFiles.of(rules), new CompiledRulesCache(cache), Precompiled.NONE).compile();
    }

    private static List<String> adviceOfEveryExample(RuleBook book) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("examples", "profiles"))) {
            return files.sorted().map(f -> AdviceJson.write(Evaluator.evaluate(book, ProfileReader.create().read(f)))).toList();
        }
    }

    /** The rule files of the shipped rules: DRL files and decision tables. */
    private static long drlFiles() throws Exception {
        try (Stream<Path> files = Files.list(RULES)) {
            return files.filter(f -> f.toString().endsWith(".drl") || DecisionTable.isTable(f.toString())).count();
        }
    }

    private static long tables() throws Exception {
        try (Stream<Path> files = Files.list(RULES)) {
            return files.filter(f -> DecisionTable.isTable(f.toString())).count();
        }
    }

    /** Removes the knowledge kept in a cache, so that the parsed rules are read. */
    private static void forgetKnowledge(Path cache) throws Exception {
        try (Stream<Path> files = Files.list(cache)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("knowledge-")).toList()) {
                Files.delete(file);
            }
        }
    }

    private static Path knowledgeEntry(Path cache) throws Exception {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().matches("knowledge-[0-9a-f]{64}\\.bin")).findFirst()
                    .orElseThrow();
        }
    }

    private static long kjars(Path cache) throws Exception {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".kjar")).count();
        }
    }

    @Test
    void aSecondStartWithUnchangedRulesLoadsThemAndAdvisesTheSame(@TempDir Path cache) throws Exception {
        RuleBook compiled = compile(RULES, cache);
        RuleBook loaded = compile(RULES, cache);

        assertThat(compiled.fromCache()).isFalse();
        assertThat(loaded.fromCache()).isTrue();
        assertThat(kjars(cache)).as("one compiled kjar per rule file").isEqualTo(drlFiles());
        assertThat(adviceOfEveryExample(loaded)).isEqualTo(adviceOfEveryExample(compiled));
    }

    @Test
    void anEditedRuleIsCompiledOnceUnderANewKey(@TempDir Path cache, @TempDir Path rules) throws Exception {
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path file : files.toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        compile(rules, cache);
        Path gpu = rules.resolve("gpu.drl");
        Files.writeString(gpu, Files.readString(gpu).replace("@weight(0.8)", "@weight(0.7)"));

        RuleBook edited = compile(rules, cache);
        RuleBook again = compile(rules, cache);

        assertThat(edited.fromCache()).isFalse();
        assertThat(again.fromCache()).isTrue();
        assertThat(kjars(cache)).as("only the edited file compiled anew").isEqualTo(drlFiles() + 1);
    }

    @Test
    void aCorruptCacheFileFallsBackToCompilingAndIsReplaced(@TempDir Path cache) throws Exception {
        compile(RULES, cache);
        try (Stream<Path> files = Files.list(cache)) {
            for (Path kjar : files.filter(f -> f.toString().endsWith(".kjar")).toList()) {
                Files.write(kjar, new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'j', 'a', 'r'});
            }
        }

        RuleBook recompiled = compile(RULES, cache);
        RuleBook loaded = compile(RULES, cache);

        assertThat(recompiled.fromCache()).isFalse();
        assertThat(loaded.fromCache()).isTrue();
        Profile profile = TestProfiles.gpuNone();
        assertThat(Evaluator.evaluate(recompiled, profile).recommendation("buy-a-gpu")).isPresent();
    }

    @Test
    void parsedRulesEditedByHandAreIgnoredAndParsedAgain(@TempDir Path cache) throws Exception {
        RuleBook compiled = compile(RULES, cache);
        forgetKnowledge(cache);
        Path json;
        try (Stream<Path> files = Files.list(cache)) {
            json = files.filter(f -> f.getFileName().toString().matches("rules-.*\\.json")).findFirst().orElseThrow();
        }
        String text = Files.readString(json);
        String gpuRule = "\"name\":\"GPU: no GPU at all, buy one\"";
        int at = text.indexOf(gpuRule);
        assertThat(at).isNotNegative();
        int weight = text.indexOf("\"weight\":\"0.8\"", at);
        Files.writeString(json, text.substring(0, weight) + "\"weight\":\"0.1\"" + text.substring(weight + 14));

        RuleBook edited = compile(RULES, cache);

        Profile profile = TestProfiles.gpuNone();
        assertThat(Evaluator.evaluate(edited, profile).recommendation("buy-a-gpu").orElseThrow().score())
                .isEqualTo(Evaluator.evaluate(compiled, profile).recommendation("buy-a-gpu").orElseThrow().score());
        assertThat(edited.rules().stream().filter(r -> r.name().equals("GPU: no GPU at all, buy one")))
                .singleElement().satisfies(r -> assertThat(r.weight()).isEqualTo(0.8));
        assertThat(Files.readString(json)).as("the entry is written again, intact").contains("\"weight\":\"0.8\"")
                .doesNotContain("\"weight\":\"0.1\"");
    }

    @Test
    void parsedRulesStoredUnderAnotherKeyAreIgnored(@TempDir Path cache, @TempDir Path rules) throws Exception {
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path file : files.toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        compile(rules, cache);
        Path original;
        try (Stream<Path> files = Files.list(cache)) {
            original = files.filter(f -> f.getFileName().toString().matches("rules-.*\\.json")).findFirst().orElseThrow();
        }
        String parsedBefore = Files.readString(original);
        Path gpu = rules.resolve("gpu.drl");
        Files.writeString(gpu, Files.readString(gpu).replace("@weight(0.8)", "@weight(0.7)"));
        String newKey;
        new RulesCompiler(RulesFiles.of(rules), new CompiledRulesCache(cache), Precompiled.NONE).read(); // writes the entry of the edited DRL
        try (Stream<Path> files = Files.list(cache)) {
            newKey = files.filter(f -> f.getFileName().toString().matches("rules-.*\\.json") && !f.equals(original)).findFirst().orElseThrow()
                    .getFileName().toString();
        }
        Files.writeString(cache.resolve(newKey), parsedBefore); // the old rules, intact, under the new DRL's name
        forgetKnowledge(cache);

        Knowledge described = new RulesCompiler(RulesFiles.of(rules), new CompiledRulesCache(cache), Precompiled.NONE).read();

        assertThat(described.rules().stream().filter(r -> r.name().equals("GPU: no GPU at all, buy one")))
                .singleElement().satisfies(r -> assertThat(r.weight()).isEqualTo(0.7));
    }

    @Test
    void theKnowledgeOfAFolderIsKeptAndReadBackUnderTheKeyOfItsFiles(@TempDir Path cache) throws Exception {
        RulesFiles rules = RulesFiles.of(RULES);
        Knowledge read = new RulesCompiler(rules, new CompiledRulesCache(cache), Precompiled.NONE).read();
        Path entry = knowledgeEntry(cache);
        String key = KnowledgeEntry.key(KnowledgeEntry.digests(rules.knowledgeFiles()));
        assertThat(entry.getFileName().toString()).isEqualTo(KnowledgeEntry.name(key));
        StoredKnowledge kept = KnowledgeEntry.read(Files.readAllBytes(entry), key);
        Map<String, Catalogues.Entry> advice = new LinkedHashMap<>(kept.advice());
        advice.computeIfPresent("buy-a-gpu", (id, e) -> new Catalogues.Entry(id, e.kind(), e.topic(), "Stored title",
                e.advice(), e.step(), e.generic()));
        Files.write(entry, KnowledgeEntry.bytes(key, new StoredKnowledge(kept.sources(), kept.passages(), advice,
                kept.conflicts(), kept.questions(), kept.places(), kept.fieldLabels(), kept.findingLabels(),
                kept.drafts(), kept.drl())));

        Knowledge loaded = new RulesCompiler(rules, new CompiledRulesCache(cache), Precompiled.NONE).read();

        assertThat(loaded.catalogues().advice().get("buy-a-gpu").title()).as("read from the entry").isEqualTo("Stored title");
        assertThat(loaded.rules()).isEqualTo(read.rules());
    }

    @Test
    void knowledgeEditedByHandIsIgnoredRemovedAndReadFromTheFolder(@TempDir Path cache) throws Exception {
        RulesFiles rules = RulesFiles.of(RULES);
        Knowledge read = new RulesCompiler(rules, new CompiledRulesCache(cache), Precompiled.NONE).read();
        Path entry = knowledgeEntry(cache);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 1; // in the compressed knowledge
        Files.write(entry, bytes);

        Knowledge again = new RulesCompiler(rules, new CompiledRulesCache(cache), Precompiled.NONE).read();

        assertThat(again.catalogues().advice().get("buy-a-gpu")).isEqualTo(read.catalogues().advice().get("buy-a-gpu"));
        assertThat(Files.readAllBytes(knowledgeEntry(cache))).as("written again, intact").isNotEqualTo(bytes);
    }

    @Test
    void aCacheThatCannotBeReadOrWrittenIsOnlyAWarning(@TempDir Path parent) throws Exception {
        Path cache = Files.writeString(parent.resolve("a-file-not-a-folder"), "x"); // fails even for root

        RuleBook book = compile(RULES, cache);

        assertThat(book.fromCache()).isFalse();
        assertThat(Evaluator.evaluate(book, TestProfiles.gpuNone()).recommendation("buy-a-gpu")).isPresent();
    }

    @Test
    void twoStartsAtOnceLeaveOneGoodCacheFile(@TempDir Path cache) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RuleBook>> books = List.of(
                    pool.submit(() -> compile(RULES, cache)),
                    pool.submit(() -> compile(RULES, cache)));
            for (Future<RuleBook> book : books) {
                assertThat(Evaluator.evaluate(book.get(), TestProfiles.gpuNone()).recommendation("buy-a-gpu")).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .hasSize((int) (drlFiles() + 1 + tables() + 1))
                    .allSatisfy(name -> assertThat(name).matches("rules-[0-9a-f]{64}\\.(kjar|json)"
                            + "|table-[0-9a-f]{64}\\.drl|knowledge-[0-9a-f]{64}\\.bin"));
        }
        assertThat(compile(RULES, cache).fromCache()).isTrue();
    }

    /** Profiles for these tests. */
    static final class TestProfiles {
        static Profile gpuNone() {
            return ProfileReader.create().read(Path.of("examples", "profiles", "gpu-none.yaml"));
        }
    }
}
