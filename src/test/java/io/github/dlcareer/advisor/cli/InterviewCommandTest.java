package io.github.dlcareer.advisor.cli;

import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The interview, with piped answers and through a pseudo-terminal. */
class InterviewCommandTest {

    private final InProcessCli cli = new InProcessCli();

    @Test
    void anIdNeverNamesAFileOutsideTheCurrentFolderAndIsBounded() {
        assertThat(InterviewCommand.fileName("../../etc/x")).doesNotContain("/").doesNotStartWith(".");
        assertThat(InterviewCommand.fileName("anna-1.b")).isEqualTo("anna-1.b");

        assertThat(cli.run("interview", "--id", "x".repeat(201))).isEqualTo(2);
        assertThat(cli.err()).contains("--id must be a name of 1 to 200 characters");
    }

    private int interview(String answers, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "interview";
        all[1] = "--rules";
        all[2] = "rules";
        System.arraycopy(args, 0, all, 3, args.length);
        return cli.runWithInput(new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)), all);
    }

    @Test
    void neverOverwritesAFileItDidNotCreateUnlessForced(@TempDir Path dir) throws Exception {
        Path mine = Files.writeString(dir.resolve("me.yaml"), "id: me\nhardware: {gpu: own}\n");

        assertThat(interview("phd\ndone\n", "--out", mine.toString())).isEqualTo(2);
        assertThat(cli.err()).contains(mine + " exists; not overwriting it");
        assertThat(mine).hasContent("id: me\nhardware: {gpu: own}");

        assertThat(interview("phd\ndone\n", "--out", mine.toString(), "--force")).isZero();
        assertThat(ProfileReader.create().read(mine).plans().goal()).isEqualTo(Profile.Goal.PHD);
    }

    @Test
    void refusesAPlaceItCannotSaveToBeforeAskingAnything(@TempDir Path dir) {
        assertThat(interview("phd\ndone\n", "--out", dir.toString(), "--force")).isEqualTo(2);
        assertThat(cli.err()).contains("cannot save the profile to " + dir + ": it is a folder");
        assertThat(cli.out()).doesNotContain("What are you aiming for");

        assertThat(interview("phd\ndone\n", "--out", dir.resolve("no/such/me.yaml").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("its folder does not exist");
    }

    @Test
    void asksEachFieldAQuestionCoversAndTakesARatioForThePlayers(@TempDir Path dir) {
        Path saved = dir.resolve("me.yaml");
        // goal, status, level, job involves DL; the skills question field by field (five skipped); courses
        // (a "3" that must stay a word in the saved file); quitting skipped; the players as a ratio
        int exit = interview("job\nemployed\nmasters\nno\n4\nnone\n3\n\n\n\n\n\n3\n\n2:5:2:1\ndone\n",
                "--out", saved.toString());

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("  math: a whole number").contains("  programming: a whole number")
                .contains("  english: a whole number").contains("all four as R:A:E:D");
        Profile profile = ProfileReader.create().strict(true).read(saved);
        assertThat(profile.skills().math()).isEqualTo(4);
        assertThat(profile.skills().programming()).as("'none' is 0").isZero();
        assertThat(profile.skills().english()).isEqualTo(3);
        assertThat(profile.experience().courses()).containsExactly("3");
        assertThat(profile.interests().roles()).isEqualTo(new Profile.Roles(2, 5, 2, 1));
    }

    @Test
    void asksTheMostImportantQuestionsFirstAndSavesTheProfile(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("me.yaml");

        int exit = cli.runWithInput(new ByteArrayInputStream("phd\nemployed\nbachelors\nmaybe\nno\ndone\n"
                .getBytes(StandardCharsets.UTF_8)), "interview", "--rules", "rules", "--out", saved.toString());

        String transcript = cli.out();
        assertThat(exit).isZero();
        assertThat(transcript.indexOf("What are you aiming for")).isLessThan(transcript.indexOf("Are you a student"));
        assertThat(transcript).contains("Advice so far: 1. ").contains("That answer does not fit")
                .contains("Saved your profile to " + saved);
        Profile profile = ProfileReader.create().strict(true).read(saved);
        assertThat(profile.plans().goal()).isEqualTo(Profile.Goal.PHD);
        assertThat(profile.job().status()).isEqualTo(Profile.JobStatus.EMPLOYED);
        assertThat(profile.job().involvesDeepLearning()).as("'maybe' rejected, then 'no' taken").isFalse();
    }

    @Test
    void runsInAPseudoTerminal(@TempDir Path dir) throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "util-linux's script provides the pseudo-terminal");
        Path saved = dir.resolve("pty.yaml");
        String command = String.join(" ", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "interview", "--rules", "rules",
                "--id", "pty", "--out", saved.toString()));
        Process process = new ProcessBuilder(script.toString(), "-qec", command, "/dev/null")
                .redirectErrorStream(true).start();
        process.getOutputStream().write("startup_job\nunemployed\ndone\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String transcript = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(transcript).isZero();
        assertThat(transcript).contains("What are you aiming for").contains("> ");
        Profile profile = ProfileReader.create().read(saved);
        assertThat(profile.id()).isEqualTo("pty");
        assertThat(profile.plans().goal()).isEqualTo(Profile.Goal.STARTUP_JOB);
        assertThat(profile.job().status()).isEqualTo(Profile.JobStatus.UNEMPLOYED);
    }
}
