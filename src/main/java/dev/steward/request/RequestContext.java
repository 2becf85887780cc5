package dev.steward.request;

import dev.steward.audit.AuditTrail;
import dev.steward.calendar.Calendars;
import dev.steward.calendar.LegalClock;
import dev.steward.consent.OptOuts;
import dev.steward.mail.Outbox;
import dev.steward.policy.CalendarsByVersion;
import dev.steward.policy.Jurisdiction;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.PublishedPolicy;
import dev.steward.vault.IdentityIndex;
import dev.steward.vault.Keyring;
import dev.steward.vault.Vault;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** What the parts of the request feature share. Thread-safe. */
final class RequestContext {
  final Jdbi jdbi;
  final PublishedPolicies policies;
  final Keyring keyring;
  final IdentityIndex index;
  final Vault vault;
  final Outbox outbox;
  final AuditTrail audit;
  final SmsSender sms;
  final FulfilmentPlanner planner;
  final RequestListener listener;
  final OptOuts optOuts;
  final Clock clock;
  final dev.steward.web.PublicUrl publicUrl;
  final Letters letters = new Letters();
  final Challenges challenges;
  private final CalendarsByVersion calendars = new CalendarsByVersion();

  RequestContext(
      Jdbi jdbi,
      PublishedPolicies policies,
      Keyring keyring,
      IdentityIndex index,
      Vault vault,
      Outbox outbox,
      AuditTrail audit,
      SmsSender sms,
      FulfilmentPlanner planner,
      RequestListener listener,
      OptOuts optOuts,
      dev.steward.web.PublicUrl publicUrl,
      Clock clock) {
    this.jdbi = jdbi;
    this.publicUrl = publicUrl;
    this.policies = policies;
    this.keyring = keyring;
    this.index = index;
    this.vault = vault;
    this.outbox = outbox;
    this.audit = audit;
    this.sms = sms;
    this.planner = planner;
    this.listener = listener;
    this.optOuts = optOuts;
    this.clock = clock;
    this.challenges = new Challenges(index);
  }

  /** The clock of one jurisdiction of the policy: its calendars, counting the days of its zone. */
  LegalClock legalClock(PublishedPolicy policy, Jurisdiction jurisdiction) {
    Calendars built = calendars.of(policy);
    return new LegalClock(built, jurisdiction.zone(), clock);
  }
}
