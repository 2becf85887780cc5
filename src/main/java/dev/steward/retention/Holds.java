package dev.steward.retention;

import dev.steward.audit.AuditTrail;
import dev.steward.error.ConflictException;
import dev.steward.error.ForbiddenException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.NotFoundException;
import dev.steward.policy.PublishedPolicies;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Legal holds (GDPR Art. 17(3)(e): data needed for legal claims is kept): placed and released by
 * staff with {@code retention:manage}, each change audited in its own transaction, never deleted. A
 * sweep reads the holds in force before it plans and again before each deletion.
 */
public final class Holds {
  private static final String COLUMNS =
      "id, scope, target, reason, owner, review_on, placed_at, placed_by, released_at,"
          + " released_by, release_reason";

  private final Jdbi jdbi;
  private final PublishedPolicies policies;
  private final Supplier<Set<String>> systems;
  private final AuditTrail audit;
  private final Clock clock;

  /**
   * @param systems the ids of the data systems a sweep reaches ({@code vault} and the connected
   *     ones), which a system hold may name
   */
  public Holds(
      Jdbi jdbi,
      PublishedPolicies policies,
      Supplier<Set<String>> systems,
      AuditTrail audit,
      Clock clock) {
    this.jdbi = jdbi;
    this.policies = policies;
    this.systems = systems;
    this.audit = audit;
    this.clock = clock;
  }

  /** Places a hold after checking every field; nothing is stored when one is wrong. */
  public Hold place(Principal actor, NewHold hold) {
    require(actor, Permission.RETENTION_MANAGE);
    List<FieldProblem> problems = new ArrayList<>();
    text(hold.reason(), 500, "reason", problems);
    text(hold.owner(), 100, "owner", problems);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (hold.reviewOn() == null) {
      problems.add(new FieldProblem("reviewOn", "is required"));
    } else if (hold.reviewOn().isBefore(today)) {
      problems.add(new FieldProblem("reviewOn", "is in the past"));
    }
    if (hold.scope() == null) {
      problems.add(new FieldProblem("scope", "is one of subject, category, system, case"));
    }
    return jdbi.inTransaction(
        handle -> {
          String target = hold.target() == null ? "" : hold.target().strip();
          if (hold.scope() != null) {
            checkTarget(handle, hold.scope(), target, problems);
          }
          if (!problems.isEmpty()) {
            throw new InvalidInputException("the hold was not placed", problems);
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          Hold placed =
              new Hold(
                  UUID.randomUUID(),
                  hold.scope(),
                  target,
                  hold.reason().strip(),
                  hold.owner().strip(),
                  hold.reviewOn(),
                  now,
                  actor.actorId(),
                  null,
                  null,
                  null);
          handle
              .createUpdate(
                  "insert into retention_hold (id, scope, target, reason, owner, review_on,"
                      + " placed_at, placed_by) values (:id, :scope, :target, :reason, :owner,"
                      + " :review, :at, :by)")
              .bind("id", placed.id())
              .bind("scope", placed.scope().code())
              .bind("target", placed.target())
              .bind("reason", placed.reason())
              .bind("owner", placed.owner())
              .bind("review", placed.reviewOn())
              .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
              .bind("by", placed.placedBy())
              .execute();
          audit.record(
              handle,
              actor,
              "retention.hold.placed",
              "retention-hold",
              placed.id().toString(),
              "ok",
              "scope=" + placed.scope().code() + " review=" + placed.reviewOn());
          return placed;
        });
  }

  /** Releases a hold in force; from then on sweeps delete what it kept once a rule says so. */
  public Hold release(Principal actor, UUID id, String reason) {
    require(actor, Permission.RETENTION_MANAGE);
    List<FieldProblem> problems = new ArrayList<>();
    text(reason, 500, "reason", problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the hold was not released", problems);
    }
    return jdbi.inTransaction(
        handle -> {
          Hold hold =
              handle
                  .createQuery(
                      "select " + COLUMNS + " from retention_hold where id = :id for update")
                  .bind("id", id)
                  .map((rs, ctx) -> row(rs))
                  .findOne()
                  .orElseThrow(() -> new NotFoundException("no legal hold " + id));
          if (!hold.active()) {
            throw new ConflictException("the legal hold " + id + " was already released");
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          handle
              .createUpdate(
                  "update retention_hold set released_at = :at, released_by = :by,"
                      + " release_reason = :reason where id = :id")
              .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
              .bind("by", actor.actorId())
              .bind("reason", reason.strip())
              .bind("id", id)
              .execute();
          audit.record(
              handle,
              actor,
              "retention.hold.released",
              "retention-hold",
              id.toString(),
              "ok",
              null);
          return new Hold(
              hold.id(),
              hold.scope(),
              hold.target(),
              hold.reason(),
              hold.owner(),
              hold.reviewOn(),
              hold.placedAt(),
              hold.placedBy(),
              now,
              actor.actorId(),
              reason.strip());
        });
  }

  /** Every hold, those in force first, newest first within each. */
  public List<Hold> list(Principal actor) {
    require(actor, Permission.RETENTION_READ);
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "select "
                        + COLUMNS
                        + " from retention_hold order by case when released_at is null then 0"
                        + " else 1 end, placed_at desc")
                .map((rs, ctx) -> row(rs))
                .list());
  }

