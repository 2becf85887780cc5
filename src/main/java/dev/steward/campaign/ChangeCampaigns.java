package dev.steward.campaign;

import dev.steward.audit.AuditTrail;
import dev.steward.consent.ConsentLedger;
import dev.steward.error.ConflictException;
import dev.steward.error.ForbiddenException;
import dev.steward.error.NotFoundException;
import dev.steward.mail.LetterTemplate;
import dev.steward.mail.Outbox;
import dev.steward.mail.OutboxEntry;
import dev.steward.mail.OutgoingMail;
import dev.steward.policy.Channel;
import dev.steward.policy.PolicyChange;
import dev.steward.policy.PolicyDiff;
import dev.steward.policy.PolicyVersions;
import dev.steward.policy.PublishedPolicy;
import dev.steward.policy.Purpose;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import dev.steward.store.UniqueViolation;
import dev.steward.vault.Vault;
import dev.steward.web.PublicUrl;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tells people of a significant change to the policy (GDPR Art. 13(3) and 14(4); the policy's own
 * promise in {@code change_notification}): one campaign per published version whose difference from
 * the version before it is significant, one letter per person with an email address and a
 * relationship that has not ended, sent through the outbox at a bounded rate.
 *
 * <p>Everything a campaign has done is in the store: the people are listed in batches in subject-id
 * order, each person's notice is marked sent in the same transaction that queues the letter, so a
 * node killed midway resumes on the next run without writing to anyone twice. A letter can arrive
 * twice only when a node dies between handing it to the mail server and recording that, and then
 * both copies carry the same Message-ID. Purposes that rest on consent and changed are named in
 * each letter with the way to agree again, and the consents given to them on an earlier notice
 * expire when the campaign starts: the consent is never assumed to carry over. Thread-safe; {@link
 * #run} is meant to run once at a time across nodes (a db-scheduler job).
 */
public final class ChangeCampaigns {
  /** The category that holds the address a letter goes to (see {@code FormRules}). */
  static final String EMAIL_CATEGORY = "contact.email";

  /** Letters queued per run of the node's job, which runs every ten seconds: 300 a minute. */
  public static final int LETTERS_PER_RUN = 50;

  private static final int LIST_BATCH = 1000;
  private static final Principal SENDER = new Principal.System("change-campaigns");

  private final Database database;
  private final PolicyVersions versions;
  private final Vault vault;
  private final ConsentLedger consents;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final PublicUrl publicUrl;
  private final Clock clock;
  private final int lettersPerRun;
  private final Map<String, LetterTemplate> letters = new LinkedHashMap<>();

  /**
   * @param lettersPerRun at most this many letters are queued by one {@link #run}, which bounds the
   *     rate at which a campaign reaches the mail server
   */
  public ChangeCampaigns(
      Database database,
      PolicyVersions versions,
      Vault vault,
      ConsentLedger consents,
      Outbox outbox,
      AuditTrail audit,
      PublicUrl publicUrl,
      Clock clock,
      int lettersPerRun) {
    if (lettersPerRun < 1) {
      throw new IllegalArgumentException("lettersPerRun must be at least 1");
    }
    this.database = database;
    this.versions = versions;
    this.vault = vault;
    this.consents = consents;
    this.outbox = outbox;
    this.audit = audit;
    this.publicUrl = publicUrl;
    this.clock = clock;
    this.lettersPerRun = lettersPerRun;
    for (String language : List.of("en", "zh-CN")) {
      letters.put(language, LetterTemplate.load("letters/" + language + "/policy-change.txt"));
    }
  }

  /** A campaign and how far it has gone. */
  public record Campaign(
      UUID id,
      String version,
      String previousVersion,
      String state,
      Instant startedAt,
      Instant finishedAt,
      boolean listed,
      List<String> reconsentPurposes,
      int pending,
      int sent,
      int skipped) {
    public int total() {
      return pending + sent + skipped;
    }
  }

  /** A published version whose change is significant and that no campaign has told people of. */
  public record Offer(String version, String previousVersion, List<PolicyChange> significant) {}

  /** A version a person was told about, and when the letter was queued. */
  public record Told(String version, Instant at) {}

  /** Versions whose significant change no campaign has announced yet, newest first. */
  public List<Offer> offers() {
    Set<String> started =
        Set.copyOf(
            database
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery("select policy_version from change_campaign")
                            .mapTo(String.class)
                            .list()));
    List<PublishedPolicy> all = versions.all();
    List<Offer> offers = new ArrayList<>();
    for (int i = all.size() - 1; i >= 1; i--) {
      PublishedPolicy newer = all.get(i);
      if (started.contains(newer.version()) || !byEmail(newer)) {
        continue;
      }
      List<PolicyChange> significant = significant(all.get(i - 1), newer);
      if (!significant.isEmpty()) {
        offers.add(new Offer(newer.version(), all.get(i - 1).version(), significant));
      }
    }
    return offers;
  }

  /**
   * Starts telling people of {@code version}. The letters go out on the following runs.
   *
   * @throws ForbiddenException unless the actor may publish the policy
   * @throws NotFoundException when no such version was published
   * @throws ConflictException when the version changes nothing significant against the one before
   *     it, the policy does not notify by email, or a campaign for it exists
   */
  public Campaign start(Principal actor, String version) {
    if (!actor.has(Permission.POLICY_PUBLISH)) {
      throw new ForbiddenException("starting a campaign needs the policy:publish permission");
    }
    List<PublishedPolicy> all = versions.all();
    int index = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).version().equals(version)) {
        index = i;
      }
    }
    if (index < 0) {
      throw new NotFoundException("no published policy version " + version);
    }
    if (index == 0) {
      throw new ConflictException(
          "version " + version + " is the first published: there is no change to tell of");
    }
    PublishedPolicy newer = all.get(index);
    PublishedPolicy older = all.get(index - 1);
    if (!byEmail(newer)) {
      throw new ConflictException("the policy's change_notification does not tell people by email");
    }
    List<PolicyChange> significant = significant(older, newer);
    if (significant.isEmpty()) {
      throw new ConflictException(
          "version " + version + " changes nothing significant against " + older.version());
    }
    List<String> reconsent = reconsentPurposes(newer, significant);
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    try {
      database
          .jdbi()
          .useTransaction(
              handle -> {
                handle
                    .createUpdate(
                        "insert into change_campaign (id, policy_version, previous_version, state,"
                            + " started_by_type, started_by, started_at, listed,"
                            + " reconsent_purposes) values (:id, :version, :previous, 'running',"
                            + " :actorType, :actor, :at, false, :reconsent)")
                    .bind("id", id)
                    .bind("version", version)
                    .bind("previous", older.version())
                    .bind("actorType", actor.actorType())
                    .bind("actor", actor.actorId())
                    .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .bind("reconsent", String.join(",", reconsent))
                    .execute();
                consents.expireForChangedPurposes(
                    handle, actor, Set.copyOf(reconsent), version, "campaign:" + id);
                audit.record(
                    handle,
                    actor,
                    "campaign.started",
                    "change-campaign",
                    id.toString(),
                    "ok",
                    "version=" + version + " changes=" + significant.size());
              });
    } catch (RuntimeException e) {
      if (UniqueViolation.causedBy(e)) {
        throw new ConflictException("a campaign for version " + version + " exists");
      }
      throw e;
    }
    return find(id).orElseThrow();
  }

  public List<Campaign> list() {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select id from change_campaign order by started_at desc")
                    .mapTo(UUID.class)
                    .list())
        .stream()
        .map(id -> find(id).orElseThrow())
        .toList();
  }

  public Optional<Campaign> find(UUID id) {
    return database
        .jdbi()
        .withHandle(
            h -> {
              Optional<Campaign> bare =
                  h.createQuery(
                          "select id, policy_version, previous_version, state, started_at,"
                              + " finished_at, listed, reconsent_purposes from change_campaign"
                              + " where id = :id")
                      .bind("id", id)
                      .map(
                          (rs, ctx) ->
                              new Campaign(
                                  rs.getObject(1, UUID.class),
                                  rs.getString(2),
                                  rs.getString(3),
                                  rs.getString(4),
                                  rs.getObject(5, OffsetDateTime.class).toInstant(),
                                  Optional.ofNullable(rs.getObject(6, OffsetDateTime.class))
                                      .map(OffsetDateTime::toInstant)
                                      .orElse(null),
                                  rs.getBoolean(7),
                                  ids(rs.getString(8)),
                                  0,
                                  0,
                                  0))
                      .findOne();
              if (bare.isEmpty()) {
                return bare;
              }
              Map<String, Integer> counts = new LinkedHashMap<>();
              h.createQuery(
                      "select state, count(*) from change_notice where campaign_id = :id"
                          + " group by state")
                  .bind("id", id)
                  .map((rs, ctx) -> counts.put(rs.getString(1), rs.getInt(2)))
                  .list();
              Campaign c = bare.get();
              return Optional.of(
                  new Campaign(
                      c.id(),
                      c.version(),
                      c.previousVersion(),
                      c.state(),
                      c.startedAt(),
                      c.finishedAt(),
                      c.listed(),
                      c.reconsentPurposes(),
                      counts.getOrDefault("pending", 0),
                      counts.getOrDefault("sent", 0),
                      counts.getOrDefault("skipped", 0)));
            });
  }

  /** The versions {@code subjectId} was sent a letter about, oldest first. */
  public List<Told> toldAbout(Principal actor, UUID subjectId) {
    if (!actor.has(Permission.SUBJECT_READ)) {
      throw new ForbiddenException("this needs the subject:read permission");
    }
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select c.policy_version, n.decided_at from change_notice n join"
                            + " change_campaign c on c.id = n.campaign_id where n.subject_id ="
                            + " :subject and n.state = 'sent' order by n.decided_at")
                    .bind("subject", subjectId)
                    .map(
                        (rs, ctx) ->
                            new Told(
                                rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                    .list());
  }

  /**
   * One step of every running campaign: lists the next batch of people, queues up to the rate's
   * letters, and closes a campaign with nobody left. Returns the letters queued.
   */
  public int run() {
    int queued = 0;
    List<UUID> running =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select id from change_campaign where state = 'running' order by"
                                + " started_at")
                        .mapTo(UUID.class)
                        .list());
    for (UUID id : running) {
      Campaign campaign = find(id).orElseThrow();
      if (!campaign.listed()) {
        listNextBatch(id);
      }
      queued += sendPending(campaign, lettersPerRun - queued);
      finishIfDone(id);
      if (queued >= lettersPerRun) {
        break;
      }
    }
    return queued;
  }

  /** Adds the next batch of people to tell; the campaign's row lock keeps two runs apart. */
  private void listNextBatch(UUID campaignId) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    database
        .jdbi()
        .useTransaction(
            handle -> {
              UUID after =
                  handle
                      .createQuery(
                          "select listed_after from change_campaign where id = :id for update")
                      .bind("id", campaignId)
                      .mapTo(UUID.class)
                      .findOne()
                      .orElse(null);
              // An email address and a relationship that has not ended (Art. 13(3): the people
              // whose data is processed now); erased and merged subjects are gone from the list.
              List<UUID> people =
                  handle
                      .createQuery(
                          "select s.id from vault_subject s where"
                              + (after == null ? " 1 = 1" : " s.id > :after")
                              + " and (s.relationship_end is null or s.relationship_end >= :today)"
                              + " and not exists (select 1 from vault_tombstone t"
                              + " where t.subject_id = s.id)"
                              + " and not exists (select 1 from change_notice n"
                              + " where n.campaign_id = :campaign and n.subject_id = s.id)"
                              + " and exists (select 1 from vault_record r where r.subject_id ="
                              + " s.id and r.category = :category)"
                              + " order by s.id limit :limit")
                      .bind("after", after)
                      .bind("today", today)
                      .bind("campaign", campaignId)
                      .bind("category", EMAIL_CATEGORY)
                      .bind("limit", LIST_BATCH)
                      .mapTo(UUID.class)
                      .list();
              var insert =
                  handle.prepareBatch(
                      "insert into change_notice (campaign_id, subject_id, state)"
                          + " values (:campaign, :subject, 'pending')");
              for (UUID person : people) {
                insert.bind("campaign", campaignId).bind("subject", person).add();
              }
              if (!people.isEmpty()) {
                insert.execute();
              }
              handle
                  .createUpdate(
                      "update change_campaign set listed_after = :last, listed = :listed"
                          + " where id = :id")
                  .bind("last", people.isEmpty() ? after : people.get(people.size() - 1))
                  .bind("listed", people.size() < LIST_BATCH)
                  .bind("id", campaignId)
                  .execute();
            });
  }

  private int sendPending(Campaign campaign, int limit) {
    if (limit <= 0) {
      return 0;
    }
    List<UUID> pending =
        database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select subject_id from change_notice where campaign_id = :id and"
                                + " state = 'pending' order by subject_id limit :limit")
                        .bind("id", campaign.id())
                        .bind("limit", limit)
                        .mapTo(UUID.class)
                        .list());
    PublishedPolicy policy =
        versions
            .version(campaign.version())
            .orElseThrow(
                () -> new IllegalStateException("version " + campaign.version() + " vanished"));
    int queued = 0;
    for (UUID person : pending) {
      Optional<String> address =
          vault.newestValue(SENDER, person, EMAIL_CATEGORY, "change-campaign " + campaign.id());
      if (decide(campaign, person, address.map(to -> letter(campaign, policy, to)))) {
        queued++;
      }
    }
    return queued;
  }

  /**
   * Marks one pending notice sent (queuing its letter in the same transaction) or skipped when the
   * person has no address left; false when another run decided it first.
   */
  private boolean decide(Campaign campaign, UUID person, Optional<OutgoingMail> letter) {
    Instant now = clock.instant();
    return database
        .jdbi()
        .inTransaction(
            handle -> {
              Optional<OutboxEntry> queued = letter.map(mail -> outbox.enqueue(handle, mail));
              int marked =
                  handle
                      .createUpdate(
                          "update change_notice set state = :state, reason = :reason,"
                              + " outbox_id = :outbox, decided_at = :at where campaign_id ="
                              + " :campaign and subject_id = :subject and state = 'pending'")
                      .bind("state", queued.isPresent() ? "sent" : "skipped")
                      .bind("reason", queued.isPresent() ? null : "no_address")
                      .bind("outbox", queued.map(OutboxEntry::id).orElse(null))
                      .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                      .bind("campaign", campaign.id())
                      .bind("subject", person)
                      .execute();
              if (marked == 0) {
                handle.rollback();
                return false;
              }
              return queued.isPresent();
            });
  }

  private void finishIfDone(UUID campaignId) {
    database
        .jdbi()
        .useTransaction(
            handle -> {
              int finished =
                  handle
                      .createUpdate(
                          "update change_campaign set state = 'done', finished_at = :at where id ="
                              + " :id and state = 'running' and listed = true and not exists"
                              + " (select 1 from change_notice n where n.campaign_id = :id and"
                              + " n.state = 'pending')")
                      .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                      .bind("id", campaignId)
                      .execute();
              if (finished > 0) {
                audit.record(
                    handle, SENDER, "campaign.finished", "change-campaign", campaignId.toString());
              }
            });
  }

  /** The letter, in English and then Simplified Chinese: the store does not hold a language. */
  private OutgoingMail letter(Campaign campaign, PublishedPolicy policy, String to) {
    String effective = LocalDate.ofInstant(policy.inForceFrom(), ZoneOffset.UTC).toString();
    List<LetterTemplate.Filled> filled = new ArrayList<>();
    for (Map.Entry<String, LetterTemplate> template : letters.entrySet()) {
      String language = template.getKey();
      Map<String, String> values = new LinkedHashMap<>();
      values.put("version", campaign.version());
      values.put("effective", effective);
      values.put(
          "noticeLink", publicUrl.link("/privacy/" + campaign.version() + "?lang=" + language));
      values.put("centerLink", publicUrl.link("/preferences?lang=" + language));
      values.put("reconsent", reconsentParagraph(campaign, policy, language));
      filled.add(template.getValue().fill(values));
    }
    String subject = filled.get(0).subject() + " / " + filled.get(1).subject();
    String body =
        filled.get(0).body().strip() + "\n\n----\n\n" + filled.get(1).body().strip() + "\n";
    return OutgoingMail.text("letter.policy-change", to, subject, body)
        .relatedTo("change-campaign", campaign.id().toString());
  }

  private static String reconsentParagraph(
      Campaign campaign, PublishedPolicy policy, String language) {
    if (campaign.reconsentPurposes().isEmpty()) {
      return "";
    }
    String names =
        policy.policy().purposes().stream()
            .filter(p -> campaign.reconsentPurposes().contains(p.id()))
            .map(Purpose::name)
            .collect(Collectors.joining("; "));
    return language.equals("en")
        ? "Some of what changed concerns uses of your data that rely on your consent ("
            + names
            + "). We will not assume that your earlier consent covers them: if you agree, please"
            + " say so again in the privacy center.\n\n"
        : "部分变更涉及以您的同意为依据的用途（" + names + "）。我们不会认为您此前的同意仍然适用；如您同意，请在隐私中心重新作出选择。\n\n";
  }

  private static boolean byEmail(PublishedPolicy policy) {
    return policy
        .policy()
        .changeNotification()
        .map(n -> n.channels().contains(Channel.EMAIL))
        .orElse(false);
  }

  private static List<PolicyChange> significant(PublishedPolicy older, PublishedPolicy newer) {
    return PolicyDiff.between(older.policy(), newer.policy()).stream()
        .filter(PolicyChange::significant)
        .toList();
  }

  /** Consent-based purposes of the new version that a significant change added or changed. */
  private static List<String> reconsentPurposes(
      PublishedPolicy newer, List<PolicyChange> significant) {
    Set<String> touched =
        significant.stream()
            .filter(c -> c.section().equals("purposes") && c.kind() != PolicyChange.Kind.REMOVED)
            .map(PolicyChange::id)
            .collect(Collectors.toSet());
    return newer.policy().purposes().stream()
        .filter(p -> touched.contains(p.id()) && p.isConsentBased())
        .map(Purpose::id)
        .toList();
  }

  private static List<String> ids(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
  }
}
