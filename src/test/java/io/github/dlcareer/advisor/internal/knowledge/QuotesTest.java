package io.github.dlcareer.advisor.internal.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dlcareer.advisor.TestRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every passage of rules/sources.yaml quotes its document verbatim, under the same normalisation as
 * ../shared/tools/verify-quotes (case, white space, entities, quote marks and dashes), and in its own source.
 */
class QuotesTest {

    private static final Path SEEDS = Path.of("..", "shared", "seeds");
    private static final Map<String, String> documents = new HashMap<>();
    private static JsonNode sources;

    @BeforeAll
    static void readDocuments() throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "the advice documents are in ../shared/seeds");
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                documents.put(file.getFileName().toString(), Quotes.normalise(Files.readString(file)));
            }
        }
        sources = new ObjectMapper(new YAMLFactory()).readTree(TestRules.RULES.resolve("sources.yaml").toFile());
    }

    @Test
    void everyPassageQuotesItsOwnDocumentVerbatim() {
        Map<String, String> fileOfSource = new HashMap<>();
        sources.get("sources").forEach(s -> fileOfSource.put(s.get("id").asText(), s.get("file").asText()));
        List<String> notFound = new ArrayList<>();
        for (JsonNode passage : sources.get("passages")) {
            String quote = Quotes.needle(passage.get("quote").asText());
            String document = documents.get(fileOfSource.get(passage.get("source").asText()));
            if (quote.length() < Quotes.SHORTEST || document == null || !document.contains(quote)) {
                notFound.add(passage.get("id").asText() + ": " + passage.get("quote").asText());
            }
        }
        assertThat(notFound).as("passages not found verbatim in their document").isEmpty();
        assertThat(sources.get("passages").size()).isPositive();
    }

    @Test
    void everySourceNamesADocumentThatExists() {
        sources.get("sources").forEach(s ->
                assertThat(documents).as("document of source " + s.get("id")).containsKey(s.get("file").asText()));
        assertThat(sources.get("sources")).hasSize(5);
    }

    @Test
    void theNormalisationMatchesTheToolsOnEntitiesQuotesAndSpace() {
        assertThat(Quotes.normalise("Here&#39;s  *some* \u201Chelp\u201D \u2014 now")).isEqualTo("here's some \"help\" - now");
    }

}
