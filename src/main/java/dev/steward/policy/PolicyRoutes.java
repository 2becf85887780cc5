package dev.steward.policy;

import dev.steward.error.InvalidInputException;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;
import java.time.ZoneOffset;
import java.util.List;

/** The policy in force, its versions and their differences, and the GPC declaration. */
public final class PolicyRoutes {
  private final PublishedPolicies policies;
  private final PolicyPublishing publishing;

  public PolicyRoutes(PublishedPolicies policies) {
    this(policies, null);
  }

  /** With {@code publishing}, also the route that checks and publishes a new version. */
  public PolicyRoutes(PublishedPolicies policies, PolicyPublishing publishing) {
    this.policies = policies;
    this.publishing = publishing;
  }

  /**
   * A policy to check or publish: its main file's text and the files it includes, by the names its
   * {@code include}s give them.
   *
   * @param file the main file's name, for the located messages (default {@code policy.yaml})
   * @param checkOnly check and compare with the version in force, store nothing
   */
  public record PolicyUpload(
      String file, String text, java.util.Map<String, String> includes, Boolean checkOnly) {}

  /**
   * What a check or a publication found.
   *
   * @param published false for a check only
   * @param inForceFrom when the published version takes force; null for a check only
   * @param significant whether people must be told of the changes
   * @param changes what changes against the version in force
   * @param warnings the check's warnings, as FILE:LINE:COLUMN messages
   */
  public record PublicationAnswer(
      String version,
      String contentHash,
      boolean published,
      java.time.Instant publishedAt,
      java.time.Instant inForceFrom,
      boolean significant,
      List<PolicyChange> changes,
      List<String> warnings) {}

  /**
   * One published version, without its content.
   *
   * @param inForceFrom when it took or takes force: the later of its publication and the start of
   *     its effective date
   */
  public record VersionInfo(
      String version,
      String effectiveDate,
      String contentHash,
      java.time.Instant publishedAt,
      java.time.Instant inForceFrom) {}

  /** Every published version, oldest first. */
  public record Versions(List<VersionInfo> versions) {}

  /** The differences between two versions. */
  public record DiffAnswer(
      String from, String to, boolean significant, List<PolicyChange> changes) {}

  /** {@code /.well-known/gpc.json} (GPC specification, "Well-known resource"). */
  public record GpcDeclaration(boolean gpc, String lastUpdate) {}

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.get("/api/v1/policy")
            .access(Access.requires(Permission.POLICY_READ))
            .tag("policy")
            .summary("The policy in force, as JSON")
            .response(Policy.class)
            .handle((ctx, caller) -> ctx.json(policies.current().policy())));
    routes.add(
        ApiRoute.get("/api/v1/policy/versions")
            .access(Access.requires(Permission.POLICY_READ))
            .tag("policy")
            .summary("Every published version, oldest first")
            .response(Versions.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(
                        new Versions(policies.all().stream().map(PolicyRoutes::info).toList()))));
    if (publishing != null) {
      routes.add(
          ApiRoute.post("/api/v1/policy/versions")
              .access(Access.requires(Permission.POLICY_PUBLISH))
              .tag("policy")
              .summary(
                  "Check a policy and publish it as a new version (checkOnly: check and compare"
                      + " only); refused with every FILE:LINE:COLUMN problem")
              .request(PolicyUpload.class)
              .response(PublicationAnswer.class)
              .status(201)
              .handle(
                  (ctx, caller) -> {
                    PolicyUpload upload = Json.read(ctx, PolicyUpload.class);
                    boolean checkOnly = Boolean.TRUE.equals(upload.checkOnly());
                    PolicyPublishing.Outcome outcome =
                        publishing.publish(snapshot(upload), caller, checkOnly);
                    ctx.status(checkOnly ? 200 : 201).json(answer(outcome));
                  }));
    }
    routes.add(
        ApiRoute.get("/api/v1/policy/diff")
            .access(Access.requires(Permission.POLICY_READ))
            .tag("policy")
            .summary("What changed between two versions (?from=&to=), with significance")
            .response(DiffAnswer.class)
            .handle(
                (ctx, caller) -> {
                  PublishedPolicy from = named(ctx.queryParam("from"), "from");
                  PublishedPolicy to =
                      ctx.queryParam("to") == null
                          ? policies.current()
                          : named(ctx.queryParam("to"), "to");
                  List<PolicyChange> changes = PolicyDiff.between(from.policy(), to.policy());
                  ctx.json(
                      new DiffAnswer(
                          from.version(),
                          to.version(),
                          changes.stream().anyMatch(PolicyChange::significant),
                          changes));
                }));
    routes.add(
        ApiRoute.get("/.well-known/gpc.json")
            .access(Access.open(PublicKind.WELL_KNOWN))
            .tag("policy")
            .summary("Global Privacy Control support declaration")
            .response(GpcDeclaration.class)
            .handle(
                (ctx, caller) ->
                    ctx.json(
                        new GpcDeclaration(
                            true,
                            policies
                                .current()
                                .inForceFrom()
                                .atZone(ZoneOffset.UTC)
                                .toLocalDate()
                                .toString()))));
  }

  private PublishedPolicy named(String version, String parameter) {
    if (version == null || version.isBlank()) {
      throw new InvalidInputException("the query parameter '" + parameter + "' names a version");
    }
    return policies
        .version(version)
        .orElseThrow(() -> new NotFoundException("no published policy version " + version));
  }

  private static PolicySnapshot snapshot(PolicyUpload upload) {
    if (upload.text() == null || upload.text().isBlank()) {
      throw new InvalidInputException("'text' holds the policy file's YAML");
    }
    String file =
        upload.file() == null || upload.file().isBlank() ? "policy.yaml" : upload.file().strip();
    java.util.Map<String, String> files = new java.util.HashMap<>();
    if (upload.includes() != null) {
      upload
          .includes()
          .forEach(
              (name, text) -> {
                if (name == null || name.isBlank() || text == null) {
                  throw new InvalidInputException(
                      "each entry of 'includes' names an included file and holds its text");
                }
                files.put(name, text);
              });
    }
    if (files.containsKey(file)) {
      throw new InvalidInputException("'includes' repeats the main file " + file);
    }
    files.put(file, upload.text());
    return new PolicySnapshot(file, files);
  }

  private static PublicationAnswer answer(PolicyPublishing.Outcome outcome) {
    return new PublicationAnswer(
        outcome.version(),
        outcome.contentHash(),
        outcome.published().isPresent(),
        outcome.published().map(PublishedPolicy::publishedAt).orElse(null),
        outcome.published().map(PublishedPolicy::inForceFrom).orElse(null),
        outcome.significant(),
        outcome.changes(),
        outcome.warnings());
  }

  private static VersionInfo info(PublishedPolicy published) {
    return new VersionInfo(
        published.version(),
        published.policy().effectiveDate(),
        published.contentHash(),
        published.publishedAt(),
        published.inForceFrom());
  }
}
