package io.github.dlcareer.advisor.cli.daemon;

import io.github.dlcareer.advisor.TestRules;
import io.github.dlcareer.advisor.cli.InProcessCli;
import io.github.dlcareer.advisor.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A daemon answers {@code advise} exactly as a run of its own would, or leaves the run to answer itself: each
 * answer is compared with the same arguments run in-process.
 */
class DaemonTest {

    private static final Path HERE = Path.of("").toAbsolutePath();
    private static Path folder;
    private static DaemonSocket where;
    private static Daemon daemon;

    @BeforeAll
    static void start() throws IOException {
        folder = Files.createTempDirectory("advisor-daemon-test", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        DaemonSocket ours = DaemonSocket.ofThisProcess();
        where = new DaemonSocket(folder, folder.resolve("test.sock"), ours.identity());
        daemon = new Daemon(where, Main::commandLine, Duration.ofMinutes(5), Duration.ofSeconds(1));
        daemon.start();
    }

    @AfterAll
    static void stop() throws IOException {
        daemon.stop("the tests are done");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
    }

    /** What a run printed and returned. */
    private record Run(int exit, String out, String err) {
    }

    private static Run local(InputStream in, String... args) {
        InProcessCli cli = new InProcessCli();
        int exit = cli.runWithInput(in, args);
        return new Run(exit, cli.out(), cli.err());
    }

    private static OptionalInt ask(Path directory, InputStream in, ByteArrayOutputStream out, ByteArrayOutputStream err,
                                   String... args) {
        return DaemonClient.ask(where.socket(), where.identity(), directory, args, in, new ByteArrayOutputStream(),
                out, err);
    }

    private static Run daemon(Path directory, InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionalInt exit = ask(directory, in, out, err, args);
        assertThat(exit).as("answered by the daemon: %s", List.of(args)).isPresent();
        return new Run(exit.getAsInt(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static InputStream none() {
        return new ByteArrayInputStream(new byte[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "html"})
    void answersEveryExampleProfileAsARunWould(String format) throws IOException {
        List<Path> profiles;
        try (Stream<Path> files = Files.list(TestRules.PROFILES)) {
            profiles = files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(profiles).hasSizeGreaterThan(50);
        for (Path profile : profiles) {
            String[] args = {"advise", profile.toString(), "--format", format};
            assertThat(daemon(HERE, none(), args)).as(profile.toString()).isEqualTo(local(none(), args));
        }
    }

    @Test
    void answersWhatIfsAllAndStrictAsARunWould() {
        String[][] runs = {
                {"advise", "examples/profiles/gpu-none.yaml", "--what-if", "hardware.gpu=OWN", "--all"},
                {"advise", "examples/profiles/gpu-none.yaml", "--what-if", "hardware.gpu=OWN", "--format", "json"},
                {"advise", "examples/profiles/gpu-none.yaml", "--strict", "--all"},
                {"advise", "examples/profiles/gpu-none.yaml", "--format", "yaml"}, // bad usage: exit 2 and the usage
                {"advise", "--help"},
                {"advise"},
        };
        for (String[] args : runs) {
            Run daemon = daemon(HERE, none(), args);
            assertThat(daemon).as(String.join(" ", args)).isEqualTo(local(none(), args));
        }
    }

    @Test
    void readsPathsAgainstTheCallersDirectoryAndNamesThemAsTheyWereWritten(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("me.yaml"), "id: me\nhardware:\n  gpu: NONE\nskils: {}\n");
        Files.createDirectories(dir.resolve("sub"));

        Run run = daemon(dir.resolve("sub"), none(), "advise", "../me.yaml", "--strict");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("../me.yaml").contains("skils");
        assertThat(run.out()).isEmpty();
        // the caller's ./rules is no rules folder here: the bundled rules answer, as they would for a run there
        Run advice = daemon(dir, none(), "advise", "me.yaml");
        assertThat(advice.exit()).isZero();
        assertThat(advice.out()).startsWith("Advice for me: ");
    }

    @Test
    void readsStandardInputOnlyWhenTheProfileIsThere() {
        byte[] profile = "{\"id\": \"piped\", \"hardware\": {\"gpu\": \"NONE\"}}".getBytes(StandardCharsets.UTF_8);

        Run daemon = daemon(HERE, new ByteArrayInputStream(profile), "advise", "-", "--format", "json");

        assertThat(daemon).isEqualTo(local(new ByteArrayInputStream(profile), "advise", "-", "--format", "json"));
        assertThat(daemon.out()).contains("\"profile\" : \"piped\"");
    }

    @Test
    void readsNoMoreOfAnEndlessInputThanARunWould() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };

        Run daemon = daemon(HERE, endless, "advise", "-");

        assertThat(daemon.exit()).isEqualTo(2);
        assertThat(daemon.err()).contains("<stdin>: larger than the 1 MiB limit");
    }

    @Test
    void seesAnEditedRulesFolderAtOnce(@TempDir Path dir) throws IOException {
        Path rules = TestRules.copyOfRules(Files.createDirectories(dir.resolve("rules")));
        String[] args = {"advise", HERE.resolve("examples/profiles/gpu-none.yaml").toString(), "--format", "json"};
        Run before = daemon(dir, none(), args);
        Path advice = rules.resolve("advice.yaml");
        Files.writeString(advice, Files.readString(advice).replace("Buy your own GPU", "Buy a GPU of your own"));

        Run after = daemon(dir, none(), args);

        assertThat(before.out()).contains("Buy your own GPU");
        assertThat(after.out()).contains("Buy a GPU of your own").doesNotContain("Buy your own GPU");
        assertThat(after).isEqualTo(local(none(), "advise", args[1], "--format", "json", "--rules", rules.toString()));
    }

    @Test
    void leavesToTheRunWhatItCannotAnswerAsTheRunWould(@TempDir Path dir) throws IOException {
        Path broken = TestRules.copyOfRules(Files.createDirectories(dir.resolve("broken")));
        Files.writeString(broken.resolve("broken.drl"), "package broken\nrule \"x\" when Foo() then end\n");
        String profile = "examples/profiles/gpu-none.yaml";
        String[][] runs = {
                {"advise", profile, "--rules", broken.toString()}, // problems name the folder as the caller wrote it
                {"advise", profile, "--watch"},
                {"advise", profile, "-v"},
                {"advise", "-hv", profile},
                {"advise", profile, "--verbose=true"},
                {"advise", profile, "--no-cache"},
                {"advise", "@args.txt"},
                {"explain", "buy-a-gpu", profile},
                {},
        };
        for (String[] args : runs) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(ask(HERE, none(), out, err, args)).as(String.join(" ", args)).isEmpty();
            assertThat(out.size() + err.size()).isZero();
        }
    }

    @Test
    void leavesToTheRunACallerOfAnotherJarJavaOrSettings() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OptionalInt exit = DaemonClient.ask(where.socket(), where.identity() + "\nJAVA_OPTS=-Xmx1g", HERE,
                new String[] {"advise", "examples/profiles/gpu-none.yaml"}, none(), new ByteArrayOutputStream(), out, out);

        assertThat(exit).isEmpty();
        assertThat(out.size()).isZero();
    }

    @Test
    void survivesHostileRequestsAndAnswersTheNextCaller() throws IOException {
        try (SocketChannel silent = open(); SocketChannel garbage = open(); SocketChannel huge = open()) {
            garbage.write(ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            DataOutputStream request = new DataOutputStream(Channels.newOutputStream(huge));
            request.writeInt(Wire.MAGIC);
            request.writeByte(Wire.ADVISE);
            request.writeUTF(where.identity());
            request.writeUTF(HERE.toString());
            request.writeUTF("UTF-8");
            request.writeUTF("UTF-8");
            request.writeInt(Integer.MAX_VALUE); // arguments
            request.flush();
            assertThat(Channels.newInputStream(garbage).read()).isEqualTo(-1); // closed without an answer
            assertThat(Channels.newInputStream(huge).read()).isEqualTo(-1);

            Run run = daemon(HERE, none(), "advise", "examples/profiles/gpu-none.yaml");

            assertThat(run.exit()).isZero();
            assertThat(run.out()).startsWith("Advice for gpu-none");
            long waiting = System.nanoTime();
            assertThat(Channels.newInputStream(silent).read()).isEqualTo(-1); // dropped when its one second is up
            assertThat(Duration.ofNanos(System.nanoTime() - waiting)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void saysItsStatus() {
        String status = DaemonClient.status(where);

        assertThat(status).startsWith("pid " + ProcessHandle.current().pid()).contains(where.socket().toString())
                .contains("rules held: ");
    }

    @Test
    void noJarOnTheClassPathOffersASelectorProvider() throws IOException {
        // the client names the JDK's own, on the ground that no jar offers another
        assertThat(ClassLoader.getSystemResources("META-INF/services/java.nio.channels.spi.SelectorProvider")
                .hasMoreElements()).isFalse();
    }

    private static SocketChannel open() throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(where.socket()));
        return channel;
    }
}
