package dev.steward.consent;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.NotFoundException;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.PublishedPolicy;
import dev.steward.policy.Purpose;
import dev.steward.principal.Principal;
import dev.steward.web.OptionalField;
import dev.steward.web.PageLanguage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Consent collected outside Steward's forms — by phone, on paper, by email, in another system, or
 * by a banner — recorded through the API ({@code POST /api/v1/consent-events}). The notice version
 * and hash, controller, legal basis and withdrawal channels come from the policy in force, so a
 * caller cannot record consent to a notice that was never published. Every problem is found before
 * anything is written. Consent given with an email address (the body's {@code email}, or {@code
 * method: email}) to a purpose whose policy entry asks for double opt-in is recorded as {@code
 * pending} and a confirmation letter goes to that address in the body's {@code language}, as for a
 * form (docs/consent.md, "Double opt-in"). Thread-safe.
 */
public final class ConsentRecording {
  private static final Set<String> METHODS =
      Set.of("api", "banner", "email", "phone", "paper", "form");
  private static final Pattern EVIDENCE = Pattern.compile("[\\x21-\\x7e]{1,200}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}");

  private final Jdbi jdbi;
  private final ConsentLedger ledger;
  private final PublishedPolicies policies;
  private final Clock clock;

  public ConsentRecording(
      Jdbi jdbi, ConsentLedger ledger, PublishedPolicies policies, Clock clock) {
    this.jdbi = jdbi;
    this.ledger = ledger;
    this.policies = policies;
    this.clock = clock;
  }

  /** What a caller sends: a subject or a device, and what happened to consent for purposes. */
  public record EventBody(
      @OptionalField String subject,
      @OptionalField String device,
      String event,
      List<String> purposes,
      @OptionalField List<String> categories,
      String method,
      @OptionalField Instant expiresAt,
      String evidence,
      @OptionalField String email,
      @OptionalField String language) {

    /** The body without an email address or language, as before double opt-in through the API. */
    public EventBody(
        String subject,
        String device,
        String event,
        List<String> purposes,
        List<String> categories,
        String method,
        Instant expiresAt,
        String evidence) {
      this(subject, device, event, purposes, categories, method, expiresAt, evidence, null, null);
    }
  }

  /** The events written: ids only. */
  public record Recorded(List<RecordedEvent> events) {}

  public record RecordedEvent(UUID id, UUID consentId, String event) {}

