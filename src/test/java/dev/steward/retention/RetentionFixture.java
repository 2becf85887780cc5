package dev.steward.retention;

import dev.steward.audit.AuditTrail;
import dev.steward.fulfilment.DataSystem;
import dev.steward.keys.Keys;
import dev.steward.policy.FixedPolicies;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PublishedPolicies;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.principal.Role;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import dev.steward.store.TestDatabases;
import dev.steward.vault.Identity;
import dev.steward.vault.NewRecord;
import dev.steward.vault.NewSubject;
import dev.steward.vault.Provenance;
import dev.steward.vault.ReturningPerson;
import dev.steward.vault.VaultServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A store of one engine with the bundled policy in force, a vault, real keys (the audit signing key
 * signs certificates), audit entries kept in memory and a clock the test sets.
 */
final class RetentionFixture implements AutoCloseable {
  static final Principal SYSTEM = new Principal.System("test");
  static final Principal DPO =
      new Principal.Staff(UUID.randomUUID(), Role.DPO, EnumSet.allOf(Permission.class), null);

  record Entry(String action, String objectId, String outcome, String detail) {}

  final List<Entry> entries = new CopyOnWriteArrayList<>();
  final AuditTrail audit =
      (actor, action, objectType, objectId, outcome, detail) ->
          entries.add(new Entry(action, objectId, outcome, detail));
  final SetClock clock = new SetClock(Instant.parse("2025-01-01T00:00:00Z"));
  final Database store;
  final VaultServices vault;
  final PublishedPolicies policies;
  final Keys keys;
  final RetentionSweep sweep;
  final Holds holds;

  RetentionFixture(Engine engine, List<DataSystem> systems) {
    this(engine, systems, PolicyChecker.bundledText());
  }

  /** A fixture whose policy in force is {@code policyText}. */
  RetentionFixture(Engine engine, List<DataSystem> systems, String policyText) {
    store = TestDatabases.open(engine);
    policies =
        FixedPolicies.of(new PolicyChecker(clock).check("test-policy.yaml", policyText).orThrow());
    try {
      keys = Keys.load(Files.createTempDirectory("steward-keys-"), Map.of(), store.jdbi(), clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    vault =
        VaultServices.open(
            store,
            StoreSettings.of(TestDatabases.freshUrl(engine)),
            keys,
            policies,
            "GB",
            audit,
            clock);
    sweep =
        new RetentionSweep(
            store.jdbi(), vault.vault(), policies, systems, new Certificates(keys), audit, clock);
    holds = new Holds(store.jdbi(), policies, sweep::systemIds, audit, clock);
  }

  /** A subject whose relationship ended on {@code end} (null: ongoing), with one record each. */
  UUID subject(String type, LocalDate end, Boolean under13, String email, String... categories) {
    UUID id =
        vault
            .vault()
            .createSubject(
                SYSTEM,
                new NewSubject(type, null, end, under13, null, List.of(Identity.email(email))),
                ReturningPerson.REFUSE);
    List<NewRecord> records = new ArrayList<>();
    for (String category : categories) {
      records.add(
          new NewRecord(
              id,
              category,
              new Provenance(
                  "the-person",
                  "email-im",
                  Set.of("relationship-admin"),
                  "dpv:Contract",
                  clock.instant(),
                  null),
              "value of " + category));
    }
    vault.vault().addRecords(SYSTEM, records);
    return id;
  }

  /** The vault records the subject still has, by category. */
  List<String> categories(UUID subject) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select category from vault_record where subject_id = :s order by"
                            + " category")
                    .bind("s", subject)
                    .mapTo(String.class)
                    .list());
  }

  boolean erased(UUID subject) {
    return store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from vault_tombstone where subject_id = :s")
                        .bind("s", subject)
                        .mapTo(Long.class)
                        .one())
        > 0;
  }

  /** Seeds an objection to direct marketing as the consent feature records it. */
  void optOutOfMarketing(UUID subject, Instant at) {
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "insert into opt_out_event (id, party, kind, action, source,"
                            + " occurred_at) values (:id, :party, 'direct_marketing', 'opt_out',"
                            + " 'api', :at)")
                    .bind("id", UUID.randomUUID())
                    .bind("party", "subject:" + subject)
                    .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                    .execute());
  }

  /** The bundled policy with {@code rules} (YAML list items) added to its retention rules. */
  static String bundledWith(String rules) {
    String text = PolicyChecker.bundledText();
    if (!text.contains("\nretention:\n")) {
      throw new AssertionError("the bundled policy has no retention section");
    }
    return text.replace("\nretention:\n", "\nretention:\n" + rules);
  }

  void update(String sql, Object... args) {
    store.jdbi().useHandle(h -> h.execute(sql, args));
  }

  static OffsetDateTime at(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** The keyed hash of the subject's (first) identity, as the vault indexes it. */
  String identityHash(UUID subject) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select hash from vault_identity where subject_id = :s")
                    .bind("s", subject)
                    .mapTo(String.class)
                    .list()
                    .get(0));
  }

  /** Seeds a privacy-center sign-in by an identity of the subject, as the session feature does. */
  void signIn(UUID subject, Instant at) {
    update(
        "insert into subject_session (id, token_hash, identity_type, subject_ref, created_at,"
            + " expires_at, revoked_at) values (?, ?, 'email', ?, ?, ?, null)",
        UUID.randomUUID(),
        UUID.randomUUID().toString().replace("-", ""),
        identityHash(subject),
        at(at),
        at(at.plus(Duration.ofMinutes(30))));
  }

  /** Seeds a consent choice of the subject's in the consent ledger. */
  void consentEvent(UUID subject, String kind, Instant at) {
    update(
        "insert into consent_event (id, consent_id, subject_id, device_id, kind, controller,"
            + " purposes, categories, legal_basis, notice_version, notice_hash, method,"
            + " occurred_at, expires_at, withdrawal, evidence, source, recorded_at) values (?, ?,"
            + " ?, null, ?, 'c', 'newsletter', 'marketing', 'dpv:Consent', '1', 'h', 'form', ?,"
            + " null, 'link', 'e', 'api', ?)",
        UUID.randomUUID(),
        UUID.randomUUID(),
        subject,
        kind,
        at(at),
        at(at));
  }

  /** Seeds a rights request of the subject's, received at {@code received}, closed or open. */
  UUID request(UUID subject, Instant received, Instant closed) {
    UUID id = UUID.randomUUID();
    update(
        "insert into rights_request (id, reference, request_type, residence, language, channel,"
            + " state, contact_sealed, has_email, subject_id, submitted_by_type,"
            + " submitted_by_id, received_at, logged_at, verification_level,"
            + " verification_needed, verification_done, paused, closed_at) values (?, ?,"
            + " 'access', 'GB', 'en', 'api', ?, ?, true, ?, 'staff', 'x', ?, ?, 'none', '', '',"
            + " false, ?)",
        id,
        id.toString().substring(0, 16),
        closed == null ? "in_progress" : "completed",
        new byte[] {1},
        subject,
        at(received),
        at(received),
        at(closed));
    return id;
  }

  List<Entry> withAction(String action) {
    return entries.stream().filter(e -> e.action().equals(action)).toList();
  }

  @Override
  public void close() {
    vault.close();
    store.close();
  }

  /** A clock the test sets. */
  static final class SetClock extends Clock {
    private volatile Instant now;

    SetClock(Instant now) {
      this.now = now;
    }

    void set(Instant at) {
      now = at;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
