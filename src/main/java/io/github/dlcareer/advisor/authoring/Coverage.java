package io.github.dlcareer.advisor.authoring;

import io.github.dlcareer.advisor.internal.knowledge.Catalogues;
import io.github.dlcareer.advisor.internal.knowledge.Knowledge;
import io.github.dlcareer.advisor.internal.knowledge.Quotes;
import io.github.dlcareer.advisor.internal.knowledge.RuleDescription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of each advice document a rules folder covers: for every source, its passages with the rules that
 * cite them (or the reason none does), and — when the documents are at hand — the paragraphs of the document
 * that no passage quotes.
 */
public final class Coverage {

    /** A document of {@code sources.yaml}: its id, title and author, and its file (null when none is named). */
    public record Source(String id, String title, String author, String file) {
    }

    /** A passage of a document: its id, section and quote, and why no rule cites it ({@code uncited}, or null). */
    public record Passage(String id, String section, String quote, String uncited) {
    }

    /** One passage and the rules citing it. */
    public record PassageUse(Passage passage, List<String> citedBy) {
        public PassageUse {
            citedBy = List.copyOf(citedBy);
        }

        public boolean covered() {
            return !citedBy.isEmpty() || passage.uncited() != null;
        }
    }

    /** A paragraph of a document that no passage quotes. */
    public record Gap(int line, String text) {
    }

    /** One document. {@code gaps} is null when the document's file was not found. */
    public record Document(Source source, List<PassageUse> passages, List<Gap> gaps) {
        public Document {
            passages = List.copyOf(passages);
            gaps = gaps == null ? null : List.copyOf(gaps);
        }

        public long cited() {
            return passages.stream().filter(p -> !p.citedBy().isEmpty()).count();
        }

        public long uncitedWithReason() {
            return passages.stream().filter(p -> p.citedBy().isEmpty() && p.passage().uncited() != null).count();
        }

        public long uncovered() {
            return passages.stream().filter(p -> !p.covered()).count();
        }
    }

    private Coverage() {
    }

    /** The coverage of every source; {@code documents} is the folder of the documents' files, or null. */
    public static List<Document> of(RulesFolder rules, Path documents) {
        Knowledge knowledge = rules.knowledge();
        Map<String, List<String>> citedBy = new LinkedHashMap<>();
        for (RuleDescription rule : knowledge.rules()) {
            rule.citations().forEach(c -> citedBy.computeIfAbsent(c.passage(), p -> new ArrayList<>()).add(rule.name()));
        }
        List<Document> result = new ArrayList<>();
        for (Catalogues.Source source : knowledge.catalogues().sources().values()) {
            List<PassageUse> passages = knowledge.catalogues().passages().values().stream()
                    .filter(p -> p.source().equals(source.id()))
                    .map(p -> new PassageUse(new Passage(p.id(), p.section(), p.quote(), p.uncited()),
                            citedBy.getOrDefault(p.id(), List.of())))
                    .toList();
            Path file = documents == null || source.file() == null ? null : documents.resolve(source.file());
            result.add(new Document(new Source(source.id(), source.title(), source.author(), source.file()), passages,
                    file != null && Files.isRegularFile(file) ? gaps(file, passages) : null));
        }
        return result;
    }

    private static boolean isHeading(String paragraph) {
        String text = paragraph.strip();
        return !text.contains("\n") && (text.startsWith("#") || (text.startsWith("**") && text.endsWith("**")));
    }

    /**
     * The paragraphs (blocks between blank lines, of a few words at least, headings alone left out) that quote
     * no passage.
     */
    private static List<Gap> gaps(Path file, List<PassageUse> passages) {
        List<String> needles = passages.stream().map(p -> Quotes.needle(p.passage().quote())).toList();
        List<Gap> gaps = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            StringBuilder paragraph = new StringBuilder();
            int start = 0;
            for (int i = 0; i <= lines.size(); i++) {
                String line = i < lines.size() ? lines.get(i) : "";
                if (!line.isBlank()) {
                    if (paragraph.length() == 0) {
                        start = i + 1;
                    }
                    paragraph.append(line).append('\n');
                    continue;
                }
                String text = Quotes.normalise(paragraph.toString());
                if (text.split(" ").length >= 6 && !isHeading(paragraph.toString())
                        && needles.stream().noneMatch(text::contains)) {
                    String shown = paragraph.toString().strip().replaceAll("\\s+", " ");
                    gaps.add(new Gap(start, shown.length() > 90 ? shown.substring(0, 87) + "..." : shown));
                }
                paragraph.setLength(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gaps;
    }
}
