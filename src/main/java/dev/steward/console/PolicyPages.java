package dev.steward.console;

import dev.steward.error.InvalidInputException;
import dev.steward.error.NotFoundException;
import dev.steward.policy.CheckReport;
import dev.steward.policy.PolicyChange;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PolicyDiff;
import dev.steward.policy.PolicySnapshot;
import dev.steward.policy.PolicyVersions;
import dev.steward.policy.Problem;
import dev.steward.policy.PublishedPolicy;
import dev.steward.policy.documents.DocumentKind;
import dev.steward.policy.documents.DocumentLanguage;
import dev.steward.policy.documents.PolicyDocuments;
import dev.steward.policy.documents.RenderedDocument;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.RouteRegistry;
import io.javalin.http.UploadedFile;
import java.util.List;

/**
 * The policy in force, every published version and what changed between two, and the registers
 * (record of processing, sub-processors, transfers) to download, rendered by the same {@link
 * PolicyDocuments} as the API's {@code /api/v1/policy/ropa} and its siblings. The console's cookie
 * session reaches them here, since the API takes bearer tokens only. A policy file is published in
 * two steps: upload and check (located messages, then the diff against the version in force), then
 * confirm, through the same {@link PolicyVersions#publish} as {@code steward policy publish}.
 */
public final class PolicyPages {
  private static final List<DocumentKind> REGISTERS =
      List.of(DocumentKind.PROCESSING_RECORD, DocumentKind.SUB_PROCESSORS, DocumentKind.TRANSFERS);

  private static final String UPLOADED = "uploaded-policy.yaml";
  private static final int MAX_BYTES = 2 * 1024 * 1024;

  private static final int KEPT = 16;

  private final PolicyVersions policies;
  private final PolicyChecker checker;

  /**
   * Files checked without error, by content hash, until confirmed: the confirmation names the hash
   * only, so what is published is exactly what was checked and shown. Kept on the node that checked
   * them, the few most recent only; a confirmation that reaches another node asks for a new check.
   */
  private final java.util.Map<String, PolicySnapshot> checked =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, PolicySnapshot> e) {
              return size() > KEPT;
            }
          });

  private final PolicyDocuments documents;

  public PolicyPages(PolicyVersions policies, PolicyChecker checker, PolicyDocuments documents) {
    this.policies = policies;
    this.checker = checker;
    this.documents = documents;
  }

  public void addTo(RouteRegistry registry) {
    registry.addPage(
        PageRoute.get("/console/policy", Access.requires(Permission.POLICY_READ), this::show));
    registry.addPage(
        PageRoute.get(
            "/console/policy/registers/{kind}",
            Access.requires(Permission.REGISTER_READ),
            this::download));
    Access publish = Access.requires(Permission.POLICY_PUBLISH);
    registry.addPage(PageRoute.post("/console/policy/check", publish, this::check));
    registry.addPage(PageRoute.post("/console/policy/publish", publish, this::publish));
  }

  /**
   * Checks an uploaded policy file as {@code steward policy publish} does and shows its located
   * messages and, when it has no error, what would change; nothing is stored.
   */
  private void check(PageCall page) {
    String text = uploaded(page);
    PolicySnapshot snapshot = PolicySnapshot.ofText(UPLOADED, text);
    CheckReport report = checker.check(snapshot);
    List<PolicyChange> changes = List.of();
    if (report.policy().isPresent() && !report.hasErrors()) {
      changes = PolicyDiff.between(policies.current().policy(), report.policy().get());
      checked.put(snapshot.contentHash(), snapshot);
    }
    page.render(
        report.hasErrors() ? 400 : 200,
        "console/policy-check.jte",
        new Checked(
            ConsoleNav.of(page.caller(), "policy"),
            report.problems(),
            report.hasErrors(),
            policies.current().version(),
            changes,
            snapshot.contentHash()));
  }

  /** Publishes the file that was checked; the service checks it again. */
  private void publish(PageCall page) {
    PolicySnapshot snapshot = checked.remove(page.form("hash"));
    if (snapshot == null) {
      throw new InvalidInputException("the checked file is no longer at hand; check it again");
    }
    PublishedPolicy published = policies.publish(snapshot, page.caller());
    page.redirect("/console/policy?published=" + published.version());
  }

  private static String uploaded(PageCall page) {
    UploadedFile file = page.ctx().uploadedFile("policy");
    if (file == null || file.size() == 0) {
      throw new InvalidInputException("choose a policy file to check");
    }
    if (file.size() > MAX_BYTES) {
      throw new InvalidInputException("a policy file is at most 2 MB");
    }
    try (var in = file.content()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new InvalidInputException("the file could not be read");
    }
  }

  private void show(PageCall page) {
    PublishedPolicy current = policies.current();
    Diff diff = null;
    if (!page.query("from").isEmpty()) {
      PublishedPolicy from = version(page.query("from"));
      PublishedPolicy to = page.query("to").isEmpty() ? current : version(page.query("to"));
      diff = new Diff(from.version(), to.version(), PolicyDiff.between(from.policy(), to.policy()));
    }
    page.render(
        "console/policy.jte",
        new PolicyView(
            ConsoleNav.of(page.caller(), "policy"),
            current,
            policies.all(),
            diff,
            page.caller().has(Permission.REGISTER_READ) ? REGISTERS : List.of(),
            page.caller().has(Permission.POLICY_PUBLISH),
            page.query("published")));
  }

  private void download(PageCall page) {
    DocumentKind kind =
        REGISTERS.stream()
            .filter(k -> k.slug().equals(page.pathParam("kind")))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("no register " + page.pathParam("kind")));
    String format = page.query("format");
    RenderedDocument document =
        documents.render(
            kind,
            policies.current().policy(),
            DocumentLanguage.fromTag(page.language().tag()),
            kind.format(format.isEmpty() ? "csv" : format));
    page.ctx()
        .header("Content-Language", document.language().tag())
        .header("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"")
        .contentType(document.mediaType())
        .result(document.content());
  }

  private PublishedPolicy version(String name) {
    return policies
        .version(name)
        .orElseThrow(() -> new NotFoundException("no published policy version " + name));
  }

  /**
   * @param versions oldest first
   * @param diff the changes asked for, or null
   * @param registers the registers the caller may download; empty without {@code register:read}
   */
  public record PolicyView(
      ConsoleNav nav,
      PublishedPolicy current,
      List<PublishedPolicy> versions,
      Diff diff,
      List<DocumentKind> registers,
      boolean mayPublish,
      String published) {}

  /**
   * An uploaded policy file as checked.
   *
   * @param problems located errors and warnings, in the checker's words
   * @param changes what publishing it would change against the version in force
   * @param hash its content hash, which the confirmation names
   */
  public record Checked(
      ConsoleNav nav,
      List<Problem> problems,
      boolean hasErrors,
      String inForce,
      List<PolicyChange> changes,
      String hash) {}

  public record Diff(String from, String to, List<PolicyChange> changes) {}
}
