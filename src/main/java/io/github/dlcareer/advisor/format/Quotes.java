package io.github.dlcareer.advisor.format;

import io.github.dlcareer.advisor.Citation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The quotes one page or report has shown: each is printed once, where it first carries the advice. */
final class Quotes {

    private final Set<String> shown = new HashSet<>();
    private final Set<String> sources = new HashSet<>();

    /** The first of {@code citations} not shown yet, now marked shown; null when all of them were. */
    Citation first(List<Citation> citations) {
        for (Citation c : citations) {
            if (shown.add(c.quote())) {
                return c;
            }
        }
        return null;
    }

    /**
     * Who said it, where: the author and the document's title the first time a document is quoted, then the
     * author alone (the title when the document names none), as a reader's "ibid."
     */
    String source(Citation c) {
        boolean first = sources.add(c.source());
        if (c.author() == null) {
            return c.title();
        }
        return first ? c.author() + ", " + c.title() : c.author();
    }
}
