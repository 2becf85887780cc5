package dev.steward.session;

import dev.steward.access.SubjectSessions;
import dev.steward.audit.AuditTrail;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.mail.Outbox;
import dev.steward.principal.Principal;
import dev.steward.request.SmsSender;
import dev.steward.request.UnableToVerifyException;
import dev.steward.store.Database;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityIndex;
import dev.steward.vault.IdentityType;
import dev.steward.vault.InvalidIdentityException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Signs a person in by a one-time code sent to an email address (through the outbox) or a phone
 * (through the {@link SmsSender}), and out again. Starting a sign-in never looks the identity up:
 * the same work is done and the same answer given whether Steward knows the person or not. Every
 * start, sign-in (passed or failed) and sign-out is audited with ids only. Stateless; thread-safe.
 */
public final class SubjectSignIn {
  private static final Principal ANONYMOUS = new Principal.Anonymous();
  private static final String UNKNOWN = "no code is pending for this sign-in; ask for a new one";
  private final Jdbi jdbi;
  private final IdentityIndex index;
  private final Outbox outbox;
  private final SmsSender sms;
  private final SubjectSessions sessions;
  private final AuditTrail audit;
  private final Clock clock;
  private final SignInChallenges challenges;
  private final SignInLetters letters = new SignInLetters();

  public SubjectSignIn(
      Database database,
      IdentityIndex index,
      Outbox outbox,
      SmsSender sms,
      SubjectSessions sessions,
      AuditTrail audit,
      Clock clock) {
    this.jdbi = database.jdbi();
    this.index = index;
    this.outbox = outbox;
    this.sms = sms;
    this.sessions = sessions;
    this.audit = audit;
    this.clock = clock;
    this.challenges = new SignInChallenges(index);
  }

  /** Sends a code to the identity and returns the challenge id the person verifies against. */
  public UUID start(String type, String value, String language) {
    IdentityType identityType = identityType(type);
    String tag = SignInLetters.language(language);
    String normalised;
    try {
      normalised = index.normalizer().normalize(new Identity(identityType, value));
    } catch (InvalidIdentityException e) {
      throw new InvalidInputException(
          e.getMessage(), List.of(new FieldProblem("identity.value", e.getMessage())));
    }
    String subjectRef = index.hashNormalized(identityType, normalised);
    Instant now = clock.instant();
    UUID challengeId =
        jdbi.inTransaction(
            handle -> {
              SignInChallenges.Issued issued =
                  challenges.issue(handle, identityType, subjectRef, now);
              if (identityType.equals(IdentityType.EMAIL)) {
                outbox.enqueue(
                    handle, letters.letter(tag, normalised, issued.code(), issued.challengeId()));
              } else {
                // Inside the transaction: a provider failure leaves no pending code behind.
                sms.send(normalised, letters.text(tag, issued.code()));
              }
              audit.record(
                  handle,
                  ANONYMOUS,
                  "subject-session.code-sent",
                  "sign-in-challenge",
                  issued.challengeId().toString(),
                  "ok",
                  "channel=" + identityType.id());
              return issued.challengeId();
            });
    return challengeId;
  }

  /**
   * Spends the code and opens a session for the identity it was sent to. A wrong, expired, used or
   * locked code is a 422 naming which, and opens nothing.
   */
  public SubjectSessions.Opened verify(String challengeId, String code) {
    UUID id = challengeId(challengeId);
    Instant now = clock.instant();
    Verified verified =
        jdbi.inTransaction(
            handle -> {
              SignInChallenges.Outcome outcome = challenges.check(handle, id, code, now);
              if (!outcome.ok()) {
                return new Verified(outcome, null);
              }
              SubjectSessions.Opened opened =
                  sessions.open(handle, outcome.identityType(), outcome.subjectRef());
              Principal.SubjectSession session = opened.principal();
              audit.record(
                  handle,
                  session,
                  "subject-session.sign-in",
                  "subject-session",
                  session.sessionId().toString(),
                  "ok",
                  "challenge=" + id);
              return new Verified(outcome, opened);
            });
    if (verified.opened() == null) {
      audit.record(
          ANONYMOUS,
          "subject-session.sign-in",
          "sign-in-challenge",
          id.toString(),
          "failed",
          verified.outcome().reason());
      throw new UnableToVerifyException(verified.outcome().message());
    }
    return verified.opened();
  }

  public void signOut(Principal.SubjectSession session) {
    jdbi.useTransaction(
        handle -> {
          sessions.revoke(handle, session);
          audit.record(
              handle, session, "subject-session.sign-out", "subject-session", session.actorId());
        });
  }

  private record Verified(SignInChallenges.Outcome outcome, SubjectSessions.Opened opened) {}

  private static IdentityType identityType(String type) {
    if ("email".equals(type)) {
      return IdentityType.EMAIL;
    }
    if ("phone".equals(type)) {
      return IdentityType.PHONE;
    }
    throw new InvalidInputException(
        "identity.type must be email or phone",
        List.of(new FieldProblem("identity.type", "must be email or phone")));
  }

  private static UUID challengeId(String text) {
    try {
      return UUID.fromString(text == null ? "" : text);
    } catch (IllegalArgumentException e) {
      throw new UnableToVerifyException(UNKNOWN);
    }
  }
}
