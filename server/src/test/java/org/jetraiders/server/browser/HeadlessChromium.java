package org.jetraiders.server.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code /usr/bin/chromium} driven by {@code /usr/bin/chromedriver} (nothing is downloaded:
 * Selenium Manager is never consulted), headless, with a throw-away profile. {@link #assumeInstalled()}
 * skips a test when they are missing, with the install hint
 * ({@code apt-get install -y chromium chromium-driver}).
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getProperty("jr.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("jr.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriverService service;
    private final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriverService service, WebDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is missing; install them with: apt-get install -y chromium chromium-driver");
    }

    static HeadlessChromium start() throws IOException {
        Path profile = Files.createTempDirectory("jr-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return new HeadlessChromium(service, driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Runs a script in the page and returns its value. */
    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an async script (its last argument is the callback) and returns what it passed on. */
    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
