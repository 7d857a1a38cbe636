package io.github.dlcareer.advisor.cli.daemon;

import io.github.dlcareer.advisor.cli.InProcessCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code advisor daemon start}, {@code status} and {@code stop} as a person uses them: a real process in the
 * background, found by the socket of this JVM's class path and settings (no other daemon's).
 */
class DaemonLifecycleTest {

    private final DaemonSocket where = DaemonSocket.ofThisProcess();

    @AfterEach
    void stopAnyLeft() {
        new InProcessCli().run("daemon", "stop");
    }

    @Test
    void startsAnswersAndStops() throws IOException {
        InProcessCli cli = new InProcessCli();
        assertThat(cli.run("daemon", "status")).isEqualTo(3);
        assertThat(where.folderIsPrivate(true)).isTrue();
        Path gone = Files.writeString(where.folder().resolve("advisor-test-of-a-daemon-long-gone.log"), "old\n");
        Files.setLastModifiedTime(gone, FileTime.from(Instant.now().minus(Duration.ofDays(8))));

        assertThat(cli.run("daemon", "start")).as(cli.err()).isZero();
        assertThat(gone).doesNotExist();
        assertThat(cli.out()).contains("advisor: daemon started: pid ").contains(where.log().toString());
        assertThat(where.listening()).isPresent();
        assertThat(cli.run("daemon", "start")).isZero();
        assertThat(cli.out()).contains("a daemon is running already");
        assertThat(cli.run("daemon", "status")).isZero();
        assertThat(cli.out()).contains("rules held: ").contains(where.socket().toString());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OptionalInt exit = DaemonClient.ask(where.socket(), where.identity(), Path.of("").toAbsolutePath(),
                new String[] {"advise", "examples/profiles/gpu-none.yaml"}, new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), out, out);
        assertThat(exit).hasValue(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Advice for gpu-none: ");

        assertThat(cli.run("daemon", "stop")).isZero();
        assertThat(cli.out()).containsPattern("advisor: daemon pid \\d+ stopped");
        assertThat(Files.exists(where.socket())).isFalse();
        assertThat(cli.run("daemon", "status")).isEqualTo(3);
    }
}
