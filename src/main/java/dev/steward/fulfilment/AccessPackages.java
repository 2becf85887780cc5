package dev.steward.fulfilment;

import dev.steward.audit.AuditTrail;
import dev.steward.error.GoneException;
import dev.steward.error.StewardException;
import dev.steward.policy.PublishedPolicies;
import dev.steward.principal.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Access packages at rest (sealed under the request key) and their download by signed link. GDPR
 * Art. 15(3): the first copy is free; each later download records the fee the policy declares for
 * the request's jurisdictions (no payment is taken here). Thread-safe.
 */
final class AccessPackages {
  private final Jdbi jdbi;
  private final Sealing sealing;
  private final DownloadLinks links;
  private final PublishedPolicies policies;
  private final AuditTrail audit;
  private final Duration lifetime;
  private final Clock clock;

  AccessPackages(
      Jdbi jdbi,
      Sealing sealing,
      DownloadLinks links,
      PublishedPolicies policies,
      AuditTrail audit,
      Duration lifetime,
      Clock clock) {
    this.jdbi = jdbi;
    this.sealing = sealing;
    this.links = links;
    this.policies = policies;
    this.audit = audit;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /**
   * Stores the package of a request once; returns the download path of a fresh link. A package of a
   * subject erased since its items were read is stored erased (GDPR Art. 17): its link answers 410.
   */
  String store(Plan plan, byte[] zip) {
    Instant now = clock.instant();
    Instant expires = now.plus(lifetime);
    UUID id =
        jdbi.inTransaction(
            handle -> {
              Optional<Instant> erased = TaskRows.lockSubjectErased(handle, plan.requestId());
              Optional<UUID> existing =
                  handle
                      .createQuery("select id from access_package where request_id = :r")
                      .bind("r", plan.requestId())
                      .mapTo(UUID.class)
                      .findFirst();
              if (existing.isPresent()) {
                return existing.get();
              }
              UUID created = UUID.randomUUID();
              handle
                  .createUpdate(
                      "insert into access_package (id, request_id, subject_id, sealed,"
                          + " size_bytes, created_at, expires_at, erased_at) values (:id, :r, :s,"
                          + " :sealed, :size, :now, :expires, :erased)")
                  .bind("id", created)
                  .bind("r", plan.requestId())
                  .bind("s", holder(plan))
                  .bindByType(
                      "sealed",
                      erased.isPresent()
                          ? null
                          : sealing.seal(plan.requestId(), "package:" + created, zip),
                      byte[].class)
                  .bind("size", zip.length)
                  .bind("now", now)
                  .bind("expires", expires)
                  .bindByType("erased", erased.orElse(null), Instant.class)
                  .execute();
              return created;
            });
    return links.path(id, holder(plan), expires);
  }

  /**
   * Whom a package is bound to: the vault subject, or for a person the vault does not know (reached
   * only through the request's identities) the request itself.
   */
  private static UUID holder(Plan plan) {
    return plan.subjectId() != null ? plan.subjectId() : plan.requestId();
  }

  /**
   * The package of a request as its owner's status page offers it: where it stands and, while it
   * may be downloaded, the signed path of its ZIP, valid until the package's own expiry. Counts no
   * copy; empty when the request has no package.
   */
  Optional<PackageLinks.Offer> offer(UUID requestId) {
    Instant now = clock.instant();
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "select id, subject_id, expires_at, erased_at from access_package"
                        + " where request_id = :r")
                .bind("r", requestId)
                .map(
                    (rs, ctx) -> {
                      UUID id = rs.getObject(1, UUID.class);
                      Instant expires = rs.getObject(3, OffsetDateTime.class).toInstant();
                      if (rs.getObject(4, OffsetDateTime.class) != null) {
                        return new PackageLinks.Offer(PackageLinks.State.ERASED, null);
                      }
                      if (!now.isBefore(expires)) {
                        return new PackageLinks.Offer(PackageLinks.State.EXPIRED, null);
                      }
                      String page = links.path(id, rs.getObject(2, UUID.class), expires);
                      return new PackageLinks.Offer(
                          PackageLinks.State.READY,
                          DownloadLinks.PATH + page.substring(DownloadLinks.PAGE.length()));
                    })
                .findFirst());
  }

  /** Where a link stands, without serving or counting a copy. */
  PackageLinks.State state(UUID id, String subject, String expires, String signature) {
    try {
      links.check(id, subject, expires, signature, clock.instant());
    } catch (GoneException e) {
      return PackageLinks.State.EXPIRED;
    } catch (StewardException e) {
      return PackageLinks.State.INVALID;
    }
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("select subject_id, erased_at from access_package where id = :id")
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        !String.valueOf(rs.getObject(1, UUID.class)).equals(subject)
                            ? PackageLinks.State.INVALID
                            : rs.getObject(2, OffsetDateTime.class) != null
                                ? PackageLinks.State.ERASED
                                : PackageLinks.State.READY)
                .findOne()
                .orElse(PackageLinks.State.INVALID));
  }

  /**
   * The ZIP behind a valid link; a forged, expired or other subject's link gets nothing, nor does
   * the link of a package erased with its person (410).
   */
  byte[] download(UUID id, String subject, String expires, String signature) {
    Instant now = clock.instant();
    links.check(id, subject, expires, signature, now);
    return jdbi.inTransaction(
        handle -> {
          var row =
              handle
                  .createQuery(
                      "select request_id, subject_id, sealed, erased_at from access_package"
                          + " where id = :id for update")
                  .bind("id", id)
                  .map(
                      (rs, ctx) ->
                          new Object[] {
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getBytes(3),
                            rs.getObject(4, OffsetDateTime.class)
                          })
                  .findOne()
                  .filter(r -> r[1].toString().equals(subject))
                  .orElseThrow(
                      () ->
                          new StewardException(
                              "invalid-link", 403, "this download link is not valid"));
          if (row[3] != null) {
            throw new GoneException(
                "package-erased",
                "the personal data behind this link has been erased and can no longer be"
                    + " downloaded");
          }
          UUID requestId = (UUID) row[0];
          int copy =
              handle
                      .createQuery(
                          "select count(*) from access_package_download where package_id = :id")
                      .bind("id", id)
                      .mapTo(Integer.class)
                      .one()
                  + 1;
          String fee = copy == 1 ? null : fee(handle, requestId);
          handle
              .createUpdate(
                  "insert into access_package_download (package_id, copy_number, fee,"
                      + " downloaded_at) values (:id, :copy, :fee, :now)")
              .bind("id", id)
              .bind("copy", copy)
              .bind("fee", fee)
              .bind("now", now)
              .execute();
          audit.record(
              handle,
              new Principal.System("download-link"),
              "access-package.download",
              "access_package",
              id.toString(),
              "ok",
              "copy=" + copy);
          return sealing.open(requestId, "package:" + id, (byte[]) row[2]);
        });
  }

  private String fee(org.jdbi.v3.core.Handle handle, UUID requestId) {
    var plan = TaskRows.plan(handle, requestId).orElseThrow();
    var policy = policies.current().policy();
    return plan.jurisdictions().stream()
        .flatMap(j -> policy.jurisdiction(j).stream())
        .flatMap(j -> j.right(plan.type()).stream())
        .flatMap(r -> r.fee().stream())
        .findFirst()
        .orElse("none declared");
  }
}
