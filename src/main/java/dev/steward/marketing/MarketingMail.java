package dev.steward.marketing;

import com.google.crypto.tink.Mac;
import dev.steward.audit.AuditTrail;
import dev.steward.consent.Party;
import dev.steward.consent.Subscriptions;
import dev.steward.decision.Decision;
import dev.steward.decision.DecisionQuery;
import dev.steward.decision.Decisions;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.error.StewardException;
import dev.steward.mail.Outbox;
import dev.steward.mail.OutgoingMail;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.Purpose;
import dev.steward.policy.Tracker;
import dev.steward.principal.Principal;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityIndex;
import dev.steward.web.OptionalField;
import dev.steward.web.PublicUrl;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Marketing mail Steward sends on the company's behalf: for each recipient, the suppression list
 * first (it holds after an erasure), then the decision service (purpose, channel email, topic);
 * only the allowed ones are queued through the outbox, each with its own one-click unsubscribe link
 * (RFC 8058: {@code List-Unsubscribe} with the signed HTTPS link and {@code List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click}), DKIM-signed by the outbox. The policy's email trackers decide, per
 * recipient, whether the HTML carries an open pixel and tracked links. Thread-safe.
 */
public final class MarketingMail {
  static final int MAX_RECIPIENTS = 1000;
  private static final Pattern LINK = Pattern.compile("href=\"(https?://[^\"<>\\s]{1,2000})\"");

  private final Jdbi jdbi;
  private final PublishedPolicies policies;
  private final IdentityIndex index;
  private final Subscriptions subscriptions;
  private final Decisions decisions;
  private final Outbox outbox;
  private final UnsubscribeTokens tokens;
  private final TrackingLinks tracking;
  private final PublicUrl publicUrl;
  private final AuditTrail audit;
  private final Clock clock;

  public MarketingMail(
      Jdbi jdbi,
      PublishedPolicies policies,
      IdentityIndex index,
      Subscriptions subscriptions,
      Decisions decisions,
      Outbox outbox,
      Mac unsubscribeKey,
      PublicUrl publicUrl,
      AuditTrail audit,
      Clock clock) {
    this.jdbi = jdbi;
    this.policies = policies;
    this.index = index;
    this.subscriptions = subscriptions;
    this.decisions = decisions;
    this.outbox = outbox;
    this.tokens = new UnsubscribeTokens(unsubscribeKey);
    this.tracking = new TrackingLinks(unsubscribeKey);
    this.publicUrl = publicUrl;
    this.audit = audit;
    this.clock = clock;
  }

  UnsubscribeTokens tokens() {
    return tokens;
  }

  TrackingLinks tracking() {
    return tracking;
  }

  /** One mailing as sent to the API. */
  public record Mailing(
      String system,
      String purpose,
      @OptionalField String topic,
      @OptionalField List<String> categories,
      @OptionalField String language,
      String subject,
      String text,
      @OptionalField String html,
      List<String> recipients) {}

  /** What became of one recipient, by its position in the list (no address is echoed). */
  public record Outcome(
      int index,
      String outcome,
      @OptionalField String reason,
      @OptionalField String message,
      boolean tracked) {}

  /** The answer: counts and one outcome per recipient, in order. */
  public record Result(int queued, int suppressed, int denied, List<Outcome> recipients) {}

