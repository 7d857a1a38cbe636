package io.github.dlcareer.advisor.internal.compile;

import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.TestRules;
import io.github.dlcareer.advisor.internal.knowledge.DecisionTable;
import io.github.dlcareer.advisor.internal.knowledge.RulesFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rules check} with the compiled-rules cache: a file whose text compiled before is not compiled again. The
 * cache alone: what the jar holds precompiled is left out.
 */
class RulesCheckCacheTest {

    @TempDir
    Path rules;

    @TempDir
    Path cache;

    private List<Problem> check(CompiledRulesCache with) {
        return new RulesCompiler(RulesFiles.of(rules), with, Precompiled.NONE).check(null);
    }

    /** The key of a rule file's DRL (a decision table's: the DRL it becomes). */
    private String key(String file) throws Exception {
        return CompiledRulesCache.key(Map.of(file, RulesFiles.of(rules).readDrl(DecisionTable.Cache.NONE, new ArrayList<>())
                .get(file)));
    }

    private void edit(String file, String text, String replacement) throws Exception {
        Path path = rules.resolve(file);
        String before = Files.readString(path);
        assertThat(before).contains(text);
        Files.writeString(path, before.replace(text, replacement));
    }

    @Test
    void aWarmCheckSaysWhatTheColdOneSaidErrorsAndWarningsAlike() throws Exception {
        TestRules.copyOfRules(rules);
        edit("gpu.drl", "Gpu.NONE", "Gpu.NOTHING");
        edit("papers.drl", "\nglobal ", "\nimport java.io.File;\nglobal ");
        CompiledRulesCache compiled = new CompiledRulesCache(cache);

        List<Problem> cold = check(compiled);
        List<Problem> warm = check(compiled);

        assertThat(cold).anySatisfy(p -> assertThat(p.isError()).isTrue())
                .anySatisfy(p -> assertThat(p.isError()).isFalse());
        assertThat(warm).isEqualTo(cold).isEqualTo(check(null));
        assertThat(compiled.compiles(key("gpu.drl"))).as("a file with errors is never noted as compiling").isFalse();
        assertThat(compiled.compiles(key("papers.drl"))).as("a warning is no error").isTrue();
    }

    @Test
    void anEditedFileIsCompiledAgain() throws Exception {
        TestRules.copyOfRules(rules);
        CompiledRulesCache compiled = new CompiledRulesCache(cache);
        assertThat(check(compiled)).isEmpty();

        edit("gpu.drl", "Gpu.NONE", "Gpu.NOTHING");
        assertThat(check(compiled)).singleElement().asString().contains("gpu.drl:").contains("NOTHING is not a value");

        edit("gpu.drl", "Gpu.NOTHING", "Gpu.NONE");
        assertThat(check(compiled)).isEmpty();
    }

    /** What the cache notes stands for a compile: the proof that a noted file is not compiled again. */
    @Test
    void aFileNotedAsCompilingIsNotCompiledAgain() throws Exception {
        TestRules.copyOfRules(rules);
        edit("gpu.drl", "Gpu.NONE", "Gpu.NOTHING");
        CompiledRulesCache compiled = new CompiledRulesCache(cache);
        compiled.markCompiles(key("gpu.drl"));

        assertThat(check(compiled)).isEmpty();
        assertThat(check(null)).isNotEmpty();
    }

    @Test
    void aStartCompilesWhatTheCheckThenNeedNotCompile() throws Exception {
        TestRules.copyOfRules(rules);
        CompiledRulesCache compiled = new CompiledRulesCache(cache);
        new RulesCompiler(RulesFiles.of(rules), compiled, Precompiled.NONE).compile();

        assertThat(RulesFiles.of(rules).readDrl(DecisionTable.Cache.NONE, new ArrayList<>()).keySet()).allSatisfy(file ->
                assertThat(compiled.compiles(key(file))).as(file).isTrue());
    }
}
