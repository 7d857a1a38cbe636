package io.github.dlcareer.advisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
                documents.put(file.getFileName().toString(), normalise(Files.readString(file)));
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
            String quote = normalise(passage.get("quote").asText()).replaceAll("^[ .\"']+|[ .\"']+$", "");
            String document = documents.get(fileOfSource.get(passage.get("source").asText()));
            if (quote.length() < 12 || document == null || !document.contains(quote)) {
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
        assertThat(normalise("Here&#39;s  *some* \u201Chelp\u201D \u2014 now")).isEqualTo("here's some \"help\" - now");
    }

    /** As verify-quotes' norm(): the same steps in the same order. */
    static String normalise(String text) {
        text = unescape(unescape(text));
        text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        text = text.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replace('\u2013', '-').replace('\u2014', '-').replace('\u00a0', ' ');
        text = text.replaceAll("<[^>]+>|[*_`]", "");
        text = Pattern.compile("[^\\w'\"%.,;:!?()/-]+", Pattern.UNICODE_CHARACTER_CLASS)
                .matcher(text.toLowerCase()).replaceAll(" ");
        return text.replaceAll("\\s+", " ").strip();
    }

    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

    private static String unescape(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00a0";
                default -> Character.toString(e.startsWith("#x") || e.startsWith("#X")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1)));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }
}
