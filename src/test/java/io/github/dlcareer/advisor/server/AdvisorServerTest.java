package io.github.dlcareer.advisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileFields;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.TestRules;
import io.github.dlcareer.advisor.authoring.RulesFolder;
import io.github.dlcareer.advisor.format.AdviceJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The API over a real server on 127.0.0.1 and a free port: every route, every error status, hostile bodies. */
class AdvisorServerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static AdvisorServer server;

    @BeforeAll
    static void start() {
        server = AdvisorServer.start(TestRules.advisor(), () -> RulesFolder.read(TestRules.RULES), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(AdvisorServer on, String method, String path, String type,
                                     HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + path))
                .timeout(Duration.ofSeconds(20)).method(method, body);
        if (type != null) {
            request.header("Content-Type", type);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String json) throws Exception {
        return send(server, "POST", path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    static HttpResponse<String> get(String path) throws Exception {
        return send(server, "GET", path, null, HttpRequest.BodyPublishers.noBody());
    }

    private static String json(String profile) {
        return ProfileFields.toJson(TestRules.profile(profile));
    }

    private static JsonNode body(HttpResponse<String> response) throws Exception {
        return MAPPER.readTree(response.body());
    }

    /** A refusal: the status, JSON problems with a message each, and nothing of a stack trace. */
    private static JsonNode problems(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(response.body()).doesNotContain("Exception", "\tat ", ".java:");
        JsonNode problems = body(response).get("problems");
        assertThat(problems).isNotEmpty();
        problems.forEach(p -> assertThat(p.get("message").asText()).isNotBlank());
        return problems;
    }

    @Nested
    class Routes {

        @Test
        void adviceIsTheExactJsonOfAdviseFormatJson() throws Exception {
            HttpResponse<String> response = post("/api/advice", json("gpu-none"));

            StringWriter cli = new StringWriter();
            AdviceJson.write(TestRules.advisor().advise(TestRules.profile("gpu-none")), cli, true);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(cli + "\n");
            assertThat(body(response).at("/recommendations/0/id").asText()).isEqualTo("buy-a-gpu");
        }

        @Test
        void explainSaysWhichRulesFiredAndAnUnknownAdviceIs404() throws Exception {
            JsonNode explained = body(post("/api/explain/buy-a-gpu", json("gpu-none")));

            assertThat(explained.get("advice").asText()).isEqualTo("buy-a-gpu");
            assertThat(explained.get("given").asBoolean()).isTrue();
            assertThat(explained.get("fired")).isNotEmpty();
            JsonNode missing = problems(post("/api/explain/buy-a-gpx", json("gpu-none")), 404);
            assertThat(missing.get(0).get("field").asText()).isEqualTo("adviceId");
            assertThat(missing.get(0).get("message").asText()).contains("buy-a-gpu");
        }

        @Test
        void whatIfGivesBeforeAfterAndDifferences() throws Exception {
            JsonNode w = body(post("/api/what-if", "{\"profile\": " + json("gpu-none")
                    + ", \"changes\": {\"hardware.gpu\": \"own\", \"skills.math\": 4, \"interests.domains\": [\"bio\"]}}"));

            assertThat(w.at("/changes/hardware.gpu").asText()).isEqualTo("own");
            assertThat(w.at("/before/recommendations/0/id").asText()).isEqualTo("buy-a-gpu");
            assertThat(StreamSupport.stream(w.get("differences").spliterator(), false))
                    .anySatisfy(d -> assertThat(d.get("id").asText() + " " + d.get("change").asText())
                            .isEqualTo("buy-a-gpu GONE"));
        }

        @Test
        void questionsListTheUnknownFieldsThatMatterWithTheirAnswers() throws Exception {
            JsonNode q = body(post("/api/questions", "{\"id\": \"me\"}")).get("questions");

            assertThat(q).isNotEmpty();
            JsonNode first = q.get(0);
            assertThat(first.get("text").asText()).endsWith("?");
            JsonNode field = first.get("fields").get(0);
            assertThat(field.get("path").asText()).startsWith(first.get("field").asText());
            assertThat(field.get("type").asText()).isIn("boolean", "integer", "words", "choice", "text");
            JsonNode gpu = StreamSupport.stream(q.spliterator(), false).flatMap(x -> StreamSupport.stream(
                    x.get("fields").spliterator(), false)).filter(f -> f.get("path").asText().equals("hardware.gpu"))
                    .findFirst().orElseThrow();
            assertThat(gpu.get("choices").findValuesAsText("value")).containsExactly("NONE", "CLOUD", "OWN");
            // each answer in the words of rules/fields.yaml, as "Why" says it
            assertThat(gpu.get("choices").findValuesAsText("label"))
                    .containsExactly("you have no GPU", "you use cloud GPUs", "you have your own GPU");
            assertThat(q.findValues("choices")).allSatisfy(choices -> choices.forEach(c -> assertThat(
                    c.get("label").asText()).as(c.toString()).contains(" ").isNotEqualToIgnoringCase("yes")));
            // answered, the field is asked no more
            assertThat(post("/api/questions", "{\"id\": \"me\", \"hardware\": {\"gpu\": \"OWN\"}}").body())
                    .doesNotContain("\"hardware.gpu\"");
        }

        @Test
        void theCatalogueHasTheAdvicePassagesAndSources() throws Exception {
            JsonNode c = body(get("/api/advice-catalogue"));

            assertThat(c.get("ruleCount").asInt()).isEqualTo(TestRules.advisor().ruleCount());
            assertThat(c.get("advice").findValuesAsText("id")).contains("buy-a-gpu");
            JsonNode gpu = c.get("advice").findParents("id").stream()
                    .filter(a -> a.get("id").asText().equals("buy-a-gpu")).findFirst().orElseThrow();
            assertThat(gpu.get("title").asText()).isEqualTo("Buy your own GPU");
            assertThat(gpu.get("kind").asText()).isEqualTo("ADVICE");
            assertThat(gpu.get("text").asText()).isNotBlank();
            assertThat(c.get("passages").findValuesAsText("id")).contains("park-buy-a-gpu");
            assertThat(c.get("sources").findValuesAsText("id")).contains("park-career-faq");
        }

        @Test
        void healthNamesTheRulesAndTheirCount() throws Exception {
            JsonNode h = body(get("/api/health"));

            assertThat(h.get("status").asText()).isEqualTo("ok");
            assertThat(h.get("rules").asText()).isEqualTo("rules");
            assertThat(h.get("ruleCount").asInt()).isEqualTo(TestRules.advisor().ruleCount());
        }

        @Test
        void theOpenApiDocumentListsEveryRoute() throws Exception {
            JsonNode api = body(get("/api/openapi.json"));

            assertThat(api.get("openapi").asText()).startsWith("3.");
            assertThat(api.get("paths").fieldNames()).toIterable().contains("/api/advice",
                    "/api/explain/{adviceId}", "/api/what-if", "/api/questions", "/api/advice-catalogue",
                    "/api/health", "/api/profile");
        }

        @Test
        void aProfileTurnsFromYamlToJsonAndBack() throws Exception {
            HttpResponse<String> response = send(server, "POST", "/api/profile", "application/yaml",
                    HttpRequest.BodyPublishers.ofString("id: me\nhardware:\n  gpu: own\n"));

            JsonNode p = body(response);
            assertThat(p.at("/profile/hardware/gpu").asText()).isEqualTo("OWN");
            Profile back = ProfileReader.create().strict(true).parse(p.get("yaml").asText(), "back.yaml");
            assertThat(ProfileFields.toJson(back)).isEqualTo(MAPPER.writeValueAsString(p.get("profile")));
        }

        @Test
        void thePageAndItsScriptAreServedWithAPolicyThatFetchesNothingElsewhere() throws Exception {
            HttpResponse<String> page = get("/");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
            assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'self'");
            assertThat(page.body()).contains("<script src=\"app.js\"").doesNotContain("http://", "https://");
            assertThat(get("/app.js").statusCode()).isEqualTo(200);
            assertThat(get("/app.css").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Refusals {

        @Test
        void anInvalidProfileIs400WithEveryProblemAtItsLineColumnAndField() throws Exception {
            JsonNode p = problems(post("/api/advice", "{\"id\": \"x\",\n \"skills\": {\"math\": 9, \"writing\": \"lots\"}}"), 400);

            assertThat(p.findValuesAsText("field")).containsExactly("skills.math", "skills.writing");
            assertThat(p.get(0).get("line").asInt()).isEqualTo(2);
            assertThat(p.get(0).get("column").asInt()).isPositive();
        }

        @Test
        void aWhatIfProblemPointsIntoTheBodyAsSent() throws Exception {
            JsonNode p = problems(post("/api/what-if", "{\"changes\": {},\n  \"profile\": {\"id\": \"x\", \"skills\": {\"math\": 9}}}"), 400);

            assertThat(p.get(0).get("field").asText()).isEqualTo("skills.math");
            assertThat(p.get(0).get("line").asInt()).isEqualTo(2);
            assertThat(p.get(0).get("column").asInt()).isGreaterThan(30);
            assertThat(problems(post("/api/what-if", "{\"profile\": {\"id\": \"x\"}, \"changes\": {\"hardware.gpu\": \"gold\"}}"), 400)
                    .get(0).get("message").asText()).contains("NONE");
            assertThat(problems(post("/api/what-if", "{\"profile\": {\"id\": \"x\"}}"), 400).get(0).get("field").asText())
                    .isEqualTo("changes");
        }

        @Test
        void noRouteIs404AndAWrongMethodIs405() throws Exception {
            problems(get("/api/nothing"), 404);
            problems(get("/api/advice"), 405);
            problems(send(server, "DELETE", "/api/health", null, HttpRequest.BodyPublishers.noBody()), 405);
        }

        @Test
        void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
            String huge = "{\"id\": \"x\", \"job\": {\"industry\": \"" + "a".repeat(AdvisorServer.MAX_BODY) + "\"}}";
            assertThat(problems(post("/api/advice", huge), 413).get(0).get("message").asText()).contains("262,144 bytes");

            // chunked: no Content-Length, so the limit is found while reading
            byte[] bytes = huge.getBytes();
            problems(send(server, "POST", "/api/advice", "application/json",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))), 413);
        }

        @Test
        void aBodyThatIsNotJsonIs415() throws Exception {
            problems(send(server, "POST", "/api/advice", "text/plain", HttpRequest.BodyPublishers.ofString("id: x")), 415);
            problems(send(server, "POST", "/api/advice", null, HttpRequest.BodyPublishers.ofString("{\"id\": \"x\"}")), 415);
        }

        @ParameterizedTest
        @ValueSource(strings = {"not json at all", "{\"id\": ", "[1, 2, 3]", "{\"id\": [\"x\"]}", "{\"id\": \"x\", \"skills\": 3}",
                "\"just a string\"", "", "{\"id\": \"x\"} {\"id\": \"y\"}"})
        void aBrokenOrWronglyTypedProfileIs400(String body) throws Exception {
            problems(post("/api/advice", body), 400);
            problems(post("/api/questions", body), 400);
        }

        @Test
        void deepNestingIsRefusedQuicklyEverywhere() throws Exception {
            String deep = "{\"id\": \"x\", \"skills\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}";
            long start = System.nanoTime();

            problems(post("/api/advice", deep), 400);
            problems(post("/api/what-if", "{\"profile\": " + deep + ", \"changes\": {}}"), 400);
            problems(post("/api/what-if", "{\"profile\": {\"id\": \"x\"}, \"changes\": {\"a\": " + "{".repeat(50_000) + "}}"), 400);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }

        @Test
        void bytesThatAreNotUtf8Are400() throws Exception {
            problems(send(server, "POST", "/api/advice", "application/json",
                    HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xff, '"', '}'})), 400);
        }
    }

    /** The catalogue and the answers' labels are read once as the server starts, then once for each change. */
    @Test
    void theRulesAreReadOnceAtStartAndAgainOnlyWhenTheyChange(@TempDir Path dir) throws Exception {
        TestRules.miniRules(dir, "a.drl", "");
        AtomicInteger reads = new AtomicInteger();
        Supplier<RulesFolder> rules = () -> RulesFolder.read(reads.incrementAndGet() == 1 ? TestRules.RULES : dir);
        try (AdvisorServer counted = AdvisorServer.start(TestRules.advisor(), rules, "127.0.0.1", 0)) {
            for (int i = 0; i < 3; i++) {
                assertThat(send(counted, "GET", "/api/advice-catalogue", null, HttpRequest.BodyPublishers.noBody())
                        .body()).contains("\"rules\" : \"rules\"");
                assertThat(send(counted, "POST", "/api/questions", "application/json",
                        HttpRequest.BodyPublishers.ofString("{\"id\": \"me\"}")).statusCode()).isEqualTo(200);
            }
            assertThat(reads).hasValue(1);

            counted.rulesChanged();

            assertThat(reads).hasValue(2);
            assertThat(send(counted, "GET", "/api/advice-catalogue", null, HttpRequest.BodyPublishers.noBody())
                    .body()).contains("\"rules\" : \"" + dir + "\"");
            assertThat(reads).hasValue(2);
        }
    }

    /** A rule that re-activates itself is stopped at the evaluation limit: a 500 naming the rule, no stack trace. */
    @Test
    void anEvaluationPastItsLimitIs500WithoutAStackTrace(@TempDir Path dir) throws Exception {
        TestRules.miniRules(dir, "runaway.drl", """
                rule "Loop: update what it matched"
                when
                    $p : Profile( skills.math == 5 )
                then
                    update($p);
                end
                """);
        Advisor advisor = Advisor.builder().rules(dir).evaluationTimeout(Duration.ofMillis(200)).build();
        try (AdvisorServer looping = AdvisorServer.start(advisor, () -> RulesFolder.read(dir), "127.0.0.1", 0)) {
            HttpResponse<String> response = send(looping, "POST", "/api/advice", "application/json",
                    HttpRequest.BodyPublishers.ofString("{\"id\": \"m\", \"skills\": {\"math\": 5}}"));

            List<String> messages = problems(response, 500).findValuesAsText("message");
            assertThat(messages.get(0)).contains("stopped at its limit");
            assertThat(send(looping, "GET", "/api/health", null, HttpRequest.BodyPublishers.noBody()).statusCode())
                    .isEqualTo(200);
        }
    }
}
