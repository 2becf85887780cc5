package dev.steward.marketing;

import dev.steward.audit.AuditTrail;
import dev.steward.consent.Subscriptions;
import dev.steward.decision.Decisions;
import dev.steward.keys.KeyName;
import dev.steward.keys.Keys;
import dev.steward.mail.Outbox;
import dev.steward.policy.PublishedPolicies;
import dev.steward.store.Database;
import dev.steward.vault.IdentityIndex;
import dev.steward.web.PublicUrl;
import dev.steward.web.RouteRegistry;
import java.time.Clock;

/**
 * The marketing feature as the node wires it: marketing mail, unsubscribe links and pages, the
 * suppression list's export and the tracking routes.
 */
public record Marketing(
    MarketingMail mail,
    Unsubscribing unsubscribing,
    Subscriptions subscriptions,
    AuditTrail audit) {

  public static Marketing open(
      Database database,
      Keys keys,
      PublishedPolicies policies,
      IdentityIndex index,
      Subscriptions subscriptions,
      Decisions decisions,
      Outbox outbox,
      PublicUrl publicUrl,
      AuditTrail audit,
      Clock clock) {
    MarketingMail mail =
        new MarketingMail(
            database.jdbi(),
            policies,
            index,
            subscriptions,
            decisions,
            outbox,
            keys.mac(KeyName.UNSUBSCRIBE_LINKS),
            publicUrl,
            audit,
            clock);
    return new Marketing(
        mail, new Unsubscribing(mail.tokens(), subscriptions, policies), subscriptions, audit);
  }

  public void addTo(RouteRegistry routes) {
    new MarketingRoutes(mail, unsubscribing, subscriptions, audit).addTo(routes);
    new UnsubscribePages(unsubscribing).addTo(routes);
  }
}
