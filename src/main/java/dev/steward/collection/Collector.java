package dev.steward.collection;

import dev.steward.audit.AuditTrail;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.OptOutKind;
import dev.steward.consent.OptOuts;
import dev.steward.consent.Party;
import dev.steward.error.BadRequestException;
import dev.steward.error.ConflictException;
import dev.steward.error.NotFoundException;
import dev.steward.policy.Form;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.PublishedPolicy;
import dev.steward.principal.Principal;
import dev.steward.vault.IdentityIndex;
import dev.steward.vault.IdentityType;
import dev.steward.vault.NewRecord;
import dev.steward.vault.NewSubject;
import dev.steward.vault.Provenance;
import dev.steward.vault.Vault;
import dev.steward.web.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Takes a submission of a form the policy declares and stores it in the vault: the person is found
 * by the identities given (or created), each filled field becomes a record with the form's
 * purposes, legal basis, source and system and the notice version in force, and consent given
 * through the form's checkbox becomes a {@link ConsentRecord}. An {@code Idempotency-Key} makes a
 * retry return the first answer without storing anything again. Stateless; thread-safe.
 */
public final class Collector {
  private static final Principal COLLECTION = new Principal.System("collection");
  private static final IdentityType SUBMISSION = IdentityType.of("submission");
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

  private final Vault vault;
  private final IdentityIndex index;
  private final PublishedPolicies policies;
  private final IdempotencyKeys keys;
  private final AuditTrail audit;
  private final ConsentLedger ledger;
  private final OptOuts optOuts;
  private final Clock clock;

  public Collector(
      Vault vault,
      IdentityIndex index,
      PublishedPolicies policies,
      Jdbi store,
      AuditTrail audit,
      ConsentLedger ledger,
      OptOuts optOuts,
      Clock clock) {
    this.vault = vault;
    this.index = index;
    this.policies = policies;
    this.keys = new IdempotencyKeys(store, clock);
    this.audit = audit;
    this.ledger = ledger;
    this.optOuts = optOuts;
    this.clock = clock;
  }

  /**
   * What the browser said besides the form: a Global Privacy Control signal ({@code Sec-GPC: 1}),
   * the device's consent id, if the page sent one ({@code Steward-Consent-Id}), and the person's
   * language ({@code en}, {@code zh-CN}: a double opt-in letter is written in it; null for
   * English).
   */
  public record Signals(boolean gpc, String deviceId, String language) {
    public static final Signals NONE = new Signals(false, null, null);

    public Signals(boolean gpc, String deviceId) {
      this(gpc, deviceId, null);
    }
  }

  /** The acknowledgement of a submission: ids and times, never what was submitted. */
  public record Receipt(String status, UUID submissionId, String form, Instant receivedAt) {}

  /** Stores a submission of {@code formId}; {@code idempotencyKey} may be null. */
  public Receipt collect(String formId, Submission submission, String idempotencyKey) {
    return collect(formId, submission, idempotencyKey, Signals.NONE);
  }

