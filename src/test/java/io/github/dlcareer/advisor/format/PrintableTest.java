package io.github.dlcareer.advisor.format;

import io.github.dlcareer.advisor.Printable;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one helper that makes a text safe to show: control characters as visible escapes. */
class PrintableTest {

    @Test
    void showsEveryControlCharacterAsAnEscape() {
        assertThat(Printable.escape("a\nb\rc\td\u001b[2Je\u0007f\u0000g\u007fh\u009b31mi"))
                .isEqualTo("a\\nb\\rc\\td\\e[2Je\\u0007f\\u0000g\\u007Fh\\u009B31mi");
    }

    @Test
    void leavesOrdinaryTextAsItIs() {
        String text = "Étienne — 北京, \\n as typed, \u00a0no-break space";

        assertThat(Printable.escape(text)).isSameAs(text);
        assertThat(Printable.escape(null)).isNull();
    }

    @Test
    void keepsControlCharactersOutOfHtml() {
        assertThat(HtmlReport.escape("<b>\u0000a\nb\tc\u001b[2J</b>")).isEqualTo("&lt;b&gt;\\u0000a b c\\e[2J&lt;/b&gt;");
    }
}
