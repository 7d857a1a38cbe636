package io.github.dlcareer.advisor.internal.knowledge;

import io.github.dlcareer.advisor.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of a rules folder — a folder given, or the copy of {@code rules/} bundled in the jar — and how
 * problems name them: {@code LABEL/FILE}, the label being the folder as given or {@code <bundled rules>}.
 */
public final class RulesFiles {

    /** Where the copy of {@code rules/} sits inside the jar. */
    private static final String BUNDLED = "io/github/dlcareer/advisor/bundled-rules"; // not a package name: no class can land here
    private static final String BUNDLED_LABEL = "<bundled rules>";

    private final String label;
    /** The bundled rules' URL, when these are they; null for a folder given. */
    private final URL bundled;
    private volatile Path folder;

    private RulesFiles(Path folder, String label, URL bundled) {
        this.folder = folder;
        this.label = label;
        this.bundled = bundled;
    }

    /** A rules folder on disk, named as given. */
    public static RulesFiles of(Path folder) {
        return new RulesFiles(folder, folder.toString(), null);
    }

    /**
     * The bundled rules folder (inside the jar's file system when run from a jar). The folder is opened when a file of
     * it is first read: a start on the knowledge precompiled from it reads none, and opening the jar's file system
     * took ~0.1 s of a start.
     */
    public static RulesFiles bundled() {
        URL url = RulesFiles.class.getClassLoader().getResource(BUNDLED + "/" + Catalogues.ADVICE);
        if (url == null) {
            throw new IllegalStateException("no bundled rules on the class path at " + BUNDLED);
        }
        return new RulesFiles(null, BUNDLED_LABEL, url);
    }

    /** Whether these are the rules bundled in the jar. */
    public boolean isBundled() {
        return bundled != null;
    }

    public String label() {
        return label;
    }

    /** The folder; the bundled one is opened on first use (two threads at once open the same jar: harmless). */
    public Path folder() {
        if (folder == null) {
            folder = open(bundled);
        }
        return folder;
    }

    private static Path open(URL url) {
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // opened by an earlier call: the same jar, so the same rules
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the bundled rules at " + url, e);
        }
    }

    /** How a problem names a file of the folder. */
    public String where(String file) {
        return label + "/" + file;
    }

    /**
     * Every rule file under the folder by relative path in sorted order, with its text: each {@code .drl} file,
     * and each decision table ({@code .csv}, {@code .xlsx}) as the DRL it stands for (see {@link DecisionTable}).
     * A table that cannot be read is left out, its problem added to {@code problems}.
     *
     * @param tables where the DRL of tables read before is kept ({@link DecisionTable.Cache#NONE}: nowhere)
     */
    public Map<String, String> readDrl(DecisionTable.Cache tables, List<Problem> problems) {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            for (Path path : ruleFiles()) {
                String file = name(path);
                String drl = file.endsWith(".drl") ? Files.readString(path)
                        : DecisionTable.drl(this, file, Files.readAllBytes(path), tables, problems);
                if (drl != null) {
                    files.put(file, drl);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules in " + label, e);
        }
        return files;
    }

    /**
     * Every file the knowledge is read from, by relative path, with its bytes: the catalogues and field labels
     * there are, then the rule files in sorted order. Whatever the knowledge of the folder is, they decide it.
     */
    public Map<String, byte[]> knowledgeFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (String name : List.of(Catalogues.SOURCES, Catalogues.ADVICE, Catalogues.QUESTIONS, FieldLabels.FILE)) {
                Path path = folder().resolve(name);
                if (Files.isRegularFile(path)) {
                    files.put(name, Files.readAllBytes(path));
                }
            }
            for (Path path : ruleFiles()) {
                files.put(name(path), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules in " + label, e);
        }
        return files;
    }

    /** The {@code .drl} files and decision tables under the folder, in sorted order. */
    private List<Path> ruleFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(folder())) {
            return paths.filter(p -> (p.toString().endsWith(".drl") || DecisionTable.isTable(p.toString()))
                    && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private String name(Path file) {
        return folder().relativize(file).toString().replace('\\', '/');
    }
}
