package io.github.dlcareer.advisor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.github.dlcareer.advisor.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An advisor that watches its rules folder reloads on every change, and keeps serving through a broken edit. */
class HotReloadTest {

    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

    private final Advisor.ReloadListener listener = new Advisor.ReloadListener() {
        @Override
        public void reloaded(Advisor advisor) {
            events.add("reloaded");
        }

        @Override
        public void failed(List<Problem> problems) {
            events.add(problems);
        }
    };

    @Test
    void anEditIsServedAfterTheReloadAndABrokenEditLeavesTheOldRulesServing(@TempDir Path dir) throws Exception {
        TestRules.miniRules(dir, "t.drl", rule("one for mathematicians", "one", 0.6, "Profile( skills.math >= 3 )", "support"));
        Profile mathematician = ProfileReader.create().parse("id: m\nskills: {math: 4, writing: 4}", "m.yaml");

        try (Advisor advisor = Advisor.builder().rules(dir).watch(true).onReload(listener).build()) {
            assertThat(advisor.advise(mathematician).recommendation("one")).isPresent();

            Files.writeString(dir.resolve("t.drl"), TestRules.HEADER
                    + rule("two for writers", "two", 0.6, "Profile( skills.writing >= 3 )", "support"));
            assertThat(events.poll(60, TimeUnit.SECONDS)).isEqualTo("reloaded");
            assertThat(advisor.advise(mathematician).recommendation("one")).isEmpty();
            assertThat(advisor.advise(mathematician).recommendation("two")).isPresent();

            Files.writeString(dir.resolve("t.drl"), TestRules.HEADER
                    + rule("broken", "two", 0.6, "Profile( skills.writting >= 3 )", "support"));
            Object failure = events.poll(60, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOf(List.class);
            assertThat(((List<?>) failure)).singleElement().hasToString(dir + "/t.drl:11:21: broken: "
                    + "Profile.Skills has no field writting; its fields: math, programming, english, writing,"
                    + " communication, deepLearning, highPerformanceComputing, bigData");
            assertThat(advisor.advise(mathematician).recommendation("two")).isPresent();
        }
    }

    @Test
    void aRulesFolderDeletedAndMadeAgainIsWatchedAgain(@TempDir Path parent) throws Exception {
        Path dir = Files.createDirectory(parent.resolve("rules"));
        TestRules.miniRules(dir, "t.drl", rule("one for mathematicians", "one", 0.6, "Profile( skills.math >= 3 )", "support"));
        Profile mathematician = ProfileReader.create().parse("id: m\nskills: {math: 4, writing: 4}", "m.yaml");

        try (Advisor advisor = Advisor.builder().rules(dir).watch(true).onReload(listener).build()) {
            deleteRecursively(dir);
            Object failure = events.poll(60, TimeUnit.SECONDS);
            assertThat(failure).as("the deletion is reported").isInstanceOf(List.class);
            assertThat(advisor.advise(mathematician).recommendation("one")).as("the old rules serve on").isPresent();

            Files.createDirectory(dir);
            TestRules.miniRules(dir, "t.drl", rule("two for writers", "two", 0.6, "Profile( skills.writing >= 3 )", "support"));

            awaitReloadUntil(() -> advisor.advise(mathematician).recommendation("two").isPresent());
            assertThat(advisor.advise(mathematician).recommendation("one")).isEmpty();

            Files.writeString(dir.resolve("t.drl"), TestRules.HEADER
                    + rule("one again", "one", 0.6, "Profile( skills.math >= 3 )", "support"));
            awaitReloadUntil(() -> advisor.advise(mathematician).recommendation("one").isPresent()); // edits seen too
        }
    }

    /** fields.yaml is read with the rules, as questions.yaml is: an edit of a label is served after the reload. */
    @Test
    void anEditedLabelIsServedAfterTheReload(@TempDir Path dir) throws Exception {
        TestRules.miniRules(dir, "t.drl", rule("one for mathematicians", "one", 0.6, "Profile( skills.math >= 3 )", "support"));
        Profile mathematician = ProfileReader.create().parse("id: m\nskills: {math: 4}", "m.yaml");

        try (Advisor advisor = Advisor.builder().rules(dir).watch(true).onReload(listener).build()) {
            assertThat(advisor.advise(mathematician).recommendation("one").orElseThrow().why())
                    .as("a folder without fields.yaml has the bundled labels").containsExactly("your maths: 4/5");

            // The field labels only: the shipped findings' labels name findings these rules do not derive (an error).
            String fields = Files.readString(TestRules.RULES.resolve("fields.yaml"));
            Files.writeString(dir.resolve("fields.yaml"), fields.substring(0, fields.indexOf("\nfindings:\n"))
                    .replace("\"your maths: {value}/5\"", "\"you rate your mathematics {value} out of 5\""));

            awaitReloadUntil(() -> advisor.advise(mathematician).recommendation("one").orElseThrow().why()
                    .equals(List.of("you rate your mathematics 4 out of 5")));
        }
    }

    /**
     * Waits for a successful reload after which the condition holds (a folder seen half-written may first fail to
     * compile, and a burst may reload twice).
     */
    private void awaitReloadUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean reloaded = false;
        while (System.nanoTime() < deadline) {
            reloaded |= "reloaded".equals(events.poll(1, TimeUnit.SECONDS));
            if (reloaded && condition.getAsBoolean()) {
                return;
            }
        }
        throw new AssertionError(reloaded ? "reloaded, but not as expected" : "no reload within 60 s");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void onlyAFolderCanBeWatched() {
        assertThatThrownBy(() -> Advisor.builder().watch(true).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rules(folder)");
    }
}
