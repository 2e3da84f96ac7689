package dev.kiln.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.App;
import dev.kiln.testing.TestServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The debug toolbar in headless Chromium, on the sample app in debug mode: a page carries the bar,
 * the bar opens that request's page, its SQL panel shows the statement the page ran and its
 * templates panel the template it rendered.
 */
class ToolbarBrowserTest {
  @TempDir
  static Path data;
  @TempDir
  static Path profile;
  private static TestServer server;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    App app = SampleApp.app(SampleAppTest.settings(data, Map.of("debug", "true")));
    server = TestServer.start(SampleApp.router(app), s -> s.app(app).accessLog(false));
    ChromeOptions options = new ChromeOptions()
        .setBinary("/usr/bin/chromium")
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--no-first-run", "--user-data-dir=" + profile);
    browser = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    server.close();
  }

  @Test
  void theBarOpensTheRequestsPageAndItsSqlPanelShowsTheStatement() throws Exception {
    browser.get("http://127.0.0.1:" + server.port() + SampleAppUrls.projects());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("kiln-debug-link")));
    assertThat(browser.findElement(By.id("kiln-debug-link")).getText()).startsWith("Kiln · 200").contains("1 SQL");
    browser.findElement(By.id("kiln-debug-link")).click();
    wait.until(ExpectedConditions.urlContains("/_kiln/debug/requests/"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("GET /projects");
    browser.findElement(By.cssSelector("#sql summary")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sql code")));
    assertThat(browser.findElement(By.cssSelector("#sql code")).getText()).containsIgnoringCase("from projects");
    assertThat(browser.findElement(By.id("chain")).getText()).contains("dev.kiln.toolbar.DebugToolbar");
    browser.findElement(By.cssSelector("#templates summary")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("templates"), "projects.jte"));
    Path target = Path.of("target", "screenshots", "toolbar-sql.png");
    Files.createDirectories(target.getParent());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(target)).isPositive();
  }
}
