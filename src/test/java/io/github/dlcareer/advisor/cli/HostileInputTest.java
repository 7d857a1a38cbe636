package io.github.dlcareer.advisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The command line given hostile input: refused quickly with one clear line, or printed without harm. */
class HostileInputTest {

    private static final String TOO_LARGE =
            ": larger than the 1 MiB limit for a profile (1,048,576 bytes); a profile is a few KB\n1 error\n";

    /** A profile whose values forge lines, clear the screen, ring the bell and send a C1 CSI. */
    private static final String HOSTILE = """
            {"id": "\\u001b[2Jline1\\nFAKE: 3. Buy stock",
             "interests": {"domains": ["medicine", "bio\\u0007\\u009b31m"]},
             "hardware": {"gpu": "NONE"},
             "x\\u001b]0;title\\u0007\\nFAKE": 1}
            """;

    private final InProcessCli cli = new InProcessCli();

    /** Whether {@code text} holds a control character other than a line feed: C0, DEL or C1. */
    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> c != '\n' && (c < 0x20 || (c >= 0x7F && c <= 0x9F)));
    }

    private static Path hostile(Path dir) throws Exception {
        Path profile = dir.resolve("hostile.json");
        Files.writeString(profile, HOSTILE);
        return profile;
    }

    @Nested
    @DisplayName("a profile larger than the limit")
    class TooLarge {

        @Test
        @Timeout(20)
        void onStandardInputIsRefusedWithoutReadingItAll() {
            InputStream yes = new InputStream() {
                long n;

                @Override
                public int read() {
                    return n++ % 2 == 0 ? 'y' : '\n';
                }
            };

            int exit = cli.runWithInput(yes, "advise", "-", "--rules", "rules");

            assertThat(exit).isEqualTo(2);
            assertThat(cli.err()).isEqualTo("<stdin>" + TOO_LARGE);
        }

        @Test
        @Timeout(20)
        void asADeviceThatNeverEndsIsRefused() {
            assumeTrue(Files.isReadable(Path.of("/dev/zero")));

            assertThat(cli.run("advise", "/dev/zero", "--rules", "rules")).isEqualTo(2);
            assertThat(cli.err()).isEqualTo("/dev/zero" + TOO_LARGE);
        }

        @Test
        void isRefusedByExplainAndByTheInterview(@TempDir Path dir) throws Exception {
            Path big = dir.resolve("big.yaml");
            Files.writeString(big, "id: big\n" + "# padding\n".repeat(200_000));

            assertThat(cli.run("explain", big.toString(), "buy-a-gpu", "--rules", "rules")).isEqualTo(2);
            assertThat(cli.runWithInput(new ByteArrayInputStream(new byte[0]), "interview", "--from", big.toString(),
                    "--rules", "rules", "--out", dir.resolve("me.yaml").toString())).isEqualTo(2);
            assertThat(cli.err()).isEqualTo(big + TOO_LARGE + big + TOO_LARGE);
        }
    }

    @Test
    void readsAJsonProfileWithAByteOrderMarkFromStandardInput() {
        byte[] body = "{\"id\": \"bom\", \"hardware\": {\"gpu\": \"NONE\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);

        assertThat(cli.runWithInput(new ByteArrayInputStream(bytes), "advise", "-", "--rules", "rules")).isZero();
        assertThat(cli.out()).startsWith("Advice for bom: ").contains("Why: you have no GPU.");
    }

    @Test
    void refusesAFileThatIsNotUtf8NamingTheLine(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "id: a\njob: {industry: \u00e9nergie}\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(cli.run("advise", latin1.toString(), "--rules", "rules")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo(latin1 + ":2:17: not UTF-8 text (the byte 0xE9 here); save the profile"
                + " as UTF-8\n1 error\n");
    }

    @Nested
    @DisplayName("control characters in a profile are shown, never sent to the terminal")
    class ControlCharacters {

        @Test
        void inTheTextOfTheAdvice(@TempDir Path dir) throws Exception {
            int exit = cli.run("advise", hostile(dir).toString(), "--rules", "rules");

            assertThat(exit).isZero();
            assertThat(hasControlCharacters(cli.out())).isFalse();
            assertThat(cli.out()).startsWith("Advice for \\e[2Jline1\\nFAKE: 3. Buy stock: ")
                    .contains("Why: your domains: medicine, bio\\u0007\\u009B31m.")
                    .doesNotContain("\nFAKE");
            assertThat(hasControlCharacters(cli.err())).isFalse();
            assertThat(cli.err()).contains("warning: x\\e]0;title\\u0007\\nFAKE: unknown field");
        }

        @Test
        void inTheWhatIf(@TempDir Path dir) throws Exception {
            int exit = cli.run("advise", hostile(dir).toString(), "--rules", "rules",
                    "--what-if", "job.industry=\u001b[31mred\nFAKE");

            assertThat(exit).isZero();
            assertThat(hasControlCharacters(cli.out())).isFalse();
            assertThat(cli.out()).startsWith("What if job.industry = \\e[31mred\\nFAKE?\n");
        }

        @Test
        void inTheExplanation(@TempDir Path dir) throws Exception {
            int exit = cli.run("explain", hostile(dir).toString(), "buy-a-gpu", "--rules", "rules");

            assertThat(exit).isZero();
            assertThat(hasControlCharacters(cli.out() + cli.err())).isFalse();
            assertThat(cli.out()).contains(" for \\e[2Jline1\\nFAKE: 3. Buy stock: given");
        }

        @Test
        void inTheProblemsOfAnInvalidProfile(@TempDir Path dir) throws Exception {
            Path profile = dir.resolve("bad.json");
            Files.writeString(profile, "{\"id\": \"a\", \"hardware\": {\"gpu\": \"\\u001b[2J\\nFAKE: 3\"},"
                    + " \"\\u009b31m\": 1}");

            assertThat(cli.run("advise", profile.toString(), "--rules", "rules", "--strict")).isEqualTo(2);
            assertThat(hasControlCharacters(cli.err())).isFalse();
            assertThat(cli.err()).isEqualTo(profile + ":1:33: hardware.gpu: expected one of NONE, CLOUD, OWN, got"
                    + " \"\\e[2J\\nFAKE: 3\"\n" + profile + ":1:69: \\u009B31m: unknown field\n2 errors\n");
        }

        @Test
        void inThePages(@TempDir Path dir) throws Exception {
            int exit = cli.run("advise", hostile(dir).toString(), "--rules", "rules", "--format", "html");

            assertThat(exit).isZero();
            assertThat(hasControlCharacters(cli.out())).isFalse();
            assertThat(cli.out()).contains("<h1>Advice for \\e[2Jline1 FAKE: 3. Buy stock</h1>");
        }

        @Test
        void inTheJsonWhichEscapesThemItself(@TempDir Path dir) throws Exception {
            int exit = cli.run("advise", hostile(dir).toString(), "--rules", "rules", "--format", "json");

            assertThat(exit).isZero();
            assertThat(cli.out().chars().filter(c -> c < 0x20).allMatch(c -> c == '\n' || c == ' ')).isTrue();
            assertThat(cli.out()).doesNotContain("\u001b", "\u0007").contains("\\u001B[2Jline1\\nFAKE");
            JsonNode json = new ObjectMapper().readTree(cli.out());
            assertThat(json.get("profile").asText()).isEqualTo("\u001b[2Jline1\nFAKE: 3. Buy stock");
        }

        @Test
        void inTheInterviewsEchoOfAnAnswer(@TempDir Path dir) {
            String answers = "\u001b[2Jphd\nFAKE\n" + "x".repeat(100_000) + "\ndone\n";

            int exit = cli.runWithInput(new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)),
                    "interview", "--rules", "rules", "--out", dir.resolve("me.yaml").toString());

            assertThat(exit).isZero();
            assertThat(hasControlCharacters(cli.out())).isFalse();
            assertThat(cli.out()).contains("> \\e[2Jphd\n")
                    .contains("That answer is too long: more than 1,000 characters.")
                    .doesNotContain("x".repeat(1_002));
        }
    }
}