  /**
   * Checks the whole mailing first (422 naming every bad field, nothing queued), then queues the
   * allowed letters.
   *
   * @throws StewardException {@code dkim-not-configured} (409) when letters would leave unsigned
   */
  public Result send(Principal actor, Mailing mailing) {
    Policy policy = policies.current().policy();
    List<FieldProblem> problems = new ArrayList<>();
    Purpose purpose = check(policy, mailing, problems);
    List<String> hashes = new ArrayList<>();
    List<String> recipients = mailing.recipients() == null ? List.of() : mailing.recipients();
    if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
      problems.add(new FieldProblem("recipients", "1 to " + MAX_RECIPIENTS + " addresses"));
    }
    for (int i = 0; i < recipients.size() && i < MAX_RECIPIENTS; i++) {
      try {
        hashes.add(index.hash(Identity.email(recipients.get(i))));
      } catch (RuntimeException e) {
        problems.add(new FieldProblem("recipients[" + i + "]", "not an email address"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems.get(0).message(), problems);
    }
    if (!outbox.signsDkim()) {
      // RFC 8058 §4: the one-click headers must be covered by a DKIM signature.
      throw new StewardException(
          "dkim-not-configured",
          409,
          "marketing mail needs a DKIM key (dkim-<selector>.pem in the keys directory)");
    }
    List<String> categories =
        mailing.categories() == null || mailing.categories().isEmpty()
            ? List.of("contact.email")
            : mailing.categories();
    String language = "zh-CN".equals(mailing.language()) ? "zh-CN" : "en";
    List<Outcome> outcomes = new ArrayList<>();
    int queued = 0;
    int suppressed = 0;
    int denied = 0;
    for (int i = 0; i < recipients.size(); i++) {
      String hash = hashes.get(i);
      if (subscriptions.suppressed(hash, purpose.id(), mailing.topic())) {
        outcomes.add(new Outcome(i, "suppressed", "suppressed", null, false));
        suppressed++;
        continue;
      }
      Party party = Party.identity(hash);
      Decision decision =
          decisions.decide(
              actor,
              new DecisionQuery(
                  mailing.system(),
                  party,
                  purpose.id(),
                  categories,
                  Subscriptions.Channel.EMAIL.code(),
                  mailing.topic(),
                  null));
      if (!decision.allowed()) {
        outcomes.add(new Outcome(i, "denied", decision.reason(), null, false));
        denied++;
        continue;
      }
      boolean tracked = tracks(actor, policy, mailing.system(), party, purpose.id());
      UUID ref = UUID.randomUUID();
      String link =
          publicUrl.link("/unsubscribe/" + tokens.token(hash, purpose.id(), mailing.topic()));
      String footer =
          language.equals("zh-CN")
              ? "\n\n退订这类邮件：" + link + "\n"
              : "\n\nUnsubscribe: " + link + "\n";
      OutgoingMail mail =
          OutgoingMail.text(
                  "marketing.message",
                  recipients.get(i),
                  mailing.subject(),
                  mailing.text() + footer)
              .withHeader("List-Unsubscribe", "<" + link + ">")
              .withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
              .relatedTo("marketing-message", ref.toString());
      if (mailing.html() != null) {
        mail = mail.withHtml(html(mailing.html(), link, tracked, ref, purpose.id(), language));
      }
      var entry = outbox.enqueue(mail);
      outcomes.add(new Outcome(i, "queued", null, ref.toString(), tracked));
      queued++;
      audit.record(
          actor,
          "marketing.queued",
          "letter",
          entry.id().toString(),
          "ok",
          "purpose=" + purpose.id() + " tracked=" + tracked);
    }
    return new Result(queued, suppressed, denied, outcomes);
  }

  private static Purpose check(Policy policy, Mailing mailing, List<FieldProblem> problems) {
    Purpose purpose =
        mailing.purpose() == null ? null : policy.purpose(mailing.purpose()).orElse(null);
    if (purpose == null || !purpose.directMarketing()) {
      problems.add(
          new FieldProblem("purpose", "a direct-marketing purpose of the policy in force"));
    } else if (mailing.topic() != null && purpose.topic(mailing.topic()).isEmpty()) {
      problems.add(new FieldProblem("topic", "not a topic of this purpose"));
    }
    if (mailing.system() == null
        || policy.systems().stream().noneMatch(s -> s.id().equals(mailing.system()))) {
      problems.add(new FieldProblem("system", "a system of the policy in force"));
    }
    if (mailing.subject() == null
        || mailing.subject().isBlank()
        || mailing.subject().length() > 200
        || mailing.subject().indexOf('\n') >= 0
        || mailing.subject().indexOf('\r') >= 0) {
      problems.add(new FieldProblem("subject", "one line of at most 200 characters"));
    }
    if (mailing.text() == null || mailing.text().isBlank() || mailing.text().length() > 100_000) {
      problems.add(new FieldProblem("text", "the plain-text body, at most 100000 characters"));
    }
    if (mailing.html() != null && mailing.html().length() > 200_000) {
      problems.add(new FieldProblem("html", "at most 200000 characters"));
    }
    if (mailing.language() != null && !List.of("en", "zh-CN").contains(mailing.language())) {
      problems.add(new FieldProblem("language", "en or zh-CN"));
    }
    return purpose;
  }

  /**
   * Whether this person's mail may carry the open pixel and tracked links: only where the policy
   * declares an email tracker for the purpose, and the decision service allows every purpose that
   * tracker serves for its categories. A person who objected to one of them, or has no live consent
   * where one rests on consent, gets an untracked mail.
   */
  private boolean tracks(
      Principal actor, Policy policy, String system, Party party, String purpose) {
    List<Tracker> trackers =
        policy.trackers().stream()
            .filter(t -> t.kind() == Tracker.Kind.EMAIL_TRACKING)
            .filter(t -> t.purposes().contains(purpose))
            .toList();
    if (trackers.isEmpty()) {
      return false;
    }
    List<DecisionQuery> questions = new ArrayList<>();
    for (Tracker tracker : trackers) {
      if (tracker.categories().isEmpty()) {
        return false;
      }
      for (String served : tracker.purposes()) {
        questions.add(
            new DecisionQuery(
                system,
                party,
                served,
                tracker.categories(),
                Subscriptions.Channel.EMAIL.code(),
                null));
      }
    }
    return decisions.decideAll(actor, questions).stream().allMatch(Decision::allowed);
  }

  /** The HTML with the unsubscribe footer, and when tracked the pixel and rewritten links. */
  private String html(
      String html, String unsubscribe, boolean tracked, UUID ref, String purpose, String language) {
    String body = html;
    if (tracked) {
      Matcher links = LINK.matcher(body);
      StringBuilder rewritten = new StringBuilder();
      while (links.find()) {
        String target = links.group(1).replace("&amp;", "&");
        links.appendReplacement(
            rewritten,
            Matcher.quoteReplacement(
                "href=\"" + publicUrl.link(tracking.clickPath(ref, purpose, target)) + "\""));
      }
      links.appendTail(rewritten);
      body =
          rewritten
              + "<img src=\""
              + publicUrl.link(tracking.openPath(ref, purpose))
              + "\" width=\"1\" height=\"1\" alt=\"\">";
    }
    String words = language.equals("zh-CN") ? "退订这类邮件" : "Unsubscribe";
    return body + "<p><a href=\"" + unsubscribe + "\">" + words + "</a></p>";
  }

  /** Records an open or click of a tracked letter. */
  void engaged(UUID ref, String purpose, String kind) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "insert into mail_engagement (id, message_ref, purpose, kind, occurred_at)"
                        + " values (:id, :ref, :purpose, :kind, :now)")
                .bind("id", UUID.randomUUID())
                .bind("ref", ref)
                .bind("purpose", purpose)
                .bind("kind", kind)
                .bind("now", clock.instant())
                .execute());
  }
}
