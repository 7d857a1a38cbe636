package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.format.AdviceJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.github.dlcareer.advisor.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An evaluation that runs past its limit — a rule that re-activates itself, a consequence that blocks — is
 * stopped with an error naming the rule and the limit, for the library and for a batch alike; nothing hangs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public class RunawayRulesTest { // public: a rule of the test calls released()

    private static final Duration LIMIT = Duration.ofMillis(300);

    /** A rule that updates the profile it matched: it fires again, for ever. */
    private static final String LOOP = """
            rule "Loop: update what it matched"
            when
                $p : Profile( skills.math == 5 )
            then
                update($p);
            end
            """;

    /** A consequence that blocks far longer than the limit. */
    private static final String SLEEP = """
            rule "Sleep: wait a minute"
            when
                Profile( skills.math == 4 )
            then
                try { Thread.sleep(60_000); } catch (InterruptedException e) { throw new IllegalStateException(e); }
            end
            """;

    /** A consequence that spins in plain Java until the test lets it go. */
    private static final String SPIN = """
            rule "Spin: loop in Java"
            when
                Profile( skills.math == 3 )
            then
                while (!io.github.dlcareer.advisor.RunawayRulesTest.released()) { }
            end
            """;

    private static volatile boolean released;

    public static boolean released() {
        return released;
    }

    @AfterEach
    void letGo() {
        released = true;
        Advisor.onStuckEvaluation(null);
    }

    private static Advisor advisor(Path dir) {
        TestRules.miniRules(dir, "runaway.drl", LOOP + "\n" + SLEEP + "\n" + SPIN + "\n"
                + rule("Writing: one", "one", 0.6, "Profile( skills.writing >= 3 )", "support"));
        return Advisor.builder().rules(dir).evaluationTimeout(LIMIT).build();
    }

    private static Profile math(int level) {
        return ProfileReader.create().parse("id: m\nskills: {math: " + level + ", writing: 4}", "m.yaml");
    }

    @Test
    void aRuleThatReactivatesItselfIsStoppedWithItsFileLineAndTheLimit(@TempDir Path dir) {
        Advisor advisor = advisor(dir);
        long start = System.nanoTime();

        InvalidRulesException e = catchThrowableOfType(() -> advisor.advise(math(5)), InvalidRulesException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.source()).isEqualTo(dir + "/runaway.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.field()).isEqualTo("Loop: update what it matched");
            assertThat(p.message()).startsWith("the evaluation was stopped at its limit of 300 ms, after ")
                    .contains(" rule firings").contains("re-activate itself");
        });
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void theStoppedSessionIsNotReusedAndTheNextEvaluationsAreRight(@TempDir Path dir) {
        Advisor advisor = advisor(dir);
        Advice before = advisor.advise(math(1));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> advisor.advise(math(5))).isInstanceOf(InvalidRulesException.class);
        }

        assertThat(AdviceJson.write(advisor.advise(math(1)))).isEqualTo(AdviceJson.write(before));
        assertThat(advisor.advise(math(1)).recommendation("one")).isPresent();
    }

    @Test
    void aConsequenceThatBlocksIsInterruptedAndStopped(@TempDir Path dir) {
        Advisor advisor = advisor(dir);
        long start = System.nanoTime();

        InvalidRulesException e = catchThrowableOfType(() -> advisor.advise(math(4)), InvalidRulesException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("Sleep: wait a minute");
            assertThat(p.line()).isEqualTo(15);
            assertThat(p.message()).contains("limit of 300 ms");
        });
        assertThat(Thread.currentThread().isInterrupted()).as("the watchdog's interrupt is cleared").isFalse();
        assertThat(advisor.advise(math(1)).recommendation("one")).isPresent();
    }

    @Test
    void aConsequenceLoopingInJavaIsReportedToTheLastResortHandler(@TempDir Path dir) throws Exception {
        Advisor advisor = advisor(dir);
        released = false;
        BlockingQueue<Problem> stuck = new LinkedBlockingQueue<>();
        Advisor.onStuckEvaluation(problem -> {
            stuck.add(problem);
            released = true; // what the command line does instead: exit with the message
        });

        InvalidRulesException e = catchThrowableOfType(() -> advisor.advise(math(3)), InvalidRulesException.class);

        assertThat(stuck.poll(10, TimeUnit.SECONDS)).isNotNull().satisfies(p -> {
            assertThat(p.source()).isEqualTo(dir + "/runaway.drl");
            assertThat(p.field()).isEqualTo("Spin: loop in Java");
            assertThat(p.message()).contains("does not stop when halted and interrupted");
        });
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("Spin: loop in Java"));
    }

    @Test
    void inABatchARunawayRecordBecomesAnErrorRecordAndTheOthersAreAdvised(@TempDir Path dir) {
        String lines = """
                {"id": "fine", "skills": {"math": 1, "writing": 4}}
                {"id": "runaway", "skills": {"math": 5}}
                {"id": "fine-too", "skills": {"math": 2, "writing": 4}}
                """;
        List<BatchRecord> records = new ArrayList<>();

        Batch.Counts counts = Batch.of(advisor(dir)).threads(2).run(
                BatchInput.json(new StringReader(lines), "cohort.jsonl"), records::add);

        assertThat(counts.advised()).isEqualTo(2);
        assertThat(counts.rejected()).isEqualTo(1);
        assertThat(records).extracting(BatchRecord::advised).containsExactly(true, false, true);
        assertThat(records.get(1).id()).isEqualTo("runaway");
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).problems()).singleElement().satisfies(p -> { // where the fault is: the rule
            assertThat(p.source()).endsWith("runaway.drl");
            assertThat(p.field()).isEqualTo("Loop: update what it matched");
            assertThat(p.message()).contains("limit of 300 ms");
        });
    }

    @Test
    void theLimitMustBePositive() {
        assertThatThrownBy(() -> Advisor.builder().evaluationTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
