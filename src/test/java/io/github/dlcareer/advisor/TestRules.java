package io.github.dlcareer.advisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's rules and example profiles, and small rule folders made for a test. */
public final class TestRules {

    public static final Path RULES = Path.of("rules");
    public static final Path PROFILES = Path.of("examples", "profiles");

    private static Advisor shared;

    private TestRules() {
    }

    /** One advisor on {@code rules/}, compiled once for the whole test run. */
    public static synchronized Advisor advisor() {
        if (shared == null) {
            shared = Advisor.builder().rules(RULES).build();
        }
        return shared;
    }

    public static Profile profile(String name) {
        return ProfileReader.create().strict(true).read(PROFILES.resolve(name + ".yaml"));
    }

    /** A copy of {@code rules/} in {@code dir}, to edit. */
    public static Path copyOfRules(Path dir) {
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A small rules folder: one source with passages {@code p1} and {@code p2}, the advice ids {@code one},
     * {@code two} (ADVICE) and {@code risk} (WARNING), and the given DRL files (name, text, name, text...).
     */
    public static Path miniRules(Path dir, String... drl) {
        try {
            Files.writeString(dir.resolve("sources.yaml"), """
                    sources:
                      - id: doc
                        title: A document
                        author: Someone
                        sections: [Start]
                    passages:
                      - {id: p1, source: doc, section: Start, quote: "The first passage."}
                      - {id: p2, source: doc, section: Start, quote: "The second passage."}
                    """);
            Files.writeString(dir.resolve("advice.yaml"), """
                    advice:
                      - {id: one, kind: ADVICE, topic: t, title: One, advice: Do one.}
                      - {id: two, kind: ADVICE, topic: t, title: Two, advice: Do two.}
                      - {id: risk, kind: WARNING, topic: t, title: Risk, advice: Mind the risk.}
                    """);
            for (int i = 0; i < drl.length; i += 2) {
                Files.writeString(dir.resolve(drl[i]), HEADER + drl[i + 1]);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines every rule file starts with. */
    static final String HEADER = """
            package advisor;

            import io.github.dlcareer.advisor.Profile;
            import io.github.dlcareer.advisor.Profile.Gpu;
            import io.github.dlcareer.advisor.rules.Finding;
            global io.github.dlcareer.advisor.rules.Evidence evidence;

            """;

    /** A rule that recommends {@code advice} citing p1 when the condition holds. */
    static String rule(String name, String advice, double weight, String condition, String action) {
        return "rule \"" + name + "\"\n    @recommend(\"" + advice + "\") @cite(\"p1\") @weight(" + weight + ")\n"
                + "when\n    " + condition + "\nthen\n    evidence." + action + "(kcontext);\nend\n\n";
    }
}
