package io.github.dlcareer.advisor.internal.compile;

import io.github.dlcareer.advisor.format.AdviceJson;
import io.github.dlcareer.advisor.internal.engine.Evaluator;
import io.github.dlcareer.advisor.internal.engine.RuleBook;
import io.github.dlcareer.advisor.internal.knowledge.DecisionTable;
import io.github.dlcareer.advisor.internal.knowledge.Knowledge;
import io.github.dlcareer.advisor.internal.knowledge.RulesFiles;
import io.github.dlcareer.advisor.ProfileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules precompiled into the jar at build time (pom.xml runs {@link Precompiler} on the bundled rules). */
class PrecompiledTest {

    private static final Path RULES = Path.of("rules");

    private static List<String> adviceOfEveryExample(RuleBook book) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("examples", "profiles"))) {
            return files.sorted().map(f -> AdviceJson.write(Evaluator.evaluate(book, ProfileReader.create().read(f)))).toList();
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void theBuildPrecompiledEveryFileOfRulesAsItIsNow() {
        Map<String, String> drl = RulesFiles.of(RULES).readDrl(DecisionTable.Cache.NONE, new ArrayList<>());

        assertThat(Precompiled.IN_JAR.hasAll(drl))
                .as("every DRL file of rules/ precompiled (stale: run mvn process-classes)").isTrue();
        assertThat(Precompiled.IN_JAR.parsed(drl)).as("the parsed rules of rules/ precompiled").isPresent();
        assertThat(drl.keySet().stream().filter(DecisionTable::isTable)).isNotEmpty().allSatisfy(table ->
                assertThat(Precompiled.IN_JAR.tables(DecisionTable.Cache.NONE)
                        .readTable(table, Files.readAllBytes(RULES.resolve(table))))
                        .as("the DRL of %s precompiled, so that no spreadsheet is read", table).contains(drl.get(table)));
    }

    @Test
    void theKnowledgeOfRulesIsPrecompiledAndEqualToTheOneReadFromItsFiles() {
        RulesFiles rules = RulesFiles.of(RULES);

        assertThat(Precompiled.IN_JAR.knowledge(KnowledgeEntry.digests(rules.knowledgeFiles())))
                .as("the knowledge of rules/ precompiled (stale: run mvn process-classes)").isPresent();
        Knowledge loaded = new RulesCompiler(rules, null).read();
        Knowledge read = new RulesCompiler(rules, null, Precompiled.NONE).read();
        assertThat(loaded).usingRecursiveComparison().isEqualTo(read);
    }

    @Test
    void theKeyOfTheBundledKnowledgeIsThatOfTheBundledFiles() throws Exception {
        try (InputStream key = Precompiled.class.getClassLoader()
                .getResourceAsStream(Precompiled.RESOURCES + Precompiled.BUNDLED_KEY)) {
            assertThat(key).as("the key of the bundled rules' knowledge precompiled").isNotNull();
            Map<String, String> drl = RulesFiles.of(RULES).readDrl(DecisionTable.Cache.NONE, new ArrayList<>());
            assertThat(key.readAllBytes())
                    .isEqualTo(Precompiled.bundledKeys(KnowledgeEntry.key(Precompiled.VERSION,
                            KnowledgeEntry.digests(RulesFiles.bundled().knowledgeFiles())), Precompiled.key(
                            RulesFiles.bundled().readDrl(DecisionTable.Cache.NONE, new ArrayList<>()))))
                    .as("the bundled rules are rules/ as it is now (stale: run mvn process-classes)")
                    .isEqualTo(Precompiled.bundledKeys(KnowledgeEntry.key(Precompiled.VERSION,
                            KnowledgeEntry.digests(RulesFiles.of(RULES).knowledgeFiles())), Precompiled.key(drl)));
            assertThat(Precompiled.IN_JAR.bundledKjar()).as("the kjar of the bundled rules")
                    .hasValueSatisfying(kjar -> assertThat(kjar).isEqualTo(Precompiled.IN_JAR.kjar(drl).orElseThrow()));
        }
        assertThat(Precompiled.IN_JAR.bundledKnowledge()).isPresent();
    }

    @Test
    void theBundledRulesLoadWithoutCompilingAndAdviseAsCompiledRulesDo() throws Exception {
        RuleBook precompiled = new RulesCompiler(RulesFiles.bundled(), null).compile();
        RuleBook compiled = new RulesCompiler(RulesFiles.of(RULES), null, Precompiled.NONE).compile();

        assertThat(precompiled.fromCache()).as("no DRL compiled").isTrue();
        assertThat(compiled.fromCache()).isFalse();
        assertThat(adviceOfEveryExample(precompiled)).isEqualTo(adviceOfEveryExample(compiled));
    }

    @Test
    void anEditedFileIsCompiledAndTheOthersAreLoaded(@TempDir Path rules) throws Exception {
        copy(RULES, rules);
        Path gpu = rules.resolve("gpu.drl");
        Files.writeString(gpu, Files.readString(gpu).replace("@weight(0.8)", "@weight(0.7)"));

        RuleBook edited = new RulesCompiler(RulesFiles.of(rules), null).compile();

        assertThat(edited.fromCache()).isFalse();
        assertThat(edited.rules().stream().filter(r -> r.name().equals("GPU: no GPU at all, buy one")))
                .singleElement().satisfies(r -> assertThat(r.weight()).isEqualTo(0.7));
        assertThat(Evaluator.evaluate(edited, ProfileReader.create().read(Path.of("examples", "profiles", "gpu-none.yaml")))
                .recommendation("buy-a-gpu")).isPresent();
    }

    @Test
    void thePrecompilerCompilesOnlyWhatChangedAndRemovesWhatIsGone(@TempDir Path rules, @TempDir Path out)
            throws Exception {
        copy(RULES, rules);
        Files.writeString(out.resolve("rules-gone.kjar"), "a file of rules since removed");

        int first = Precompiler.precompile(RulesFiles.of(rules), out);
        int second = Precompiler.precompile(RulesFiles.of(rules), out);

        Map<String, String> ruleFiles = RulesFiles.of(rules).readDrl(DecisionTable.Cache.NONE, new ArrayList<>());
        long tables = ruleFiles.keySet().stream().filter(DecisionTable::isTable).count();
        assertThat(first).as("each file, and all of them together").isEqualTo(ruleFiles.size() + 1);
        assertThat(second).as("nothing changed, nothing compiled").isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("a kjar per rule file and one of all, the"
                    + " parsed rules, a table's DRL per table, the knowledge and its key")
                    .hasSize((int) (ruleFiles.size() + 1 + 1 + tables + 2))
                    .doesNotContain("rules-gone.kjar");
        }
    }
}
