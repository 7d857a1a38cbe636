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
import java.util.Arrays;
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
    private static final int FORMAT = 6;

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
     * The first line of an entry of parsed rules: the key of the DRL they were parsed from, and a digest of the
     * rest of the file, the rules. Both are checked on load, before the rules are read, so that an entry edited by
     * hand, corrupt, or copied under another key is never used: it would change the advice silently (a weight, a
     * citation, a condition's facts). The digest is of the bytes as written, so checking it writes nothing again.
     */
    record ParsedHeader(String drl, String digest) {
    }

    /**
     * The parsed rules cached under a key, if readable and intact; an entry that is not (edited, corrupt, misplaced)
     * is a warning, is removed, and the DRL is parsed again.
     */
    Optional<List<RuleDraft>> readParsed(String key) {
        Path file = parsedFile(key);
        try {
            return Optional.of(parsedRules(Files.readAllBytes(file), key));
        } catch (FileNotFoundException | NoSuchFileException e) {
            return Optional.empty();
        } catch (UnusableEntry e) {
            LOG.warn("ignoring the parsed rules in {}: {}; parsing the DRL again", file, e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            LOG.warn("cannot read the parsed rules in {} ({}); parsing the DRL again", file, e.toString());
        }
        discardParsed(key);
        return Optional.empty();
    }

    /** The rules of an entry of parsed rules (see {@link ParsedHeader}), checked to be the intact entry of a key. */
    static List<RuleDraft> parsedRules(byte[] bytes, String key) throws IOException {
        int newLine = 0;
        while (newLine < bytes.length && bytes[newLine] != '\n') {
            newLine++;
        }
        ParsedHeader header = Json.MAPPER.readValue(bytes, 0, newLine, ParsedHeader.class);
        byte[] rules = Arrays.copyOfRange(bytes, Math.min(newLine + 1, bytes.length), bytes.length);
        if (!key.equals(header.drl())) {
            throw new UnusableEntry("it was parsed from other DRL than its name says");
        }
        if (!digest(rules).equals(header.digest())) {
            throw new UnusableEntry("its rules do not match their digest (edited by hand?)");
        }
        List<RuleDraft> read = Json.MAPPER.readValue(rules, Json.RULES);
        if (read == null) {
            throw new UnusableEntry("it holds no rules");
        }
        return read;
    }

    /** An entry of parsed rules that reads, but is not what its name says. */
    static final class UnusableEntry extends IOException {
        UnusableEntry(String why) {
            super(why);
        }
    }

    /** Keeps the parsed rules under a key, after a line of their DRL's key and their digest; a failure is a warning. */
    void writeParsed(String key, List<RuleDraft> rules) {
        writeParsed(parsedFile(key), key, rules);
    }

    void writeParsed(Path target, String key, List<RuleDraft> rules) {
        try {
            byte[] body = Json.MAPPER.writeValueAsBytes(rules); // one line: JSON escapes a new line within a text
            byte[] header = Json.MAPPER.writeValueAsBytes(new ParsedHeader(key, digest(body)));
            byte[] entry = Arrays.copyOf(header, header.length + 1 + body.length);
            entry[header.length] = '\n';
            System.arraycopy(body, 0, entry, header.length + 1, body.length);
            write(target, entry);
        } catch (IOException e) {
            LOG.warn("cannot write the parsed rules to the cache in {} ({})", folder, e.toString());
        }
    }

    /** A SHA-256 of bytes: any change to any rule's field changes it. */
    static String digest(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    /**
     * The DRL a decision table became, kept with the key of the table it was read from and a digest of the DRL, both
     * checked on load like the parsed rules' (a changed entry would change the rules silently).
     */
    record TableEntry(String table, String digest, String drl) {
    }

    /** The key of a table: its name and bytes, and the versions the DRL written from it depends on. */
    static String tableKey(String version, String file, byte[] content) {
        return key(version, Map.of(file, digest(content)));
    }

    static String tableName(String key) {
        return "table-" + key + ".json";
    }

    /** The DRL of a table entry's bytes, checked to be the intact entry of a key. */
    static String tableDrl(byte[] bytes, String key) throws IOException {
        TableEntry entry = Json.MAPPER.readValue(bytes, TableEntry.class);
        if (key.equals(entry.table()) && entry.drl() != null
                && digest(entry.drl().getBytes(StandardCharsets.UTF_8)).equals(entry.digest())) {
            return entry.drl();
        }
        throw new UnusableEntry("it does not match its key or digest");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public Optional<String> readTable(String file, byte[] content) {
        String key = tableKey(version, file, content);
        Path entryFile = folder.resolve(tableName(key));
        try {
            return Optional.of(tableDrl(Files.readAllBytes(entryFile), key));
        } catch (FileNotFoundException | NoSuchFileException e) {
            return Optional.empty();
        } catch (UnusableEntry e) {
            LOG.warn("ignoring the table in {}: {}; reading the table again", entryFile, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the table in {} ({}); reading the table again", entryFile, e.toString());
        }
        return Optional.empty();
    }

    @Override
    public void writeTable(String file, byte[] content, String drl) {
        String key = tableKey(version, file, content);
        String digest = digest(drl.getBytes(StandardCharsets.UTF_8));
        try {
            write(folder.resolve(tableName(key)), Json.MAPPER.writeValueAsBytes(new TableEntry(key, digest, drl)));
        } catch (IOException e) {
            LOG.warn("cannot write a table to the cache in {} ({})", folder, e.toString());
        }
    }

    private Path parsedFile(String key) {
        return folder.resolve(parsedName(key));
    }

    private void discardParsed(String key) {
        try {
            Files.deleteIfExists(parsedFile(key));
        } catch (IOException | SecurityException e) {
            LOG.debug("cannot remove {}: {}", parsedFile(key), e.toString());
        }
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
