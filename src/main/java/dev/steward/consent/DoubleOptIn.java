package dev.steward.consent;

import dev.steward.mail.LetterTemplate;
import dev.steward.mail.Outbox;
import dev.steward.mail.OutgoingMail;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.Purpose;
import dev.steward.principal.Principal;
import dev.steward.vault.IdentityIndex;
import dev.steward.vault.IdentityType;
import dev.steward.web.PageLanguage;
import dev.steward.web.PublicUrl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Double opt-in: consent given with an email address for a purpose whose policy entry says {@code
 * double_opt_in: true} is recorded as {@code pending} — which allows nothing — and a letter asks
 * the address's owner to confirm through a link to the privacy center. Confirming appends a {@code
 * given} event for the same consent with the confirmation as its evidence, so the controller can
 * show that the address's owner consented (GDPR Art. 7(1)). The link carries a token signed over
 * the confirmation's id and expiry (HMAC under the identity-index key, never in the store); the
 * confirmation is used once. Thread-safe.
 */
public final class DoubleOptIn {
  /** How long a confirmation link works. */
  public static final Duration LIFETIME = Duration.ofDays(7);

  static final String PATH = "/consent/confirm";
  private static final IdentityType SIGNING = IdentityType.of("consent_confirmation");
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final Jdbi jdbi;
  private final ConsentLedger ledger;
  private final Outbox outbox;
  private final IdentityIndex index;
  private final PublicUrl publicUrl;
  private final PublishedPolicies policies;
  private final Clock clock;
  private final Map<PageLanguage, LetterTemplate> letters;

  public DoubleOptIn(
      Jdbi jdbi,
      ConsentLedger ledger,
      Outbox outbox,
      IdentityIndex index,
      PublicUrl publicUrl,
      PublishedPolicies policies,
      Clock clock) {
    this.jdbi = jdbi;
    this.ledger = ledger;
    this.outbox = outbox;
    this.index = index;
    this.publicUrl = publicUrl;
    this.policies = policies;
    this.clock = clock;
    // Read now, so a missing template fails at start-up, not at the first letter.
    this.letters = new java.util.EnumMap<>(PageLanguage.class);
    for (PageLanguage language : PageLanguage.values()) {
      letters.put(
          language, LetterTemplate.load("letters/" + language.tag() + "/consent-confirmation.txt"));
    }
  }

  /** What a confirmation link leads to, before the person confirms. */
  public enum Status {
    /** Valid and not yet used: the page offers the button. */
    OPEN,
    /** Already confirmed: nothing more to do. */
    CONFIRMED,
    /** Confirmed by this very call. */
    DONE,
    /** Past its expiry. */
    EXPIRED,
    /** Not a token Steward signed: forged, cut or mistyped. */
    INVALID
  }

  /**
   * Appends a consent given with {@code email}, in the caller's transaction: the purposes that ask
   * for double opt-in get a {@code pending} event under the event's id and a confirmation letter;
   * the others are given at once, under the same consent.
   *
   * @param language the person's language tag ({@code en}, {@code zh-CN}); the letter falls back to
   *     English for any other
   * @return the events appended
   */
  public List<ConsentEvent> appendGiven(
      Handle handle, Principal actor, ConsentEvent given, String email, String language) {
    Policy policy = policies.current().policy();
    List<String> confirm = new ArrayList<>();
    List<String> now = new ArrayList<>();
    for (String purpose : given.purposes()) {
      boolean asks = policy.purpose(purpose).map(Purpose::doubleOptIn).orElse(false);
      (asks ? confirm : now).add(purpose);
    }
    if (confirm.isEmpty() || email == null || given.subjectId() == null) {
      return List.of(ledger.append(handle, actor, given));
    }
    List<ConsentEvent> appended = new ArrayList<>();
    ConsentEvent pending =
        new ConsentEvent(
            given.id(),
            given.consentId(),
            given.subjectId(),
            given.deviceId(),
            ConsentEvent.Kind.PENDING,
            given.controller(),
            confirm,
            given.categories(),
            given.legalBasis(),
            given.noticeVersion(),
            given.noticeHash(),
            given.method(),
            given.occurredAt(),
            given.expiresAt(),
            given.withdrawal(),
            given.evidence(),
            given.source());
    appended.add(ledger.append(handle, actor, pending));
    if (!now.isEmpty()) {
      appended.add(
          ledger.append(
              handle,
              actor,
              given.next(
                  UUID.randomUUID(),
                  given.kind(),
                  now,
                  given.method(),
                  given.occurredAt(),
                  given.evidence(),
                  given.source())));
    }
    PageLanguage tag = PageLanguage.ofTag(language).orElse(PageLanguage.EN);
    UUID id = UUID.randomUUID();
    Instant created = clock.instant();
    Instant expires = created.plus(LIFETIME);
    handle
        .createUpdate(
            "insert into consent_confirmation (id, consent_id, subject_id, purposes, locale,"
                + " created_at, expires_at) values (:id, :consent, :subject, :purposes, :locale,"
                + " :created, :expires)")
        .bind("id", id)
        .bind("consent", given.consentId())
        .bind("subject", given.subjectId())
        .bind("purposes", String.join(",", confirm))
        .bind("locale", tag.tag())
        .bind("created", created)
        .bind("expires", expires)
        .execute();
    outbox.enqueue(handle, letter(tag, email, id, expires, confirm, policy));
    return appended;
  }

