package org.jetraiders.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

    /**
     * Imports the page's self-test {@code module} and asserts that {@code call} (an expression on the
     * module {@code m}, a result or a promise of one: {ok, passed, failures}) passed at least
     * {@code minPassed} checks and failed none. Returns the result.
     */
    Map<String, Object> assertSelfTestPasses(String module, String call, long minPassed) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) jsAsync(
                "const done = arguments[arguments.length - 1];"
                        + "import('" + module + "').then((m) => " + call + ").then(done)"
                        + ".catch((e) => done({ ok: false, passed: 0, failures: ['failed: ' + e] }));");
        assertNotNull(result, module + " returned a result");
        assertEquals(List.of(), result.get("failures"), module + " failures");
        assertEquals(Boolean.TRUE, result.get("ok"), module + ": " + result);
        assertTrue(((Number) result.get("passed")).longValue() >= minPassed, module + " ran its checks: " + result);
        return result;
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
