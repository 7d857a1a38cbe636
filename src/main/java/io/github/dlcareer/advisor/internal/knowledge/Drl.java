package io.github.dlcareer.advisor.internal.knowledge;

import java.util.regex.Pattern;

/** DRL as text, for the checks that read it rather than compile it. */
public final class Drl {

    private static final Pattern COMMENT_OR_STRING = Pattern.compile("//[^\\n]*|/\\*(?s:.*?)\\*/|\"(?:[^\"\\\\\\n]|\\\\.)*\"");

    private Drl() {
    }

    /** The text with every comment and string literal blanked out, so that offsets, lines and columns stay put. */
    public static String blankCommentsAndStrings(String text) {
        return COMMENT_OR_STRING.matcher(text).replaceAll(m -> m.group().replaceAll("[^\\n]", " "));
    }
}
