package io.github.dlcareer.advisor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout's rules, read from the sources' imports: dependencies run one way. The public packages are
 * {@code advisor}, {@code advisor.rules}, {@code advisor.format} and {@code advisor.authoring}; everything under
 * {@code advisor.internal} may change.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String BASE = "io.github.dlcareer.advisor";
    /** A reference to a class of ours by its full name, in an import or inline: its package and its class. */
    private static final Pattern REFERENCE = Pattern.compile("(io\\.github\\.dlcareer\\.advisor(?:\\.[a-z]\\w*)*)\\.([A-Z]\\w*)");

    /** The immutable values of the public API: what renderers and callers read. */
    private static final Set<String> VALUES = Set.of("Advice", "Citation", "Explanation", "Problem", "Profile",
            "ProfileField", "Recommendation", "WhatIf", "BatchRecord", "AdvisorException", "InvalidProfileException",
            "InvalidRulesException", "InvalidInputException", "Printable");

    /** Every main source file: its package, and the packages of ours it imports. */
    private static Map<String, SourceFile> files() {
        Map<String, SourceFile> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(path);
                String relative = SOURCES.relativize(path).toString().replace('/', '.');
                String name = relative.substring(0, relative.length() - ".java".length());
                String pkg = name.substring(0, name.lastIndexOf('.'));
                Set<String> imports = new TreeSet<>();
                Set<String> classes = new TreeSet<>();
                Matcher m = REFERENCE.matcher(text.substring(text.indexOf(';') + 1)); // not the package line
                while (m.find()) {
                    imports.add(m.group(1));
                    classes.add(m.group(1) + "." + m.group(2));
                }
                boolean isPublic = Pattern.compile("(?m)^public ").matcher(text).find();
                files.put(name, new SourceFile(name, pkg, imports, classes, isPublic));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private record SourceFile(String name, String pkg, Set<String> imports, Set<String> classes, boolean isPublic) {
        String simpleName() {
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }

    @Test
    void valueTypesImportNothingFromInternalOrFormat() {
        List<String> wrong = new ArrayList<>();
        files().values().stream().filter(f -> f.pkg().equals(BASE) && VALUES.contains(f.simpleName()))
                .forEach(f -> f.imports().stream()
                        .filter(i -> i.startsWith(BASE + ".internal") || i.startsWith(BASE + ".format"))
                        .forEach(i -> wrong.add(f.name() + " imports " + i)));

        assertThat(wrong).isEmpty();
        assertThat(files()).containsKeys(VALUES.stream().map(v -> BASE + "." + v).toArray(String[]::new));
    }

    @Test
    void renderersImportValuesOnly() {
        List<String> wrong = new ArrayList<>();
        files().values().stream().filter(f -> f.pkg().equals(BASE + ".format"))
                .forEach(f -> f.imports().stream()
                        .filter(i -> !i.equals(BASE) && !i.equals(BASE + ".format"))
                        .forEach(i -> wrong.add(f.name() + " imports " + i)));

        assertThat(wrong).isEmpty();
    }

    /** The command line is a thin adapter: it imports the public packages only, never {@code internal}. */
    @Test
    void theCommandLineImportsOnlyPublicPackages() {
        Set<String> found = new TreeSet<>();
        files().values().stream().filter(f -> f.pkg().startsWith(BASE + ".cli"))
                .forEach(f -> f.imports().stream().filter(i -> i.startsWith(BASE + ".internal"))
                        .forEach(i -> found.add(f.name().substring(BASE.length() + 1) + " imports "
                                + i.substring(BASE.length() + 1))));

        assertThat(found).isEmpty();
    }

    /**
     * The HTTP server is a thin adapter too: it imports the public packages only (the root, {@code format},
     * {@code authoring}), never {@code internal} nor the command line.
     */
    @Test
    void theServerImportsOnlyPublicPackages() {
        Set<String> allowed = Set.of(BASE, BASE + ".format", BASE + ".authoring", BASE + ".server");
        Set<String> found = new TreeSet<>();
        files().values().stream().filter(f -> f.pkg().startsWith(BASE + ".server"))
                .forEach(f -> f.imports().stream().filter(i -> !allowed.contains(i))
                        .forEach(i -> found.add(f.name().substring(BASE.length() + 1) + " imports "
                                + i.substring(BASE.length() + 1))));

        assertThat(files().keySet()).contains(BASE + ".server.AdvisorServer");
        assertThat(found).isEmpty();
    }

    @Test
    void noTwoFilesReferToEachOther() {
        Map<String, SourceFile> files = files();
        List<String> pairs = new ArrayList<>();
        files.values().forEach(f -> f.classes().stream()
                .filter(c -> f.name().compareTo(c) < 0 && files.containsKey(c))
                .filter(c -> files.get(c).classes().contains(f.name()))
                .forEach(c -> pairs.add(f.name() + " <-> " + c)));

        assertThat(pairs).isEmpty();
    }

    /** The README lists the public API type by type; the list and the code agree exactly. */
    @Test
    void theReadmeListsEveryPublicType() throws IOException {
        Map<String, Set<String>> listed = new TreeMap<>();
        Matcher line = Pattern.compile("(?m)^- `(" + Pattern.quote(BASE) + "[\\w.]*)`: (.*)$")
                .matcher(Files.readString(Path.of("README.md")));
        while (line.find()) {
            Matcher name = Pattern.compile("`(\\w+)`").matcher(line.group(2));
            while (name.find()) {
                listed.computeIfAbsent(line.group(1), p -> new TreeSet<>()).add(name.group(1));
            }
        }
        Map<String, Set<String>> published = new TreeMap<>();
        files().values().stream()
                .filter(f -> f.isPublic() && !f.pkg().startsWith(BASE + ".internal") && !f.pkg().startsWith(BASE + ".cli"))
                .forEach(f -> published.computeIfAbsent(f.pkg(), p -> new TreeSet<>()).add(f.simpleName()));

        assertThat(listed).isEqualTo(published);
    }

    /**
     * Rooms the next engineer can walk: no source file that needs long scrolling, no package that needs a map of
     * its own. The public root package is held to the README's list of types instead of a count.
     */
    @Test
    void noFileOver400LinesAndNoPackageOver15Files() throws IOException {
        List<String> long_ = new ArrayList<>();
        Map<String, Integer> perPackage = new TreeMap<>();
        for (SourceFile f : files().values()) {
            Path path = SOURCES.resolve(f.name().replace('.', '/') + ".java");
            long lines = Files.readAllLines(path).size();
            if (lines > 400) {
                long_.add(f.name() + ": " + lines + " lines");
            }
            perPackage.merge(f.pkg(), 1, Integer::sum);
        }
        perPackage.remove(BASE);

        assertThat(long_).isEmpty();
        assertThat(perPackage).allSatisfy((pkg, count) -> assertThat(count).as(pkg).isLessThanOrEqualTo(15));
    }
}
