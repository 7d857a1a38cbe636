package io.github.dlcareer.advisor.internal.compile;

import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.internal.knowledge.DecisionTable;
import io.github.dlcareer.advisor.internal.knowledge.Drl;
import io.github.dlcareer.advisor.internal.knowledge.Knowledge;
import io.github.dlcareer.advisor.internal.knowledge.RuleDraft;
import io.github.dlcareer.advisor.internal.knowledge.RulesFiles;
import io.github.dlcareer.advisor.internal.knowledge.StoredKnowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A build step ({@code pom.xml}, phase {@code process-classes}): compiles the bundled rules into the
 * {@link Precompiled} rules of the jar, with the DRL of each decision table and the folder's knowledge. A file
 * whose compiled rules are there already (same key: same text, same Drools) is not compiled again; entries of files no longer there are removed, so the jar holds only what it needs.
 * Rules with an error fail the build with every problem at its file and line.
 *
 * <p>{@code java -cp CLASSPATH io.github.dlcareer.advisor.internal.compile.Precompiler RULES_FOLDER OUT_FOLDER}
 */
final class Precompiler {

    private Precompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Precompiler RULES_FOLDER OUT_FOLDER");
        }
        RulesFiles files = RulesFiles.of(Path.of(args[0]));
        Path out = Path.of(args[1]);
        try {
            int compiled = precompile(files, out);
            System.out.println("precompiled rules: " + compiled + " file(s) compiled into " + out);
        } catch (InvalidRulesException e) {
            e.problems().forEach(System.err::println);
            System.exit(1);
        }
    }

    /**
     * Writes the precompiled rules of {@code files} into {@code out}; returns how many kjars were compiled (one per
     * changed DRL file, one of all the files when any changed).
     */
    static int precompile(RulesFiles files, Path out) throws IOException {
        Knowledge knowledge = new RulesCompiler(files, null, Precompiled.NONE).read(); // throws with every problem of the catalogues or DRL
        Map<String, String> drl = knowledge.drl();
        List<Problem> problems = new ArrayList<>();
        CompiledRulesCache store = new CompiledRulesCache(out, Precompiled.VERSION);
        ModelLoader loader = new ModelLoader(new CompilerMessages(files, knowledge.rules()), problems);
        Set<String> current = new HashSet<>();
        for (String table : drl.keySet().stream().filter(DecisionTable::isTable).toList()) {
            byte[] content = Files.readAllBytes(files.folder().resolve(table));
            store.writeTable(table, content, drl.get(table)); // a start then reads no spreadsheet
            current.add(CompiledRulesCache.tableName(CompiledRulesCache.tableKey(Precompiled.VERSION, table, content)));
        }
        int compiled = 0;
        for (Map.Entry<String, String> file : drl.entrySet()) {
            Map<String, String> one = Map.of(file.getKey(), file.getValue());
            String name = CompiledRulesCache.kjarName(Precompiled.key(one));
            current.add(name);
            if (!Files.isRegularFile(out.resolve(name))) {
                byte[] kjar = loader.compile(one);
                if (kjar == null) {
                    throw new InvalidRulesException(problems);
                }
                store.write(out.resolve(name), kjar);
                compiled++;
            }
        }
        // One kjar of all the files as well: a start on the bundled rules loads it (~70 ms of CPU less than 27 kjars).
        String whole = CompiledRulesCache.kjarName(Precompiled.key(drl));
        if (current.add(whole) && !Files.isRegularFile(out.resolve(whole))) {
            byte[] kjar = loader.compile(drl);
            if (kjar == null) {
                throw new InvalidRulesException(problems);
            }
            store.write(out.resolve(whole), kjar);
            compiled++;
        }
        List<RuleDraft> drafts = new ArrayList<>();
        for (Map.Entry<String, String> file : drl.entrySet()) {
            drafts.addAll(Drl.parse(files, file.getKey(), file.getValue(), problems));
        }
        String parsed = CompiledRulesCache.parsedName(Precompiled.key(drl));
        current.add(parsed);
        store.writeParsed(out.resolve(parsed), Precompiled.key(drl), drafts);
        String knowledgeKey = KnowledgeEntry.key(Precompiled.VERSION,
                KnowledgeEntry.digests(files.knowledgeFiles()));
        current.add(KnowledgeEntry.name(knowledgeKey));
        store.write(out.resolve(KnowledgeEntry.name(knowledgeKey)),
                KnowledgeEntry.bytes(knowledgeKey, StoredKnowledge.of(knowledge, drafts)));
        current.add(Precompiled.BUNDLED_KEY); // these are the rules the jar bundles
        store.write(out.resolve(Precompiled.BUNDLED_KEY), Precompiled.bundledKeys(knowledgeKey, Precompiled.key(drl)));
        for (String name : current) {
            if (!Files.isRegularFile(out.resolve(name))) {
                throw new IOException("could not write " + out.resolve(name));
            }
        }
        try (Stream<Path> entries = Files.list(out)) {
            for (Path stale : entries.filter(p -> !current.contains(p.getFileName().toString())).toList()) {
                Files.delete(stale);
            }
        }
        return compiled;
    }
}