  /** Where a token leads, without using it (the page's GET, which mail scanners also fetch). */
  public Status status(String token) {
    Optional<Signed> signed = verify(token);
    if (signed.isEmpty()) {
      return Status.INVALID;
    }
    return jdbi.withHandle(handle -> row(handle, signed.get().id()))
        .map(this::statusOf)
        .orElse(Status.INVALID);
  }

  /**
   * The person confirms: a {@code given} event for the pending purposes, method {@code email},
   * evidence the confirmation's id, in one transaction that also marks the confirmation used.
   * Confirming again changes nothing and answers {@link Status#CONFIRMED}.
   *
   * @return DONE, or why nothing happened
   */
  public Status confirm(String token) {
    Optional<Signed> signed = verify(token);
    if (signed.isEmpty()) {
      return Status.INVALID;
    }
    return jdbi.inTransaction(
        handle -> {
          Optional<Row> row = row(handle, signed.get().id());
          if (row.isEmpty()) {
            return Status.INVALID;
          }
          Status status = statusOf(row.get());
          if (status != Status.OPEN) {
            return status;
          }
          Instant now = clock.instant();
          // Only one transaction can move the row from unused to used.
          int claimed =
              handle
                  .createUpdate(
                      "update consent_confirmation set confirmed_at = :now where id = :id"
                          + " and confirmed_at is null")
                  .bind("now", now)
                  .bind("id", row.get().id())
                  .execute();
          if (claimed == 0) {
            return Status.CONFIRMED;
          }
          ConsentEvent pending =
              ConsentRows.where(handle, "consent_id", row.get().consentId()).stream()
                  .filter(e -> e.kind() == ConsentEvent.Kind.PENDING)
                  .findFirst()
                  .orElseThrow();
          ConsentEvent given =
              new ConsentEvent(
                  UUID.randomUUID(),
                  pending.consentId(),
                  pending.subjectId(),
                  pending.deviceId(),
                  ConsentEvent.Kind.GIVEN,
                  pending.controller(),
                  row.get().purposes(),
                  pending.categories(),
                  pending.legalBasis(),
                  pending.noticeVersion(),
                  pending.noticeHash(),
                  "email",
                  now,
                  pending.expiresAt(),
                  pending.withdrawal(),
                  "confirmation:" + row.get().id(),
                  "confirmation");
          ledger.append(handle, new Principal.Anonymous(), given);
          handle
              .createUpdate("update consent_confirmation set confirmed_event = :e where id = :id")
              .bind("e", given.id())
              .bind("id", row.get().id())
              .execute();
          return Status.DONE;
        });
  }

  /** The link a letter carries for confirmation {@code id}, valid until {@code expires}. */
  String link(UUID id, Instant expires) {
    return publicUrl.link(PATH + "?token=" + sign(id, expires));
  }

  /** {@code <id>.<expiry epoch seconds>.<HMAC of both>}. */
  String sign(UUID id, Instant expires) {
    String body = id + "." + expires.getEpochSecond();
    return body + "." + index.hashNormalized(SIGNING, body);
  }

  private Optional<Signed> verify(String token) {
    if (token == null || token.length() > 200) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    String body = parts[0] + "." + parts[1];
    byte[] expected = index.hashNormalized(SIGNING, body).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Signed(UUID.fromString(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1]))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Status statusOf(Row row) {
    if (row.confirmedAt() != null) {
      return Status.CONFIRMED;
    }
    return clock.instant().isBefore(row.expiresAt()) ? Status.OPEN : Status.EXPIRED;
  }

  private static Optional<Row> row(Handle handle, UUID id) {
    return handle
        .createQuery(
            "select id, consent_id, purposes, expires_at, confirmed_at from consent_confirmation"
                + " where id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new Row(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    ConsentRows.split(rs.getString(3)),
                    rs.getObject(4, OffsetDateTime.class).toInstant(),
                    Optional.ofNullable(rs.getObject(5, OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant)
                        .orElse(null)))
        .findOne();
  }

  private OutgoingMail letter(
      PageLanguage language,
      String to,
      UUID id,
      Instant expires,
      List<String> purposes,
      Policy policy) {
    // Purposes are named as the policy file translates them for the person's language.
    Policy local = language == PageLanguage.EN ? policy : policy.localized(language.tag());
    String names =
        String.join(
            "\n    ",
            purposes.stream().map(p -> local.purpose(p).map(Purpose::name).orElse(p)).toList());
    LetterTemplate.Filled filled =
        letters
            .get(language)
            .fill(
                Map.of(
                    "purposes", names,
                    "confirmLink", link(id, expires),
                    "expires", WHEN.format(expires)));
    return OutgoingMail.text("letter.consent-confirmation", to, filled.subject(), filled.body())
        .relatedTo("consent-confirmation", id.toString());
  }

  private record Signed(UUID id, Instant expires) {}

  private record Row(
      UUID id, UUID consentId, List<String> purposes, Instant expiresAt, Instant confirmedAt) {}
}
