package io.github.dlcareer.advisor;

/**
 * The passage of an advice document that a recommendation rests on.
 *
 * @param passage the passage's id in {@code rules/sources.yaml}
 * @param source  the document's id
 * @param title   the document's title
 * @param author  the document's author as the text gives it; may be null
 * @param section the section of the document the passage stands in
 * @param quote   a short excerpt, verbatim
 */
public record Citation(String passage, String source, String title, String author, String section, String quote) {
}
