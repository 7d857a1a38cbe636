package io.github.dlcareer.advisor.internal.engine;

import io.github.dlcareer.advisor.format.AdviceJson;
import io.github.dlcareer.advisor.internal.compile.RulesCompiler;
import io.github.dlcareer.advisor.internal.knowledge.RulesFiles;
import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.runtime.KieSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stopped evaluations leave nothing behind: their sessions are neither pooled again nor kept by the KieBase. */
class EvaluatorTest {

    @Test
    void stoppedSessionsAreThrownAwayAndMemoryStaysBounded(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("rules", "sources.yaml"), dir.resolve("sources.yaml"));
        Files.copy(Path.of("rules", "advice.yaml"), dir.resolve("advice.yaml"));
        Files.copy(Path.of("rules", "questions.yaml"), dir.resolve("questions.yaml"));
        Path gpu = Files.copy(Path.of("rules", "gpu.drl"), dir.resolve("gpu.drl"));
        Files.writeString(gpu, Files.readString(gpu) + """

                rule "GPU: update for ever"
                when
                    $p : Profile( skills.math == 5 )
                then
                    update($p);
                end
                """);
        RuleBook book = new RulesCompiler(RulesFiles.of(dir), null).compile();
        Profile looping = ProfileReader.create().parse("id: l\nskills: {math: 5}", "l.yaml");
        Profile fine = ProfileReader.create().parse("id: f\nhardware: {gpu: NONE}", "f.yaml");
        String before = AdviceJson.write(Evaluator.evaluate(book, fine));

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> Evaluator.evaluate(book, looping, Duration.ofMillis(100)))
                    .isInstanceOf(InvalidRulesException.class);
        }

        KieSession probe = book.newSession(); // made like every session: the KieBase keeps no reference to it
        try {
            assertThat(probe.getKieBase().getKieSessions()).as("sessions the KieBase holds on to").isEmpty();
        } finally {
            probe.dispose();
        }
        assertThat(AdviceJson.write(Evaluator.evaluate(book, fine))).isEqualTo(before);
    }
}
