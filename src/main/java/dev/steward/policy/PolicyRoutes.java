package dev.steward.policy;

import dev.steward.error.InvalidInputException;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;
import java.time.ZoneOffset;
import java.util.List;

/** The policy in force, its versions and their differences, and the GPC declaration. */
public final class PolicyRoutes {
  private final PublishedPolicies policies;

  public PolicyRoutes(PublishedPolicies policies) {
    this.policies = policies;
  }

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

  private static VersionInfo info(PublishedPolicy published) {
    return new VersionInfo(
        published.version(),
        published.policy().effectiveDate(),
        published.contentHash(),
        published.publishedAt(),
        published.inForceFrom());
  }
}
