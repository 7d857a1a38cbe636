package io.github.dlcareer.advisor.server;

import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.TestRules;
import io.github.dlcareer.advisor.authoring.RulesFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** A server over a watched rules folder: an edit swaps in while requests run, and none of them fails. */
class ServerWatchTest {

    private static final String HEADER = """
            package advisor;

            import io.github.dlcareer.advisor.Profile;
            global io.github.dlcareer.advisor.rules.Evidence evidence;

            """;

    private static String rule(String advice) {
        return HEADER + "rule \"for mathematicians\"\n    @recommend(\"" + advice + "\") @cite(\"p1\")\n"
                + "when\n    Profile( skills.math >= 3 )\nthen\n    evidence.support(kcontext);\nend\n";
    }

    @Test
    void anEditSwapsInWhileRequestsRunAndEveryRequestIsAnsweredByOneRulesOrTheOther(@TempDir Path dir)
            throws Exception {
        TestRules.miniRules(dir, "t.drl", rule("one").substring(HEADER.length()));
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        Advisor.ReloadListener listener = new Advisor.ReloadListener() {
            @Override
            public void reloaded(Advisor advisor) {
                events.add("reloaded");
            }

            @Override
            public void failed(List<Problem> problems) {
                events.add(problems);
            }
        };
        String profile = "{\"id\": \"m\", \"skills\": {\"math\": 4}}";
        try (Advisor advisor = Advisor.builder().rules(dir).watch(true).onReload(listener).build();
             AdvisorServer server = AdvisorServer.start(advisor, () -> RulesFolder.read(dir), "127.0.0.1", 0)) {
            Set<String> served = ConcurrentHashMap.newKeySet();
            List<String> failures = new CopyOnWriteArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread client = new Thread(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> response = AdvisorServerTest.send(server, "POST", "/api/advice",
                                "application/json", HttpRequest.BodyPublishers.ofString(profile));
                        if (response.statusCode() != 200) {
                            failures.add(response.statusCode() + " " + response.body());
                        } else {
                            served.add(response.body().contains("\"id\" : \"two\"") ? "two"
                                    : response.body().contains("\"id\" : \"one\"") ? "one" : "neither");
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            client.start();
            // the first rules answer before the edit, however slow the first request is on a busy machine
            for (int waited = 0; !served.contains("one") && failures.isEmpty() && waited < 600; waited++) {
                Thread.sleep(50);
            }

            Files.writeString(dir.resolve("t.drl"), rule("two"));
            assertThat(events.poll(60, TimeUnit.SECONDS)).isEqualTo("reloaded");
            Thread.sleep(300);
            running.set(false);
            client.join(30_000);

            assertThat(failures).isEmpty();
            assertThat(served).containsExactlyInAnyOrder("one", "two");
        }
    }
}
