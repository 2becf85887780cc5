package dev.steward.banner;

import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.OptOutKind;
import dev.steward.consent.OptOuts;
import dev.steward.consent.Party;
import dev.steward.error.ConflictException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.LegalBasis;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.PublishedPolicy;
import dev.steward.principal.Principal;
import dev.steward.web.OptionalField;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Cookie banner choices, kept in the consent ledger: one event per cookie category (purpose {@code
 * cookies:<category>}, method {@code banner}) for the device the banner's first-party consent id
 * names, under the notice revision shown. A sale or sharing category is off whenever the browser
 * sends Global Privacy Control, whatever was clicked, and the signal is also recorded as the
 * device's opt-out of sale/sharing with source {@code gpc} (11 CCR 7025(b), (c)(1)). Every problem
 * is found before anything is written. Thread-safe.
 */
public final class BannerChoices {
  /** The evidence of an event that GPC decided rather than a click. */
  static final String GPC_EVIDENCE = "gpc";

  private static final String BANNER = "banner";

  private final Jdbi jdbi;
  private final ConsentLedger ledger;
  private final OptOuts optOuts;
  private final PublishedPolicies policies;
  private final Clock clock;

  public BannerChoices(
      Jdbi jdbi, ConsentLedger ledger, OptOuts optOuts, PublishedPolicies policies, Clock clock) {
    this.jdbi = jdbi;
    this.ledger = ledger;
    this.optOuts = optOuts;
    this.policies = policies;
    this.clock = clock;
  }

  /**
   * What the banner sends.
   *
   * @param revision the notice revision the person was shown
   * @param choices per choice category, on or off; every category must be named
   * @param gpc {@code navigator.globalPrivacyControl} of the browser
   */
  public record ChoiceBody(
      String device, String revision, Map<String, Boolean> choices, @OptionalField Boolean gpc) {}

  /**
   * A device's choice under the notice revision in force.
   *
   * @param choices per choice category, on or off
   * @param gpc the categories GPC turned off
   * @param at when the choice was last recorded
   */
  public record Choice(
      String revision, Map<String, Boolean> choices, List<String> gpc, Instant at) {}

  /** The notice the banner shows now. */
  public BannerNotice notice(String language) {
    return BannerNotice.of(policies.current(), language);
  }

  /**
   * Records the choice; {@code gpcHeader} when the call carried {@code Sec-GPC: 1}.
   *
   * @param origin the page's origin (already checked against the allowed ones), or null
   * @throws ConflictException when the revision is not the one in force: the banner asks again
   */
  public Choice record(Principal actor, ChoiceBody body, boolean gpcHeader, String origin) {
    PublishedPolicy published = policies.current();
    BannerNotice notice = BannerNotice.of(published, "en");
    List<FieldProblem> problems = new ArrayList<>();
    if (!Party.isDeviceId(body.device())) {
      problems.add(new FieldProblem("device", "not a device id: 16 to 128 of A-Z a-z 0-9 - _"));
    }
    if (body.revision() == null || body.revision().isBlank()) {
      problems.add(new FieldProblem("revision", "the notice revision shown is required"));
    }
    Map<String, Boolean> given = body.choices() == null ? Map.of() : body.choices();
    for (Map.Entry<String, Boolean> entry : new TreeMap<>(given).entrySet()) {
      Optional<BannerNotice.Category> category = notice.category(entry.getKey());
      if (category.isEmpty() || category.get().locked()) {
        problems.add(
            new FieldProblem("choices." + entry.getKey(), "not a cookie category to choose"));
      } else if (entry.getValue() == null) {
        problems.add(new FieldProblem("choices." + entry.getKey(), "true or false"));
      }
    }
    for (BannerNotice.Category category : notice.choices()) {
      if (!given.containsKey(category.id())) {
        problems.add(new FieldProblem("choices." + category.id(), "choose on or off"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems.get(0).message(), problems);
    }
    if (!body.revision().equals(notice.revision())) {
      throw new ConflictException(
          "the notice changed since the banner was shown: show revision "
              + notice.revision()
              + " and ask again");
    }
    boolean gpc = gpcHeader || Boolean.TRUE.equals(body.gpc());
    String proof = evidence("choice", origin);
    String gpcProof = evidence(GPC_EVIDENCE, origin);
    Instant now = clock.instant();
    return jdbi.inTransaction(
        handle -> {
          Map<String, Latest> before = latest(handle, body.device());
          for (BannerNotice.Category category : notice.choices()) {
            boolean forced = gpc && category.saleOrSharing();
            boolean on = !forced && given.get(category.id());
            Latest last = before.get(category.purpose());
            if (last != null
                && last.revision().equals(notice.revision())
                && last.kind().grants() == on
                && last.gpc() == forced) {
              continue; // the same choice again adds nothing
            }
            ConsentEvent.Kind kind;
            if (on) {
              kind =
                  last != null && last.kind().grants()
                      ? ConsentEvent.Kind.RECONSENTED
                      : ConsentEvent.Kind.GIVEN;
            } else {
              kind =
                  last != null && last.kind().grants()
                      ? ConsentEvent.Kind.WITHDRAWN
                      : ConsentEvent.Kind.REFUSED;
            }
            UUID id = UUID.randomUUID();
            ledger.append(
                handle,
                actor,
                new ConsentEvent(
                    id,
                    last == null ? id : last.consentId(),
                    null,
                    body.device(),
                    kind,
                    notice.controller(),
                    List.of(category.purpose()),
                    category.dataCategories(),
                    LegalBasis.CONSENT,
                    notice.revision(),
                    published.contentHash(),
                    BANNER,
                    now,
                    null,
                    List.of("web_form"),
                    forced ? gpcProof : proof,
                    BANNER));
          }
          if (gpc) {
            optOuts.optOut(
                handle,
                actor,
                Set.of(Party.device(body.device(), "device")),
                Set.of(OptOutKind.SALE_SHARING),
                OptOuts.Source.GPC,
                null);
          }
          return current(handle, body.device(), notice).orElseThrow();
        });
  }

  /** The device's choice under the revision in force, if it made one for every category. */
  public Optional<Choice> current(String device) {
    BannerNotice notice = BannerNotice.of(policies.current(), "en");
    return jdbi.withHandle(handle -> current(handle, device, notice));
  }

  private Optional<Choice> current(Handle handle, String device, BannerNotice notice) {
    Map<String, Latest> latest = latest(handle, device);
    Map<String, Boolean> choices = new LinkedHashMap<>();
    List<String> gpc = new ArrayList<>();
    Instant at = null;
    for (BannerNotice.Category category : notice.choices()) {
      Latest last = latest.get(category.purpose());
      if (last == null || !last.revision().equals(notice.revision())) {
        return Optional.empty();
      }
      choices.put(category.id(), last.kind().grants());
      if (last.gpc()) {
        gpc.add(category.id());
      }
      at = at == null || last.at().isAfter(at) ? last.at() : at;
    }
    if (choices.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Choice(notice.revision(), choices, gpc, at));
  }

  private record Latest(
      UUID consentId, ConsentEvent.Kind kind, String revision, boolean gpc, Instant at) {}

  /** Per banner purpose, the device's latest event. */
  private static Map<String, Latest> latest(Handle handle, String device) {
    Map<String, Latest> latest = new HashMap<>();
    handle
        .createQuery(
            "select consent_id, purposes, kind, notice_version, evidence, occurred_at from"
                + " consent_event where device_id = :device and method = 'banner' order by"
                + " occurred_at, recorded_at")
        .bind("device", device)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getString("purposes"),
                    new Latest(
                        rs.getObject("consent_id", UUID.class),
                        ConsentEvent.Kind.of(rs.getString("kind")),
                        rs.getString("notice_version"),
                        rs.getString("evidence").startsWith(GPC_EVIDENCE + ";")
                            || rs.getString("evidence").equals(GPC_EVIDENCE),
                        rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant())))
        .forEach(e -> latest.put(e.getKey(), e.getValue()));
    return latest;
  }

