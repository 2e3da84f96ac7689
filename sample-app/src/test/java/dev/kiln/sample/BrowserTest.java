package dev.kiln.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.App;
import dev.kiln.testing.TestServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sample app's pages in a real browser, Debian's headless Chromium: the layout's stylesheet
 * and script load (by their versioned URLs, under the app's Content-Security-Policy) and apply,
 * the browser logs no failed request, and a screenshot of each page goes to
 * {@code target/screenshots}. A user registers, signs out and signs in again through the forms,
 * their CSRF tokens and the session cookie as the browser keeps it.
 */
class BrowserTest {
  @TempDir
  static Path data;
  @TempDir
  static Path profile;
  private static App app;
  private static TestServer server;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    app = SampleApp.app(SampleAppTest.settings(data, Map.of()));
    server = TestServer.start(SampleApp.router(app), s -> s.app(app).accessLog(false));
    ChromeOptions options = new ChromeOptions()
        .setBinary("/usr/bin/chromium")
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--no-first-run", "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService driver = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
        .build();
    browser = new ChromeDriver(driver, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    server.close();
  }

  private static Object script(String code) {
    return ((JavascriptExecutor) browser).executeScript(code);
  }

  @Test
  void theProjectsPageLoadsItsStylesheetAndScript() throws Exception {
    browser.get("http://127.0.0.1:" + server.port() + "/projects");
    assertThat(browser.getTitle()).isEqualTo("Projects · Kiln");
    assertThat(script("return document.documentElement.dataset.scripted")).as("project.js ran").isEqualTo("yes");
    assertThat(script("return getComputedStyle(document.body).maxWidth")).as("site.css applied").isEqualTo("768px");
    @SuppressWarnings("unchecked")
    List<String> loaded = (List<String>) script(
        "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname + ' ' + e.responseStatus)");
    assertThat(loaded).anyMatch(entry -> entry.matches("/static/css/site\\.[0-9a-f]{8}\\.css 200"))
        .anyMatch(entry -> entry.matches("/static/js/project\\.[0-9a-f]{8}\\.js 200"));
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
        .as("no failed request, no CSP refusal, no script error")
        .noneMatch(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue());
    screenshot("projects");
  }

  @Test
  void aProjectAUserAndTheUploadFormAreItsPages() throws Exception {
    browser.get("http://127.0.0.1:" + server.port() + SampleAppUrls.project(1));
    assertThat(browser.getTitle()).isEqualTo("Kiln · Kiln");
    screenshot("project");
    browser.get("http://127.0.0.1:" + server.port() + SampleAppUrls.user(1));
    assertThat(browser.getTitle()).isEqualTo("Igor · Kiln");
    List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    assertThat(problems).isEmpty();
    screenshot("user");
    browser.get("http://127.0.0.1:" + server.port() + SampleAppUrls.uploads());
    assertThat(browser.getTitle()).isEqualTo("Uploads · Kiln");
    assertThat(browser.findElement(org.openqa.selenium.By.cssSelector("form[enctype='multipart/form-data'] input[type=file]"))
        .isDisplayed()).isTrue();
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).isEmpty();
    screenshot("uploads");
  }

  @Test
  void aUserRegistersSignsOutAndSignsInThroughTheForms() throws Exception {
    String site = "http://127.0.0.1:" + server.port();
    browser.manage().deleteAllCookies();
    browser.get(site + SampleAppUrls.account());
    assertThat(browser.getCurrentUrl()).as("a protected page sends an anonymous browser to sign in")
        .isEqualTo(site + "/login?next=%2Faccount");
    browser.get(site + SampleAppUrls.register());
    browser.findElement(By.id("email")).sendKeys("margaret@example.org");
    browser.findElement(By.id("displayName")).sendKeys("Margaret");
    browser.findElement(By.id("password")).sendKeys("apollo guidance computer");
    browser.findElement(By.id("submit")).click();
    arriveAt(site + "/account");
    assertThat(browser.findElement(By.id("account")).getText()).isEqualTo("Margaret");
    assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Welcome, Margaret.");
    Cookie session = browser.manage().getCookieNamed("kiln_session");
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.isSecure()).as("outside debug mode, even on loopback").isTrue();
    assertThat(session.getSameSite()).isEqualTo("Lax");
    screenshot("account");

    browser.findElement(By.id("logout")).click();
    arriveAt(site + "/projects");
    assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("You are signed out.");
    browser.get(site + SampleAppUrls.account());
    assertThat(browser.getCurrentUrl()).as("signed out").startsWith(site + "/login");

    browser.findElement(By.id("email")).sendKeys("margaret@example.org");
    browser.findElement(By.id("password")).sendKeys("a wrong password");
    browser.findElement(By.id("submit")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
    assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("That email and password do not match.");
    browser.findElement(By.id("password")).sendKeys("apollo guidance computer");
    browser.findElement(By.id("submit")).click();
    arriveAt(site + "/account"); // back to the page asked for
    assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("Margaret");
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
        .noneMatch(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue() && !entry.getMessage().contains(" 401 "));
    screenshot("signed-in");
  }

  @Test
  void aProjectCreatedThroughTheApiAppearsOnTheOpenProjectsPage() throws Exception {
    String site = "http://127.0.0.1:" + server.port();
    browser.get(site + SampleAppUrls.projects());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(d -> "open".equals(script("return document.documentElement.dataset.live")));
    var created = server.client().postJson("/api/projects", java.util.Map.of("name", "Live Kiln", "slug", "live-kiln",
        "description", "<b>made</b> while the page was open"), "X-Api-Key", "secret");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = ((Number) created.json(java.util.Map.class).get("id")).longValue();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("project-" + id)));
    assertThat(browser.findElement(By.cssSelector("#project-" + id + " a")).getText()).isEqualTo("Live Kiln");
    assertThat(browser.findElement(By.cssSelector("#project-" + id + " td.muted")).getText())
        .as("text, never markup").isEqualTo("<b>made</b> while the page was open");
    screenshot("projects-live");

    assertThat(server.client().delete("/api/projects/" + id, "X-Api-Key", "secret").status()).isEqualTo(204);
    wait.until(ExpectedConditions.numberOfElementsToBe(By.id("project-" + id), 0));
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
        .noneMatch(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue());
  }

  @Test
  void whatIsSaidInTheChatShowsForEveryoneInIt() throws Exception {
    String site = "http://127.0.0.1:" + server.port();
    browser.get(site + SampleAppUrls.chat());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    wait.until(d -> "open".equals(script("return document.documentElement.dataset.chat")));
    browser.findElement(By.id("text")).sendKeys("hello from the browser");
    browser.findElement(By.id("send")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "hello from the browser"));
    assertThat(browser.findElement(By.id("messages")).getText()).contains("joined");
    screenshot("chat");
  }

  /** Waits for the navigation a click started to land on {@code url}. */
  private static void arriveAt(String url) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url));
  }

  private static void screenshot(String name) throws Exception {
    Path target = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(target.getParent());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(target)).isPositive();
  }
}
