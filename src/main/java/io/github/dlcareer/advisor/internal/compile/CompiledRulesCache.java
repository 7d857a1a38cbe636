package io.github.dlcareer.advisor.internal.compile;

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
 *
 * <p>The cache never stands in the way: a folder that cannot be written or a file that cannot be read (or is
 * corrupt) is logged as a warning and the rules are compiled as if there were no cache. Files are written to a
 * temporary name and moved into place in one step, so two processes starting at once never see half a file.
 */
public final class CompiledRulesCache implements DecisionTable.Cache {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRulesCache.class);
    private static final String ADVISOR_VERSION = String.valueOf(CompiledRulesCache.class.getPackage()
            .getImplementationVersion());

    /** Raised whenever what is cached changes shape, so that old entries are never misread. */
    private static final int FORMAT = 5;

    private final Path folder;

    public CompiledRulesCache(Path folder) {
        this.folder = folder;
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
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("drools " + KieServices.class.getPackage().getImplementationVersion() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(("advisor " + ADVISOR_VERSION + " cache format " + FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
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
        return folder.resolve("rules-" + key + ".kjar");
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

    /** Keeps a kjar under its key; a failure is a warning, never an error. */
    void write(String key, byte[] kjar) {
        write(file(key), kjar);
    }

    /** Writes a file of the cache in one step (temporary file, then an atomic move); failures are warnings. */
    private void write(Path target, byte[] bytes) {
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

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An entry of parsed rules: the key of the DRL they were parsed from and a digest of the rules themselves, both
     * checked on load, so that an entry edited by hand, corrupt, or copied under another key is never used: it
     * would change the advice silently (a weight, a citation, a condition's facts).
     */
    record ParsedEntry(String drl, String digest, List<RuleDraft> rules) {
    }

    /**
     * The parsed rules cached under a key, if readable and intact; an entry that is not (edited, corrupt, misplaced)
     * is a warning, is removed, and the DRL is parsed again.
     */
    Optional<List<RuleDraft>> readParsed(String key) {
        Path file = parsedFile(key);
        try {
            ParsedEntry entry = JSON.readValue(file.toFile(), ParsedEntry.class);
            String why = entry.rules() == null ? "it holds no rules"
                    : !key.equals(entry.drl()) ? "it was parsed from other DRL than its name says"
                    : !digest(entry.rules()).equals(entry.digest()) ? "its rules do not match their digest (edited by hand?)"
                    : null;
            if (why == null) {
                return Optional.of(entry.rules());
            }
            LOG.warn("ignoring the parsed rules in {}: {}; parsing the DRL again", file, why);
        } catch (FileNotFoundException | NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            LOG.warn("cannot read the parsed rules in {} ({}); parsing the DRL again", file, e.toString());
        }
        discardParsed(key);
        return Optional.empty();
    }

    /** Keeps the parsed rules under a key, with what they were parsed from and their digest; a failure is a warning. */
    void writeParsed(String key, List<RuleDraft> rules) {
        try {
            write(parsedFile(key), JSON.writeValueAsBytes(new ParsedEntry(key, digest(rules), rules)));
        } catch (IOException e) {
            LOG.warn("cannot write the parsed rules to the cache in {} ({})", folder, e.toString());
        }
    }

    /** A SHA-256 of the rules as the cache writes them: any change to any field changes it. */
    private static String digest(List<RuleDraft> rules) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(rules)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * The DRL a decision table became, kept with the key of the table it was read from and a digest of the DRL, both
     * checked on load like the parsed rules' (a changed entry would change the rules silently).
     */
    record TableEntry(String table, String digest, String drl) {
    }

    /** The key of a table: its name and bytes, and the versions the DRL written from it depends on. */
    private static String tableKey(String file, byte[] content) {
        return key(Map.of(file, HexFormat.of().formatHex(sha256(content))));
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
        String key = tableKey(file, content);
        Path entryFile = folder.resolve("table-" + key + ".json");
        try {
            TableEntry entry = JSON.readValue(entryFile.toFile(), TableEntry.class);
            if (key.equals(entry.table()) && entry.drl() != null
                    && HexFormat.of().formatHex(sha256(entry.drl().getBytes(StandardCharsets.UTF_8))).equals(entry.digest())) {
                return Optional.of(entry.drl());
            }
            LOG.warn("ignoring the table in {}: it does not match its key or digest; reading the table again", entryFile);
        } catch (FileNotFoundException | NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the table in {} ({}); reading the table again", entryFile, e.toString());
        }
        return Optional.empty();
    }

    @Override
    public void writeTable(String file, byte[] content, String drl) {
        String key = tableKey(file, content);
        String digest = HexFormat.of().formatHex(sha256(drl.getBytes(StandardCharsets.UTF_8)));
        try {
            write(folder.resolve("table-" + key + ".json"), JSON.writeValueAsBytes(new TableEntry(key, digest, drl)));
        } catch (IOException e) {
            LOG.warn("cannot write a table to the cache in {} ({})", folder, e.toString());
        }
    }

    private Path parsedFile(String key) {
        return folder.resolve("rules-" + key + ".json");
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