  public Recorded record(Principal actor, EventBody body) {
    PublishedPolicy notice = policies.current();
    Policy policy = notice.policy();
    List<FieldProblem> problems = new ArrayList<>();
    UUID subject = null;
    if (body.subject() != null) {
      try {
        subject = UUID.fromString(body.subject());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("subject", "not a subject id"));
      }
    }
    if (body.device() != null && !Party.isDeviceId(body.device())) {
      problems.add(new FieldProblem("device", "not a device id: 16 to 128 of A-Z a-z 0-9 - _"));
    }
    if (body.subject() == null && body.device() == null) {
      problems.add(new FieldProblem("subject", "give a subject, a device, or both"));
    }
    ConsentEvent.Kind kind = null;
    try {
      kind = ConsentEvent.Kind.of(body.event() == null ? "" : body.event());
      if (kind == ConsentEvent.Kind.PENDING) {
        // Only Steward's own confirmation letter makes a consent pending (double opt-in).
        throw new IllegalArgumentException("pending");
      }
    } catch (IllegalArgumentException e) {
      problems.add(
          new FieldProblem("event", "one of given, refused, withdrawn, expired, reconsented"));
    }
    List<String> purposes = body.purposes() == null ? List.of() : body.purposes();
    if (purposes.isEmpty()) {
      problems.add(new FieldProblem("purposes", "name at least one purpose"));
    }
    Set<String> categories = new LinkedHashSet<>();
    Set<String> withdrawal = new LinkedHashSet<>();
    List<String> confirmable = new ArrayList<>();
    for (int i = 0; i < purposes.size(); i++) {
      Purpose purpose = policy.purpose(String.valueOf(purposes.get(i))).orElse(null);
      if (purpose == null && PiplConsents.declared(policy, String.valueOf(purposes.get(i)))) {
        // PIPL Art. 13(1), 39: a consent the policy's China jurisdiction names, e.g. to transfer.
        PiplConsents.withdrawal(policy).forEach(withdrawal::add);
      } else if (purpose == null) {
        problems.add(
            new FieldProblem(
                "purposes[" + i + "]", "the policy in force declares no such purpose"));
      } else if (!purpose.isConsentBased()) {
        // GDPR Art. 6(1): consent recorded for a purpose on another basis would mislead.
        problems.add(
            new FieldProblem("purposes[" + i + "]", "this purpose does not rest on consent"));
      } else {
        if (purpose.doubleOptIn()) {
          confirmable.add(purpose.id());
        }
        categories.addAll(purpose.categories());
        purpose.withdrawal().forEach(c -> withdrawal.add(c.name().toLowerCase(Locale.ROOT)));
      }
    }
    if (body.categories() != null) {
      categories.clear();
      for (int i = 0; i < body.categories().size(); i++) {
        String category = body.categories().get(i);
        if (category == null || policy.category(category).isEmpty()) {
          problems.add(new FieldProblem("categories[" + i + "]", "not a category of the policy"));
        } else {
          categories.add(category);
        }
      }
    }
    if (body.method() == null || !METHODS.contains(body.method())) {
      problems.add(new FieldProblem("method", "one of " + String.join(", ", METHODS)));
    }
    if (body.evidence() == null || !EVIDENCE.matcher(body.evidence()).matches()) {
      problems.add(
          new FieldProblem("evidence", "an id or reference of 1 to 200 visible ASCII characters"));
    }
    if (body.email() != null && !EMAIL.matcher(body.email()).matches()) {
      problems.add(new FieldProblem("email", "not an email address"));
    }
    if (body.language() != null && PageLanguage.ofTag(body.language()).isEmpty()) {
      problems.add(new FieldProblem("language", "one of en, zh-CN"));
    }
    // Consent by email to a purpose that asks for double opt-in waits for the address's owner.
    boolean confirmByEmail =
        kind != null
            && kind.grants()
            && !confirmable.isEmpty()
            && (body.email() != null || "email".equals(body.method()));
    if (confirmByEmail && body.email() == null) {
      problems.add(
          new FieldProblem(
              "email",
              "give the address consent was given with: "
                  + String.join(", ", confirmable)
                  + " asks for double opt-in, confirmed through a link sent there"));
    }
    if (confirmByEmail && body.subject() == null) {
      problems.add(
          new FieldProblem(
              "subject", "double opt-in needs the subject whose address confirms the consent"));
    }
    Instant now = clock.instant();
    if (body.expiresAt() != null && !body.expiresAt().isAfter(now)) {
      problems.add(new FieldProblem("expiresAt", "must be in the future"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems.get(0).message(), problems);
    }
    UUID subjectId = subject;
    ConsentEvent.Kind what = kind;
    return jdbi.inTransaction(
        handle -> {
          if (subjectId != null
              && handle
                      .createQuery("select count(*) from vault_subject where id = :id")
                      .bind("id", subjectId)
                      .mapTo(Integer.class)
                      .one()
                  == 0) {
            throw new NotFoundException("no subject " + subjectId);
          }
          List<ConsentEvent> written;
          if (what == ConsentEvent.Kind.WITHDRAWN && subjectId != null && body.device() == null) {
            // Ends the consents actually live, keeping each one's own chain.
            written =
                ledger.withdraw(
                    handle,
                    actor,
                    subjectId,
                    Set.copyOf(purposes),
                    body.method(),
                    body.evidence(),
                    "api");
          } else {
            UUID id = UUID.randomUUID();
            ConsentEvent event =
                new ConsentEvent(
                    id,
                    id,
                    subjectId,
                    body.device(),
                    what,
                    policy.jurisdictions().get(0).controller(),
                    List.copyOf(new LinkedHashSet<>(purposes)),
                    List.copyOf(categories),
                    dev.steward.policy.LegalBasis.CONSENT,
                    notice.version(),
                    notice.contentHash(),
                    body.method(),
                    now,
                    what.grants() ? body.expiresAt() : null,
                    List.copyOf(withdrawal),
                    body.evidence(),
                    "api");
            written =
                confirmByEmail
                    ? ledger.appendCollected(handle, actor, event, body.email(), body.language())
                    : List.of(ledger.append(handle, actor, event));
            if (subjectId != null && body.device() != null) {
              ledger.link(handle, actor, body.device(), subjectId);
            }
          }
          return new Recorded(
              written.stream()
                  .map(e -> new RecordedEvent(e.id(), e.consentId(), e.kind().code()))
                  .toList());
        });
  }
}
