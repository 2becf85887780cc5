package dev.steward.center;

import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentStates;
import dev.steward.consent.OptOutKind;
import dev.steward.consent.Party;
import dev.steward.consent.PartyState;
import dev.steward.consent.Subscriptions;
import dev.steward.error.NotFoundException;
import dev.steward.policy.PublishedPolicies;
import dev.steward.principal.Principal;
import dev.steward.web.Access;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.PublicKind;
import dev.steward.web.RouteRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The person's preferences: their consents, each with its history from the ledger, and their
 * opt-outs, for a person signed in by the emailed code (the status page's session). Withdrawing a
 * consent is one click (GDPR Art. 7(3): as easy as giving it) and takes effect in the next
 * decision; each event's signed receipt downloads through the same session, only for the person's
 * own events.
 */
public final class PreferencesPages {
  static final String PATH = "/preferences";
  private static final Access POST = Access.open(PublicKind.INTAKE);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final StatusPages status;
  private final ConsentLedger ledger;
  private final ConsentStates states;
  private final SubscriptionToggles toggles;
  private final Clock clock;

  public PreferencesPages(
      StatusPages status,
      ConsentLedger ledger,
      ConsentStates states,
      Subscriptions subscriptions,
      PublishedPolicies policies,
      Clock clock) {
    this.status = status;
    this.ledger = ledger;
    this.states = states;
    this.toggles = new SubscriptionToggles(subscriptions, policies);
    this.clock = clock;
  }

  public void addTo(RouteRegistry registry) {
    registry.addPage(PageRoute.get(PATH, CenterPages.PAGE, this::show));
    registry.addPage(PageRoute.post(PATH + "/withdraw", POST, this::withdraw));
    registry.addPage(PageRoute.get(PATH + "/receipts/{id}", CenterPages.PAGE, this::receipt));
    registry.addPage(PageRoute.post(PATH + "/subscriptions", POST, this::toggle));
  }

  private void show(PageCall page) {
    Optional<Principal.SubjectSession> person = signedIn(page);
    if (person.isEmpty()) {
      return;
    }
    List<ConsentEvent> events = ledger.ownHistory(person.get());
    PartyState state = states.state(Party.identity(person.get().subjectRef()));
    Instant now = clock.instant();
    Map<UUID, List<Event>> byConsent = new LinkedHashMap<>();
    Map<UUID, ConsentEvent> first = new LinkedHashMap<>();
    for (ConsentEvent event : events) {
      first.putIfAbsent(event.consentId(), event);
      byConsent
          .computeIfAbsent(event.consentId(), id -> new ArrayList<>())
          .add(
              new Event(
                  event.id().toString(),
                  event.kind().code(),
                  WHEN.format(event.occurredAt()),
                  String.join(", ", event.purposes()),
                  event.noticeVersion()));
    }
    List<Consent> consents = new ArrayList<>();
    byConsent.forEach(
        (id, history) -> {
          ConsentEvent opening = first.get(id);
          // Live by this consent's own events, as ConsentLedger.withdrawOwn sees it: another
          // consent for the same purpose does not make this one withdrawable.
          Map<String, ConsentEvent> latest = new LinkedHashMap<>();
          events.stream()
              .filter(event -> event.consentId().equals(id))
              .forEach(event -> event.purposes().forEach(purpose -> latest.put(purpose, event)));
          List<String> live =
              latest.values().stream()
                  .filter(
                      event ->
                          event.kind().grants()
                              && (event.expiresAt() == null || now.isBefore(event.expiresAt())))
                  .flatMap(event -> event.purposes().stream())
                  .toList();
          consents.add(
              new Consent(
                  id.toString(), String.join(", ", opening.purposes()), !live.isEmpty(), history));
        });
    boolean marketing =
        state.optOuts().containsKey(OptOutKind.DIRECT_MARKETING)
            || state.objections().contains(PartyState.ALL);
    page.render(
        "center/preferences.jte",
        new Preferences(
            consents,
            state.optOuts().containsKey(OptOutKind.SALE_SHARING),
            state.optOuts().containsKey(OptOutKind.SENSITIVE_USE),
            marketing,
            page.query("done").equals("1"),
            toggles.channels(state),
            toggles.topics(state, page.language())));
  }

  private void toggle(PageCall page) {
    Optional<Principal.SubjectSession> person = signedIn(page);
    if (person.isEmpty()) {
      return;
    }
    toggles.change(
        person.get(),
        page.form("channel"),
        page.form("purpose"),
        page.form("topic"),
        page.form("action"));
    page.redirect(PATH + "?done=1#subscriptions");
  }

  private void withdraw(PageCall page) {
    Optional<Principal.SubjectSession> person = signedIn(page);
    if (person.isEmpty()) {
      return;
    }
    ledger.withdrawOwn(person.get(), uuid(page.form("consent")));
    page.redirect(PATH + "?done=1");
  }

  private void receipt(PageCall page) {
    Optional<Principal.SubjectSession> person = signedIn(page);
    if (person.isEmpty()) {
      return;
    }
    String id = page.pathParam("id");
    String document = ledger.ownReceipt(person.get(), uuid(id));
    page.ctx().contentType("application/json");
    page.ctx()
        .header("Content-Disposition", "attachment; filename=\"consent-receipt-" + id + ".json\"");
    page.ctx().result(document.getBytes(StandardCharsets.UTF_8));
  }

  /** The signed-in person; without one, sends the browser to sign in and come back here. */
  private Optional<Principal.SubjectSession> signedIn(PageCall page) {
    Optional<Principal.SubjectSession> person = status.person(page);
    if (person.isEmpty()) {
      page.removePrivateCookie(StatusPages.COOKIE);
      page.redirect("/status?then=preferences");
    }
    return person;
  }

  private static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no such consent or event");
    }
  }

  /** One ledger event as shown: kind code, time (UTC), purposes and notice version. */
  public record Event(String id, String kind, String at, String purposes, String noticeVersion) {}

  /**
   * One consent with its history, oldest first; {@code live} when something is left to withdraw.
   */
  public record Consent(String id, String purposes, boolean live, List<Event> history) {}

  /** What the page shows. */
  public record Preferences(
      List<Consent> consents,
      boolean saleOptedOut,
      boolean sensitiveLimited,
      boolean marketingObjected,
      boolean done,
      List<SubscriptionToggles.Toggle> channels,
      List<SubscriptionToggles.Toggle> topics) {}
}
