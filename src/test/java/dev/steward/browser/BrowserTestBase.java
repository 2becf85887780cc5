package dev.steward.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.steward.app.StewardNode;
import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import dev.steward.mail.MailSettings;
import dev.steward.store.Engine;
import dev.steward.web.HttpSettings;
import dev.steward.web.Json;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The base of every browser test ({@code *BrowserIT}, run by Failsafe in {@code mvn verify}): one
 * headless Debian Chromium shared by all test classes of the run, one Steward node and one
 * GreenMail SMTP server per test class, and a fresh browser context (cookies, storage) per test. On
 * failure the page's screenshot and HTML are kept under {@code target/browser-failures/}.
 *
 * <p>Helpers: {@link #open} a path, {@link #assertAccessible} (axe-core from {@code node_modules},
 * no serious or critical violation), {@link #assertOnlyOwnOrigin} (every request the page made went
 * to the node), {@link #awaitLetter} (the next letter GreenMail received for an address), {@link
 * #signInToConsole} (the first admin, through the console's own pages).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestBase {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");
  private static final Path FAILURES = Path.of("target", "browser-failures");
  private static final Pattern ONE_TIME_PASSWORD =
      Pattern.compile("One-time password[^:]*: (\\S+)");

  /** The first admin's password after {@link #signInToConsole} changed it. */
  protected static final String ADMIN_PASSWORD = "a long console passphrase 42";

  private static Playwright playwright;
  private static Browser browser;

  protected GreenMail mail;
  protected StewardNode node;
  protected String origin;
  private ByteArrayOutputStream console;
  protected BrowserContext context;
  protected Page page;
  private final List<String> requested = Collections.synchronizedList(new ArrayList<>());
  private boolean adminPasswordChanged;

  @RegisterExtension final AfterTestExecutionCallback keepFailure = this::keepFailure;

  private static synchronized Browser browser() {
    if (browser == null) {
      playwright =
          Playwright.create(
              new Playwright.CreateOptions()
                  .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
      browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(CHROMIUM)
                      .setHeadless(true)
                      .setArgs(
                          List.of(
                              "--no-sandbox",
                              "--disable-gpu",
                              "--disable-background-networking",
                              "--disable-component-update",
                              "--disable-sync",
                              "--no-first-run")));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    browser.close();
                    playwright.close();
                  }));
    }
    return browser;
  }

  @BeforeAll
  void startNode() {
    int smtpPort = freePort();
    mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    int port = freePort();
    origin = "http://127.0.0.1:" + port;
    StewardConfig base =
        TestNodes.config(
            Engine.H2,
            new HttpSettings("127.0.0.1", port, 8 * 1024 * 1024, 6000, 6000, List.of(), origin));
    StewardConfig config =
        new StewardConfig(
            base.dataDir(),
            base.store(),
            base.keyring(),
            base.http(),
            base.policyFile(),
            base.keysDir(),
            base.keyVariables(),
            base.passwordHashing(),
            "GB",
            MailSettings.plain("127.0.0.1", smtpPort, "privacy@steward.test", "steward.test"));
    console = new ByteArrayOutputStream();
    node =
        StewardNode.start(
            configure(config),
            options(),
            Clock.systemUTC(),
            new PrintStream(console, true, StandardCharsets.UTF_8));
    browser();
  }

  /** A test class may change the node's configuration, e.g. its policy file. */
  protected StewardConfig configure(StewardConfig config) {
    return config;
  }

  protected StewardNode.Options options() {
    return StewardNode.Options.defaults();
  }

  @AfterAll
  void stopNode() {
    if (node != null) {
      node.close();
    }
    if (mail != null) {
      mail.stop();
    }
  }

  @BeforeEach
  void openContext() {
    requested.clear();
    context = browser().newContext(new Browser.NewContextOptions().setLocale("en-GB"));
    page = context.newPage();
    page.onRequest(request -> requested.add(request.url()));
  }

  @AfterEach
  void closeContext() {
    context.close();
  }

  /** Opens {@code path} of the node and waits for the page to load. */
  protected Page open(String path) {
    page.navigate(origin + path);
    return page;
  }

  /** Everything axe-core finds serious or critical on the current page fails the test. */
  protected void assertAccessible() {
    String source;
    try {
      source = Files.readString(AXE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "axe-core is missing: run 'npm ci' at the repository's root first", e);
    }
    // Evaluated through the browser's debugging protocol, which the page's CSP does not govern,
    // so the page keeps its strict policy while it is checked.
    page.evaluate(source);
    String found =
        (String)
            page.evaluate(
                "async () => JSON.stringify((await axe.run(document, {resultTypes: ['violations']}))"
                    + ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                    + ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
                    + " nodes: v.nodes.map(n => n.html).slice(0, 5)})))");
    JsonNode violations;
    try {
      violations = Json.mapper().readTree(found);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(violations.size())
        .as("axe violations on %s: %s", page.url(), violations.toPrettyString())
        .isZero();
  }

  /** Every request the page made since the test began went to the node itself. */
  protected void assertOnlyOwnOrigin() {
    List<String> seen;
    synchronized (requested) {
      seen = List.copyOf(requested);
    }
    assertThat(seen).isNotEmpty();
    assertThat(seen)
        .as("requests to other origins")
        .allSatisfy(url -> assertThat(url).startsWith(origin + "/"));
  }

  /**
   * No English sentence on the current page (meant to be Chinese): text in another language carries
   * its own lang attribute and is left out, the rest must not read as English.
   */
  protected void assertNoEnglishSentence() {
    String text =
        (String)
            page.evaluate(
                "() => { const b = document.body.cloneNode(true);"
                    + " b.querySelectorAll('[lang]:not([lang^=zh])').forEach(e => e.remove());"
                    + " return b.innerText; }");
    assertThat(text)
        .as(page.url())
        .doesNotContainPattern("[A-Za-z]{2,}[ ,]+[A-Za-z]{2,} [A-Za-z]{2,}");
  }

  /** The text of the page's {@code <main>}, as a person reads it. */
  protected String mainText() {
    return page.locator("main").innerText();
  }

  /**
   * Waits up to 20 seconds for a letter to {@code address} whose subject contains {@code subject}.
   */
  protected String awaitLetter(String address, String subject) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      for (MimeMessage message : mail.getReceivedMessages()) {
        try {
          if (address.equals(message.getHeader("To", null))
              && message.getSubject().contains(subject)) {
            return com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
          }
        } catch (jakarta.mail.MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
      mail.waitForIncomingEmail(500, mail.getReceivedMessages().length + 1);
    }
    List<String> seen = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      try {
        seen.add(message.getHeader("To", null) + ": " + message.getSubject());
      } catch (jakarta.mail.MessagingException e) {
        seen.add(e.toString());
      }
    }
    throw new AssertionError(
        "no letter '" + subject + "' to " + address + " within 20 seconds; received " + seen);
  }

  /** Posts JSON to the node, as a program rather than the page would. */
  protected HttpResponse<String> post(String path, String json) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** A letter's text, with quoted-printable soft breaks and escapes undone. */
  protected static String decoded(String body) throws Exception {
    if (!body.contains("=\r\n") && !body.contains("=\n") && !body.contains("=3D")) {
      return body;
    }
    try (InputStream in =
        MimeUtility.decode(
            new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "quoted-printable")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The first match of {@code regex}'s group 1 in {@code text}. */
  protected static String find(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as("'%s' in %s", regex, text).isTrue();
    return matcher.group(1);
  }

  /**
   * Signs the first admin in through the console's pages, changing the one-time password the first
   * time; the page is then on the console's landing page.
   */
  protected void signInToConsole() {
    open("/console/sign-in?lang=en");
    page.getByLabel("User name").fill("admin");
    if (!adminPasswordChanged) {
      page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
          .fill(find(console.toString(StandardCharsets.UTF_8), ONE_TIME_PASSWORD.pattern()));
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Sign in"))
          .click();
      page.getByLabel("Current password")
          .fill(find(console.toString(StandardCharsets.UTF_8), ONE_TIME_PASSWORD.pattern()));
      page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
          .fill(ADMIN_PASSWORD);
      page.getByLabel("New password again").fill(ADMIN_PASSWORD);
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Change password"))
          .click();
      adminPasswordChanged = true;
    } else {
      page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(ADMIN_PASSWORD);
      page.getByRole(
              com.microsoft.playwright.options.AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Sign in"))
          .click();
    }
    assertThat(page.url()).startsWith(origin + "/console");
  }

  private void keepFailure(ExtensionContext test) {
    Optional<Throwable> failure = test.getExecutionException();
    if (failure.isEmpty() || page == null || page.isClosed()) {
      return;
    }
    try {
      Files.createDirectories(FAILURES);
      String name = getClass().getSimpleName() + "-" + test.getRequiredTestMethod().getName();
      page.screenshot(
          new Page.ScreenshotOptions().setPath(FAILURES.resolve(name + ".png")).setFullPage(true));
      Files.writeString(FAILURES.resolve(name + ".html"), page.content());
    } catch (IOException | RuntimeException e) {
      failure.get().addSuppressed(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