  /**
   * Stores a submission of {@code formId}; with a GPC signal the new subject (and the device, when
   * its consent id came along) is opted out of sale/sharing in the same transaction (11 CCR 7025).
   */
  public Receipt collect(
      String formId, Submission submission, String idempotencyKey, Signals signals) {
    PublishedPolicy notice = policies.current();
    Form form =
        notice.policy().forms().stream()
            .filter(candidate -> candidate.id().equals(formId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("no form '" + formId + "' in the policy"));
    // Keyed, so the hash of a short submission cannot be reversed by guessing.
    String evidence = index.hashNormalized(SUBMISSION, submission.canonical(formId));
    if (signals.deviceId() != null && !Party.isDeviceId(signals.deviceId())) {
      throw new BadRequestException(
          "the Steward-Consent-Id header must be 16 to 128 of A-Z a-z 0-9 - _");
    }
    if (idempotencyKey == null) {
      return store(notice, form, submission, evidence, signals);
    }
    if (!KEY.matcher(idempotencyKey).matches()) {
      throw new BadRequestException(
          "the Idempotency-Key must be 1 to 200 visible ASCII characters");
    }
    var replay = keys.claim(formId, idempotencyKey, evidence);
    if (replay.isPresent()) {
      return read(replay.get());
    }
    try {
      Receipt receipt = store(notice, form, submission, evidence, signals);
      keys.complete(formId, idempotencyKey, write(receipt));
      return receipt;
    } catch (RuntimeException e) {
      keys.release(formId, idempotencyKey);
      throw e;
    }
  }

  private Receipt store(
      PublishedPolicy notice, Form form, Submission submission, String evidence, Signals signals) {
    CollectionPlan plan = CollectionPlan.of(notice.policy(), form, submission);
    FormDefaults defaults = FormDefaults.of(notice.policy(), form);
    NewSubject subject = NewSubject.of(defaults.subjectType(), plan.identities());
    Instant now = clock.instant();
    UUID submissionId = UUID.randomUUID();
    try {
      vault.collect(
          COLLECTION,
          subject,
          id -> records(plan, defaults, notice, id, now),
          (handle, id) ->
              consentAndAudit(
                  handle, notice, form, plan, id, submissionId, evidence, signals, now));
    } catch (ConflictException concurrent) {
      // Another submission took one of these identities a moment ago: now it is a link candidate.
      vault.collect(
          COLLECTION,
          subject,
          id -> records(plan, defaults, notice, id, now),
          (handle, id) ->
              consentAndAudit(
                  handle, notice, form, plan, id, submissionId, evidence, signals, now));
    }
    return new Receipt("received", submissionId, form.id(), now);
  }

  /**
   * Each filled field once per legal basis its purposes rely on. A form proves nothing about who
   * sent it, so the records go to a subject of their own (docs/vault.md, "Linking").
   */
  private static List<NewRecord> records(
      CollectionPlan plan,
      FormDefaults defaults,
      PublishedPolicy notice,
      UUID subject,
      Instant now) {
    List<NewRecord> records = new ArrayList<>();
    for (CollectionPlan.Value value : plan.values()) {
      for (Map.Entry<String, Set<String>> group : plan.purposesByBasis().entrySet()) {
        Provenance provenance =
            new Provenance(
                defaults.source(),
                defaults.system(),
                group.getValue(),
                group.getKey(),
                now,
                notice.version());
        records.add(new NewRecord(subject, value.category(), provenance, value.value()));
      }
    }
    return records;
  }

  private void consentAndAudit(
      Handle handle,
      PublishedPolicy notice,
      Form form,
      CollectionPlan plan,
      UUID subject,
      UUID submissionId,
      String evidence,
      Signals signals,
      Instant now) {
    String consent = "-";
    if (!plan.consentPurposes().isEmpty()) {
      ConsentRecord record =
          FormDefaults.consent(notice, form, plan, subject, submissionId, evidence, now);
      ConsentRecords.insert(handle, record);
      // The ledger's "given" event has the record's id: its receipt names the same consent.
      ledger.appendCollected(
          handle, COLLECTION, given(record, signals.deviceId()), email(plan), signals.language());
      consent = record.id().toString();
    }
    if (signals.deviceId() != null) {
      ledger.link(handle, COLLECTION, signals.deviceId(), subject);
    }
    if (signals.gpc()) {
      java.util.Set<Party> parties = new java.util.LinkedHashSet<>();
      parties.add(Party.subject(subject));
      if (signals.deviceId() != null) {
        parties.add(Party.device(signals.deviceId(), "Steward-Consent-Id"));
      }
      optOuts.optOut(
          handle,
          COLLECTION,
          parties,
          java.util.EnumSet.of(OptOutKind.SALE_SHARING),
          OptOuts.Source.GPC,
          "submission:" + submissionId);
    }
    audit.record(
        handle,
        COLLECTION,
        "collect.submit",
        "form",
        form.id(),
        "ok",
        "submission=" + submissionId + " subject=" + subject + " consent=" + consent);
  }

  /** The email address the form gave, where a double opt-in letter goes; null when none. */
  private static String email(CollectionPlan plan) {
    return plan.identities().stream()
        .filter(identity -> identity.type().equals(dev.steward.vault.IdentityType.EMAIL))
        .map(dev.steward.vault.Identity::value)
        .findFirst()
        .orElse(null);
  }

  private static ConsentEvent given(ConsentRecord record, String deviceId) {
    return new ConsentEvent(
        record.id(),
        record.id(),
        record.subjectId(),
        deviceId,
        ConsentEvent.Kind.GIVEN,
        record.controller(),
        record.purposes(),
        record.categories(),
        record.legalBasis(),
        record.noticeVersion(),
        record.noticeHash(),
        "form",
        record.givenAt(),
        record.expiresAt(),
        record.withdrawal(),
        record.evidenceHash(),
        "form:" + record.formId());
  }

  private static String write(Receipt receipt) {
    try {
      return Json.mapper().writeValueAsString(receipt);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Receipt read(String stored) {
    try {
      return Json.mapper().readValue(stored, Receipt.class);
    } catch (IOException e) {
      throw new ConflictException("the stored answer for this Idempotency-Key is unreadable");
    }
  }
}