  /**
   * Per cookie category, how many devices' latest choice is on, off, and off by GPC: what the
   * console shows. Counted in the store, over the latest event of each device and category.
   */
  public record Count(String category, long on, long off, long offByGpc) {}

  private record Row(String purpose, boolean on, boolean gpc, long n) {}

  public List<Count> counts() {
    BannerNotice notice = notice("en");
    Map<String, long[]> tally = new TreeMap<>();
    notice.choices().forEach(c -> tally.put(c.id(), new long[3]));
    jdbi.useHandle(
        handle ->
            handle
                .createQuery(
                    "select purposes, kind, evidence, count(*) as n from (select purposes, kind,"
                        + " case when evidence = 'gpc' or evidence like 'gpc;%' then 'gpc' else"
                        + " 'choice' end as evidence, row_number() over (partition by device_id,"
                        + " purposes order by occurred_at desc, recorded_at desc) as rn from"
                        + " consent_event where method = 'banner' and device_id is not null) latest"
                        + " where rn = 1 group by purposes, kind, evidence")
                .map(
                    (rs, ctx) ->
                        new Row(
                            rs.getString("purposes"),
                            ConsentEvent.Kind.of(rs.getString("kind")).grants(),
                            GPC_EVIDENCE.equals(rs.getString("evidence")),
                            rs.getLong("n")))
                .forEach(
                    row -> {
                      if (!row.purpose().startsWith(BannerNotice.PURPOSE_PREFIX)) {
                        return;
                      }
                      long[] sums =
                          tally.computeIfAbsent(
                              row.purpose().substring(BannerNotice.PURPOSE_PREFIX.length()),
                              k -> new long[3]);
                      if (row.on()) {
                        sums[0] += row.n();
                      } else {
                        sums[1] += row.n();
                        if (row.gpc()) {
                          sums[2] += row.n();
                        }
                      }
                    }));
    List<Count> counts = new ArrayList<>();
    tally.forEach((category, row) -> counts.add(new Count(category, row[0], row[1], row[2])));
    return counts;
  }

  /** What proves the event: whether a click or GPC decided it, and the page's origin. */
  private static String evidence(String how, String origin) {
    String text = origin == null ? how : how + ";origin=" + origin.replaceAll("[^\\x21-\\x7e]", "");
    return text.length() > 200 ? text.substring(0, 200) : text;
  }
}
