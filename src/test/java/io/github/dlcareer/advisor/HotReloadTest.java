package io.github.dlcareer.advisor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
    void onlyAFolderCanBeWatched() {
        assertThatThrownBy(() -> Advisor.builder().watch(true).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rules(folder)");
    }
}
