package dev.steward.console;

import dev.steward.error.NotFoundException;
import dev.steward.policy.PolicyChange;
import dev.steward.policy.PolicyDiff;
import dev.steward.policy.PublishedPolicies;
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
import java.util.List;

/**
 * The policy in force, every published version and what changed between two, and the registers
 * (record of processing, sub-processors, transfers) to download, rendered by the same {@link
 * PolicyDocuments} as the API's {@code /api/v1/policy/ropa} and its siblings. The console's cookie
 * session reaches them here, since the API takes bearer tokens only.
 */
public final class PolicyPages {
  private static final List<DocumentKind> REGISTERS =
      List.of(DocumentKind.PROCESSING_RECORD, DocumentKind.SUB_PROCESSORS, DocumentKind.TRANSFERS);

  private final PublishedPolicies policies;
  private final PolicyDocuments documents;

  public PolicyPages(PublishedPolicies policies, PolicyDocuments documents) {
    this.policies = policies;
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
            page.caller().has(Permission.REGISTER_READ) ? REGISTERS : List.of()));
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
      List<DocumentKind> registers) {}

  public record Diff(String from, String to, List<PolicyChange> changes) {}
}
