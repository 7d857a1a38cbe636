package io.github.dlcareer.advisor.internal.compile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dlcareer.advisor.internal.knowledge.DecisionTable;
import io.github.dlcareer.advisor.internal.knowledge.RuleDraft;
import org.kie.api.KieServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiled rules on disk, so that a start with unchanged rules compiles no DRL: the executable model that
 * Drools generates and compiles (a kjar) is kept under a key that hashes the DRL files' names and contents and
 * the versions of Drools and of the advisor. An edit changes the key, so it is compiled once and cached anew.
 * {@code rules check} notes there too, as an empty file under a file's key, each file it found to compile, so
 * that the next check need not compile it again; a file with errors is never noted.
 *
 * <p>The cache never stands in the way: a folder that cannot be written or a file that cannot be read (or is
 * corrupt) is logged as a warning and the rules are compiled as if there were no cache. Files are written to a
 * temporary name and moved into place in one step, so two processes starting at once never see half a file.
 */
public final class CompiledRulesCache implements DecisionTable.Cache {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRulesCache.class);
    static final String ADVISOR_VERSION = String.valueOf(CompiledRulesCache.class.getPackage()
            .getImplementationVersion());

    /** Raised whenever what is cached changes shape, so that old entries are never misread. */
    private static final int FORMAT = 9;

    private final Path folder;
    /** The advisor's version in the keys of tables (precompiled entries stand another word for it). */
    private final String version;

    public CompiledRulesCache(Path folder) {
        this(folder, ADVISOR_VERSION);
    }

    CompiledRulesCache(Path folder, String version) {
        this.folder = folder;
        this.version = version;
    }

    /** The cache folder of the command line: $ADVISOR_CACHE, else $XDG_CACHE_HOME or ~/.cache, then dl-career-advisor. */
    public static Path defaultFolder() {
        String explicit = System.getenv("ADVISOR_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("dl-career-advisor");
    }

    public Path folder() {
        return folder;
    }

    /** The key of a set of DRL files: what the compiled rules depend on, and nothing else. */
    static String key(Map<String, String> drl) {
        return key(ADVISOR_VERSION, drl);
    }

    /** The key of a set of DRL files compiled by {@code advisor} (a version, or what stands for one). */
    static String key(String advisor, Map<String, String> drl) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("drools " + KieServices.class.getPackage().getImplementationVersion() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(("advisor " + advisor + " cache format " + FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> file : drl.entrySet()) {
                byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] text = file.getValue().getBytes(StandardCharsets.UTF_8);
                sha.update((name.length + ":" + text.length + "\n").getBytes(StandardCharsets.UTF_8));
                sha.update(name);
                sha.update(text);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private Path file(String key) {
        return folder.resolve(kjarName(key));
    }

    /** The names of a key's entries: the same in a cache folder and among the jar's precompiled rules. */
    static String kjarName(String key) {
        return "rules-" + key + ".kjar";
    }

    static String parsedName(String key) {
        return "rules-" + key + ".json";
    }

    /** The cached kjar of a key, if there is one that can be read. */
    Optional<byte[]> read(String key) {
        try {
            return Optional.of(Files.readAllBytes(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            LOG.warn("cannot read the compiled-rules cache {} ({}); compiling the rules", file(key), e.toString());
            return Optional.empty();
        }
    }

    /**
     * Whether the DRL of a key is known to compile without errors: its kjar is cached, or a check found that it
     * compiles ({@link #markCompiles}).
     */
    boolean compiles(String key) {
        return Files.isRegularFile(file(key)) || Files.isRegularFile(compilesFile(key));
    }

    /** Notes that the DRL of a key compiles without errors (an empty file); a failure is a warning. */
    void markCompiles(String key) {
        write(compilesFile(key), new byte[0]);
    }

    private Path compilesFile(String key) {
        return folder.resolve("rules-" + key + ".compiles");
    }

    /** Keeps a kjar under its key; a failure is a warning, never an error. */
    void write(String key, byte[] kjar) {
        write(file(key), kjar);
    }

    /** Writes a file of the cache in one step (temporary file, then an atomic move); failures are warnings. */
    void write(Path target, byte[] bytes) {
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "rules-", ".part");
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | SecurityException e) {
            LOG.warn("cannot write the compiled-rules cache in {} ({}); the next start compiles again", folder,
                    e.toString());
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // nothing more to do: the temporary file stays, harmless
                }
            }
        }
    }

    /** Made on first use: Jackson's data binding takes ~0.3 s to start, which a start on stored knowledge never needs. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final TypeReference<List<RuleDraft>> RULES = new TypeReference<>() {
        };
    }

    /**
     * The parsed rules cached under a key, if readable and intact; an entry that is not (edited, corrupt, misplaced)
     * is a warning, is removed, and the DRL is parsed again.
     */
    Optional<List<RuleDraft>> readParsed(String key) {
        return read(parsedFile(key), key, CompiledRulesCache::rules, "the parsed rules", "parsing the DRL again");
    }

    /** The rules of an entry of parsed rules ({@link CacheEntry}), checked to be the intact entry of a key. */
    static List<RuleDraft> parsedRules(byte[] bytes, String key) throws IOException {
        return CacheEntry.read(bytes, key, CompiledRulesCache::rules);
    }

    private static List<RuleDraft> rules(byte[] json) throws IOException {
        List<RuleDraft> rules = Json.MAPPER.readValue(json, Json.RULES);
        if (rules == null) {
            throw new CacheEntry.UnusableEntry("it holds no rules");
        }
        return rules;
    }

    /** Keeps the parsed rules under a key, as an entry of their DRL's key; a failure is a warning. */
    void writeParsed(String key, List<RuleDraft> rules) {
        writeParsed(parsedFile(key), key, rules);
    }

    void writeParsed(Path target, String key, List<RuleDraft> rules) {
        try {
            write(target, CacheEntry.seal(key, Json.MAPPER.writeValueAsBytes(rules)));
        } catch (IOException e) {
            LOG.warn("cannot write the parsed rules to the cache in {} ({})", folder, e.toString());
        }
    }

    /**
     * The value of an entry of the cache, if readable and intact; an entry that is not (edited, corrupt, misplaced)
     * is a warning, is removed, and what it held is made again ({@code instead}).
     */
    <T> Optional<T> read(Path file, String key, CacheEntry.Reader<T> reader, String what, String instead) {
        try {
            return Optional.of(CacheEntry.read(Files.readAllBytes(file), key, reader));
        } catch (FileNotFoundException | NoSuchFileException e) {
            return Optional.empty();
        } catch (CacheEntry.UnusableEntry e) {
            LOG.warn("ignoring {} in {}: {}; {}", what, file, e.getMessage(), instead);
        } catch (IOException | RuntimeException e) {
            if (!Files.exists(file)) {
                return Optional.empty(); // removed by another process meanwhile
            }
            LOG.warn("cannot read {} in {} ({}); {}", what, file, e.toString(), instead);
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException | SecurityException e) {
            LOG.debug("cannot remove {}: {}", file, e.toString());
        }
        return Optional.empty();
    }

    /** A SHA-256 of bytes: any change to any rule's field changes it. */
    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The key of a table: its name and bytes, and the versions the DRL written from it depends on. */
    static String tableKey(String version, String file, byte[] content) {
        return key(version, Map.of(file, digest(content)));
    }

    static String tableName(String key) {
        return "table-" + key + ".drl";
    }

    /** The DRL of a table's entry ({@link CacheEntry}), checked to be the intact entry of a key. */
    static String tableDrl(byte[] bytes, String key) throws IOException {
        return CacheEntry.read(bytes, key, CompiledRulesCache::text);
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public Optional<String> readTable(String file, byte[] content) {
        String key = tableKey(version, file, content);
        return read(folder.resolve(tableName(key)), key, CompiledRulesCache::text, "the table", "reading the table again");
    }

    @Override
    public void writeTable(String file, byte[] content, String drl) {
        String key = tableKey(version, file, content);
        write(folder.resolve(tableName(key)), CacheEntry.seal(key, drl.getBytes(StandardCharsets.UTF_8)));
    }

    private Path parsedFile(String key) {
        return folder.resolve(parsedName(key));
    }

    /** Forgets a cached kjar that could not be loaded, so the next start does not try it again. */
    void discard(String key) {
        try {
            Files.deleteIfExists(file(key));
            Files.deleteIfExists(parsedFile(key));
        } catch (IOException | SecurityException e) {
            LOG.debug("cannot remove {}: {}", file(key), e.toString());
        }
    }
}
