package io.github.dlcareer.advisor.cli;

import io.github.dlcareer.advisor.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code advisor serve --watch}: says where it serves, and says so when an edit of the rules swaps in. */
class ServeCommandTest {

    @Test
    void aWatchedEditIsAnnouncedOnceItServes(@TempDir Path dir) throws Exception {
        Path rules = TestRules.copyOfRules(dir);
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                cli.execute("serve", "--port", "0", "--watch", "--rules", rules.toString()));
        try {
            awaitIn(err, "advisor: serving ");
            Path gpu = rules.resolve("gpu.drl");
            Files.writeString(gpu, Files.readString(gpu).replace("@weight(0.8)", "@weight(0.75)"));

            awaitIn(err, "advisor serve: the rules changed; now serving ");
        } finally {
            serve.stop.countDown();
        }
        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    }

    private static void awaitIn(StringWriter err, String text) throws InterruptedException {
        for (int waited = 0; !err.toString().contains(text) && waited < 1200; waited++) {
            Thread.sleep(100);
        }
        assertThat(err.toString()).contains(text);
    }
}
