package io.github.dlcareer.advisor.internal.knowledge;

import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.internal.knowledge.CatalogueFile.Place;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares quotes with documents the way {@code ../shared/tools/verify-quotes} does: case, white space, HTML
 * entities, markdown emphasis and the kind of quote marks and dashes do not count.
 */
public final class Quotes {

    private static final Pattern TAGS_AND_EMPHASIS = Pattern.compile("<[^>]+>|[*_`]");
    private static final Pattern NOT_TEXT = Pattern.compile("[^\\w'\"%.,;:!?()/-]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern ENTITY = Pattern.compile("&(#[xX]?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

    private Quotes() {
    }

    /** The text as verify-quotes' {@code norm()} leaves it: the same steps in the same order. */
    public static String normalise(String text) {
        text = unescape(unescape(text));
        text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        text = text.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replace('\u2013', '-').replace('\u2014', '-').replace('\u00a0', ' ');
        text = TAGS_AND_EMPHASIS.matcher(text).replaceAll("");
        text = NOT_TEXT.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return SPACE.matcher(text).replaceAll(" ").strip();
    }

    /** A quote as verify-quotes looks for it: normalised, without the stops and quote marks at its ends. */
    public static String needle(String quote) {
        return normalise(quote).replaceAll("^[ .\"']+|[ .\"']+$", "");
    }

    /** A needle shorter than this could be found anywhere: it shows nothing. QuotesTest holds rules/ to it too. */
    static final int SHORTEST = 12;

    /**
     * Every passage of a catalogue whose quote its own document does not contain (under {@link #normalise}): an
     * error at the passage's quote in {@code sources.yaml}, naming it, since a made-up or edited quote would be
     * shown as the author's words. A document missing from {@code documents} is a warning: its quotes are not
     * checked.
     *
     * @param sourcesLabel how to name {@code sources.yaml} in the problems
     */
    public static List<Problem> check(Catalogues catalogues, String sourcesLabel, Path documents) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        for (Catalogues.Source source : catalogues.sources().values()) {
            Path file = source.file() == null ? null : documents.resolve(source.file());
            Place at = catalogues.place("sources", source.id(), "file");
            if (file == null || !Files.isRegularFile(file)) {
                problems.add(Problem.warning(sourcesLabel, at.line(), at.column(), source.id(),
                        source.file() == null ? "names no 'file': its quotes cannot be checked"
                                : "its document " + source.file() + " is not in " + documents
                                + ": its quotes are not checked"));
                continue;
            }
            try {
                texts.put(source.id(), normalise(Files.readString(file)));
            } catch (IOException e) {
                problems.add(Problem.warning(sourcesLabel, at.line(), at.column(), source.id(),
                        "its document " + file + " cannot be read (" + e.getMessage() + "): its quotes are not checked"));
            }
        }
        for (Catalogues.Passage passage : catalogues.passages().values()) {
            String document = texts.get(passage.source());
            if (document == null || passage.quote() == null) {
                continue;
            }
            String needle = needle(passage.quote());
            Place at = catalogues.place("passages", passage.id(), "quote");
            if (needle.length() < SHORTEST) {
                problems.add(Problem.error(sourcesLabel, at.line(), at.column(), passage.id(), "the quote is too short ("
                        + needle.length() + " characters) to show that it is the author's words; quote a sentence"));
            } else if (!document.contains(needle)) {
                problems.add(Problem.error(sourcesLabel, at.line(), at.column(), passage.id(), "the quote is not in the"
                        + " document " + catalogues.sources().get(passage.source()).file() + " (" + passage.source()
                        + "), even ignoring case, white space, entities, emphasis and the kind of quote marks and"
                        + " dashes; it would be shown as the author's words: copy it from the document"));
            }
        }
        return problems;
    }

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
