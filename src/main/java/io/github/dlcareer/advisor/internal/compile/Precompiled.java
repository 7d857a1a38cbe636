package io.github.dlcareer.advisor.internal.compile;

import io.github.dlcareer.advisor.internal.knowledge.DecisionTable;
import io.github.dlcareer.advisor.internal.knowledge.RuleDraft;
import io.github.dlcareer.advisor.internal.knowledge.StoredKnowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled rules compiled when the jar was built ({@link Precompiler}): each DRL file's kjar and one of all the
 * files together, the parsed rules and the folder's knowledge ({@link KnowledgeEntry}), kept as the compiled-rules
 * cache keeps them, as resources of the jar. A start on the bundled rules, or on a folder whose files are the same,
 * loads them instead of reading and compiling. Read only. Their key stands {@value #VERSION} for the advisor's
 * version: they come in the same jar as the code that reads them.
 */
final class Precompiled {

    /** What the jar holds (or, in a build, the classes folder). */
    static final Precompiled IN_JAR = new Precompiled(Precompiled.class.getClassLoader());
    /** Nothing precompiled: every file compiles (or comes from the cache). */
    static final Precompiled NONE = new Precompiled(null);

    static final String RESOURCES = "io/github/dlcareer/advisor/precompiled/";
    static final String VERSION = "precompiled";
    /**
     * The keys of the bundled rules, as the Precompiler read them from the jar's own copy: a line with their
     * knowledge's, a line with their all-files kjar's.
     */
    static final String BUNDLED_KEY = "bundled-knowledge.key";

    private static final Logger LOG = LoggerFactory.getLogger(Precompiled.class);

    private final ClassLoader loader;

    private Precompiled(ClassLoader loader) {
        this.loader = loader;
    }

    static String key(Map<String, String> drl) {
        return CompiledRulesCache.key(VERSION, drl);
    }

    /** Whether every one of these DRL files was precompiled. */
    boolean hasAll(Map<String, String> drl) {
        return loader != null && drl.entrySet().stream().allMatch(file ->
                loader.getResource(RESOURCES + CompiledRulesCache.kjarName(key(Map.of(file.getKey(), file.getValue())))) != null);
    }

    /** The kjar of DRL files compiled together (one file, or all of the bundled rules), if it was precompiled. */
    Optional<byte[]> kjar(Map<String, String> drl) {
        return entry(CompiledRulesCache.kjarName(key(drl)), kjar -> kjar, "compiling the rules");
    }

    /** The parsed rules of these DRL files, if they were precompiled together and are intact. */
    Optional<List<RuleDraft>> parsed(Map<String, String> drl) {
        String key = key(drl);
        return entry(CompiledRulesCache.parsedName(key), bytes -> CompiledRulesCache.parsedRules(bytes, key),
                "parsing the DRL");
    }

    /** The value of an entry of the jar, if there is one and it is intact; one that is not is a warning. */
    private <T> Optional<T> entry(String name, CacheEntry.Reader<T> reader, String instead) {
        if (loader == null) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(RESOURCES + name)) {
            return in == null ? Optional.empty() : Optional.of(reader.read(in.readAllBytes()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot use the precompiled {} ({}); {}", name, e.toString(), instead);
        }
        return Optional.empty();
    }

    /**
     * The knowledge of the bundled rules, under the key the Precompiler wrote beside it: the bundled rules and their
     * precompiled knowledge are made from the same files in the same build ({@code PrecompiledTest} fails the build
     * if they differ), so a start on them opens and hashes none of the jar's files.
     */
    Optional<StoredKnowledge> bundledKnowledge() {
        return bundledKeys().flatMap(keys -> knowledge(keys.get(0)));
    }

    /**
     * The kjar of all the bundled rules, under the key the Precompiler wrote: found without hashing their DRL (the
     * first SHA-256 of a JVM costs ~45 ms of security providers set up).
     */
    Optional<byte[]> bundledKjar() {
        return bundledKeys().filter(keys -> keys.size() == 2)
                .flatMap(keys -> entry(CompiledRulesCache.kjarName(keys.get(1)), kjar -> kjar, "compiling the rules"));
    }

    static byte[] bundledKeys(String knowledge, String kjar) {
        return (knowledge + "\n" + kjar + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private Optional<List<String>> bundledKeys() {
        return entry(BUNDLED_KEY, keys -> new String(keys, StandardCharsets.US_ASCII).strip().lines().toList(),
                "reading the bundled rules");
    }

    /** The knowledge of a folder of files of these digests ({@link KnowledgeEntry#key}), if precompiled and intact. */
    Optional<StoredKnowledge> knowledge(Map<String, String> digests) {
        return loader == null ? Optional.empty() : knowledge(KnowledgeEntry.key(VERSION, digests));
    }

    private Optional<StoredKnowledge> knowledge(String key) {
        return entry(KnowledgeEntry.name(key), bytes -> KnowledgeEntry.read(bytes, key), "reading the rules folder");
    }

    /**
     * Decision tables as the jar holds their DRL precompiled (no spreadsheet read: POI alone takes ~1.5 s to load),
     * else as {@code fallback} reads and keeps them.
     */
    DecisionTable.Cache tables(DecisionTable.Cache fallback) {
        if (loader == null) {
            return fallback;
        }
        return new DecisionTable.Cache() {
            @Override
            public Optional<String> readTable(String file, byte[] content) {
                String key = CompiledRulesCache.tableKey(VERSION, file, content);
                return entry(CompiledRulesCache.tableName(key), bytes -> CompiledRulesCache.tableDrl(bytes, key),
                        "reading the table").or(() -> fallback.readTable(file, content));
            }

            @Override
            public void writeTable(String file, byte[] content, String drl) {
                fallback.writeTable(file, content, drl);
            }
        };
    }
}