  /** The holds in force, as the sweep reads them in its own transaction. */
  static List<Hold> inForce(Handle handle) {
    return handle
        .createQuery("select " + COLUMNS + " from retention_hold where released_at is null")
        .map((rs, ctx) -> row(rs))
        .list();
  }

  static void require(Principal actor, Permission permission) {
    if (!actor.has(permission)) {
      throw new ForbiddenException("this needs " + permission.scope());
    }
  }

  private void checkTarget(
      Handle handle, Hold.Scope scope, String target, List<FieldProblem> problems) {
    if (target.isEmpty() || target.length() > 100) {
      problems.add(new FieldProblem("target", "is required, at most 100 characters"));
      return;
    }
    switch (scope) {
      case SUBJECT -> {
        UUID id = uuid(target);
        boolean known =
            id != null
                && handle
                        .createQuery("select count(*) from vault_subject where id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one()
                    > 0;
        if (!known) {
          problems.add(new FieldProblem("target", "is not the id of a subject in the vault"));
        }
      }
      case CATEGORY -> {
        if (policies.current().policy().category(target).isEmpty()) {
          problems.add(new FieldProblem("target", "is not a category of the policy in force"));
        }
      }
      case SYSTEM -> {
        if (!systems.get().contains(target)) {
          problems.add(
              new FieldProblem(
                  "target",
                  "is not one of the systems " + systems.get().stream().sorted().toList()));
        }
      }
      case CASE -> {
        boolean known =
            handle
                    .createQuery("select count(*) from rights_request where reference = :reference")
                    .bind("reference", target)
                    .mapTo(Long.class)
                    .one()
                > 0;
        if (!known) {
          problems.add(new FieldProblem("target", "is not the reference of a request"));
        }
      }
    }
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void text(String value, int max, String field, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "is required"));
    } else if (value.strip().length() > max) {
      problems.add(new FieldProblem(field, "is longer than " + max + " characters"));
    }
  }

  private static Hold row(ResultSet rs) throws SQLException {
    return new Hold(
        rs.getObject("id", UUID.class),
        Hold.Scope.of(rs.getString("scope")),
        rs.getString("target"),
        rs.getString("reason"),
        rs.getString("owner"),
        rs.getObject("review_on", LocalDate.class),
        instant(rs, "placed_at"),
        rs.getString("placed_by"),
        instant(rs, "released_at"),
        rs.getString("released_by"),
        rs.getString("release_reason"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
