package io.github.dlcareer.advisor.internal;

import java.text.Normalizer;
import java.util.Locale;
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
