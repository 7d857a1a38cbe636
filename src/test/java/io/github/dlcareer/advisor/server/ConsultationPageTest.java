package io.github.dlcareer.advisor.server;

import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.TestRules;
import io.github.dlcareer.advisor.authoring.RulesFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A whole consultation in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them),
 * by keyboard only: answer, skip, see the advice firm up, open an explanation, try a what-if, download the profile
 * and read it back, and look at a screenshot of the advice. Skipped where either binary is missing.
 */
class ConsultationPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int ADVICE_BLUE = 0x3e7bfa;
    /** Where the screenshots of a consultation are kept, for a person to look at: a question, then the result. */
    private static final Path SHOTS = Path.of("target", "screenshots");

    private static AdvisorServer server;

    @BeforeAll
    static void start() {
        server = AdvisorServer.start(TestRules.advisor(), () -> RulesFolder.read(TestRules.RULES), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Chromium pointed at explicitly, so that Selenium Manager never looks on the network for a browser or driver. */
    private static WebDriver browser(Path downloads, Path profileDir) {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profileDir);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @Test
    void aWholeConsultationByKeyboardOnly(@TempDir Path dir) throws Exception {
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        WebDriver driver = browser(downloads, Files.createDirectories(dir.resolve("chrome")));
        try {
            driver.manage().window().setSize(new Dimension(1000, 1400));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get("http://127.0.0.1:" + server.port() + "/");
            wait.until(d -> !d.findElement(By.id("question-text")).getText().isBlank());
            assertThat(soFar(driver)).containsExactly("No advice yet: answer a question.");

            String first = driver.findElement(By.id("question-text")).getText();
            answerByKeyboard(driver);
            wait.until(d -> !d.findElement(By.id("question-text")).getText().equals(first));
            wait.until(d -> !soFar(d).get(0).startsWith("No advice yet"));
            List<String> afterOne = soFar(driver);

            String second = driver.findElement(By.id("question-text")).getText();
            tabTo(driver, "skip").sendKeys(Keys.ENTER);
            wait.until(d -> !d.findElement(By.id("question-text")).getText().equals(second));
            for (int i = 0; i < 3; i++) {
                String asked = driver.findElement(By.id("question-text")).getText();
                answerByKeyboard(driver);
                wait.until(d -> !d.findElement(By.id("question-text")).getText().equals(asked)
                        || !d.findElement(By.id("problems")).getText().isBlank());
                assertThat(driver.findElement(By.id("problems")).getText()).isBlank();
            }
            assertThat(soFar(driver)).as("the advice firms up").isNotEqualTo(afterOne);
            shoot(driver, "consultation-question.png");
            tabTo(driver, "finish").sendKeys(Keys.ENTER);
            wait.until(d -> d.switchTo().activeElement().getAttribute("id").equals("result"));

            WebElement card = driver.findElement(By.cssSelector("#cards details summary"));
            card.sendKeys(Keys.ENTER); // a summary opens with the keyboard
            wait.until(d -> d.findElement(By.cssSelector("#cards .explanation")).getText().contains("How it came about"));
            ((ChromeDriver) driver).executeScript("document.getElementById('result').scrollIntoView()");
            shoot(driver, "consultation-result.png");

            driver.findElement(By.id("what-if-field")).sendKeys("plans.goal");
            WebElement value = driver.findElement(By.id("what-if-value"));
            value.sendKeys("job");
            value.sendKeys(Keys.ENTER);
            wait.until(d -> !d.findElement(By.id("what-if-result")).getText().isBlank());
            assertThat(driver.findElement(By.id("what-if-result")).getText()).containsAnyOf("new", "gone", "moves", "No change");

            driver.findElement(By.id("download")).sendKeys(Keys.ENTER);
            wait.until(d -> Files.exists(downloads.resolve("me.yaml")));
            Profile saved = ProfileReader.create().strict(true).read(downloads.resolve("me.yaml"));
            assertThat(saved.id()).isEqualTo("me");
            assertThat(Files.readString(downloads.resolve("me.yaml"))).contains("plans:").doesNotContain("goal: JOB");

            byte[] shot = driver.findElement(By.id("cards")).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve("advice.png"), shot);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(shot));
            assertThat(contains(image, ADVICE_BLUE)).as("the blue of an advice card").isTrue();
            assertThat(driver.findElements(By.cssSelector("#cards article"))).hasSizeGreaterThan(3);
        } finally {
            driver.quit();
        }
    }

    @Test
    void atThreeHundredSixtyPixelsNothingRunsWiderThanTheScreen(@TempDir Path dir) throws Exception {
        WebDriver driver = browser(Files.createDirectories(dir.resolve("d")), Files.createDirectories(dir.resolve("c")));
        try {
            driver.manage().window().setSize(new Dimension(360, 900));
            driver.get("http://127.0.0.1:" + server.port() + "/");
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> !d.findElement(By.id("question-text")).getText().isBlank());
            Object overflow = ((ChromeDriver) driver).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
            assertThat(overflow).isEqualTo(false);
            // every input has a label a screen reader reads
            Object unlabelled = ((ChromeDriver) driver).executeScript("return [...document.querySelectorAll('input,select')]"
                    + ".filter(i => !(i.labels && i.labels.length) && !i.getAttribute('aria-label')).length");
            assertThat(unlabelled).isEqualTo(0L);
        } finally {
            driver.quit();
        }
    }

    /** The window as it is, into {@link #SHOTS}. */
    private static void shoot(WebDriver driver, String name) throws Exception {
        Files.write(Files.createDirectories(SHOTS).resolve(name), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Answers the question on screen from the keyboard: the first answer of a choice, a number, or a word. */
    private static void answerByKeyboard(WebDriver driver) {
        WebElement focused = driver.switchTo().activeElement();
        switch (String.valueOf(focused.getAttribute("type"))) {
            case "radio" -> focused.sendKeys(Keys.SPACE);
            case "number" -> focused.sendKeys("3");
            default -> focused.sendKeys("pytorch");
        }
        tabTo(driver, "answer").sendKeys(Keys.ENTER);
    }

    /** Presses Tab until the element with this id has the focus. */
    private static WebElement tabTo(WebDriver driver, String id) {
        for (int i = 0; i < 40; i++) {
            WebElement focused = driver.switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private static List<String> soFar(WebDriver driver) {
        return driver.findElements(By.cssSelector("#so-far-list li")).stream().map(WebElement::getText).toList();
    }

    private static boolean contains(BufferedImage image, int rgb) {
        return Stream.iterate(0, y -> y < image.getHeight(), y -> y + 1).anyMatch(y ->
                Stream.iterate(0, x -> x < image.getWidth(), x -> x + 1).anyMatch(x -> (image.getRGB(x, y) & 0xffffff) == rgb));
    }
}
