package io.github.dlcareer.advisor.format;

import io.github.dlcareer.advisor.internal.compile.RulesCompiler;
import io.github.dlcareer.advisor.internal.knowledge.RulesFiles;
import io.github.dlcareer.advisor.internal.engine.Evaluator;
import io.github.dlcareer.advisor.internal.engine.RuleBook;
import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.ProfileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pages people read, rendered by a real headless Chromium (Debian's chromium; .ci/run installs it) and
 * looked at: a screenshot must show the warning cards' red and the advice cards' blue.
 */
class HtmlReportTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int WARNING_RED = 0xd64545;
    private static final int ADVICE_BLUE = 0x3e7bfa;

    private static Advice advice(String profile) {
        RuleBook book = new RulesCompiler(RulesFiles.of(Path.of("rules")), null).compile();
        return Evaluator.evaluate(book, ProfileReader.create().read(Path.of("examples", "profiles", profile + ".yaml")));
    }

    @Test
    void anAdvicePageIsSelfContainedAndEscapesText() {
        String html = HtmlReport.advice(advice("employer-red-flags"));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContain("<script", "<link", "src=\"http");
        assertThat(html).contains("class=\"card warning\"").contains("“").contains("Why: your boss thinks deep learning solves everything");
        assertThat(HtmlReport.escape("<b>&\"'")).isEqualTo("&lt;b&gt;&amp;&quot;&#39;");
    }

    @Test
    void aScreenshotOfAnAdvicePageShowsWarningsInRedAndAdviceInBlue(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("advice.html");
        Files.writeString(page, HtmlReport.advice(advice("employer-red-flags")));

        BufferedImage shot = screenshot(page, dir.resolve("advice.png"));

        assertThat(shot.getWidth()).isEqualTo(1000);
        assertThat(contains(shot, WARNING_RED)).as("the red border of a warning card").isTrue();
        assertThat(contains(shot, ADVICE_BLUE)).as("the blue score bar").isTrue();
    }

    @Test
    void aScreenshotOfACohortSummaryShowsItsBarCharts(@TempDir Path dir) throws Exception {
        CohortSummary summary = new CohortSummary();
        for (String profile : List.of("employer-red-flags", "gpu-none", "advisor-red-flags")) {
            summary.add(new BatchRecord(1, profile, null, advice(profile), List.of()));
        }
        String html = CohortSummaryHtml.page(summary, 1.5);
        assertThat(html).contains("<h2>Red flags (warnings)</h2>").contains("class=\"fill red\"");
        Path page = dir.resolve("summary.html");
        Files.writeString(page, html);

        BufferedImage shot = screenshot(page, dir.resolve("summary.png"));

        assertThat(contains(shot, ADVICE_BLUE)).as("blue bars").isTrue();
        assertThat(contains(shot, WARNING_RED)).as("red bars of the red flags").isTrue();
    }

    private static BufferedImage screenshot(Path page, Path png) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is installed (.ci/run installs it)");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + png.getParent().resolve("profile"), "--window-size=1000,1400",
                "--screenshot=" + png, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(png.getParent().resolve("chromium.log").toFile()).start();
        assertThat(chromium.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(png).exists();
        return ImageIO.read(png.toFile());
    }

    private static boolean contains(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
