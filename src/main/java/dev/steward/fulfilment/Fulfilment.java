package dev.steward.fulfilment;

import com.github.kagkarlsson.scheduler.task.Task;
import dev.steward.audit.AuditTrail;
import dev.steward.consent.ConsentServices;
import dev.steward.keys.KeyName;
import dev.steward.keys.Keys;
import dev.steward.mail.Outbox;
import dev.steward.policy.PublishedPolicies;
import dev.steward.request.FulfilmentPlanner;
import dev.steward.request.Requests;
import dev.steward.store.Database;
import dev.steward.vault.ErasureListener;
import dev.steward.vault.VaultServices;
import dev.steward.web.OutboundHttp;
import java.time.Clock;
import java.util.List;

/**
 * Fulfilment of rights requests across the data systems. Built in two steps because the request
 * workflow needs the planner and fulfilment needs the workflow to complete requests: {@link #open}
 * before {@code Requests}, then {@link #runWith} after it. Thread-safe; one per node.
 */
public final class Fulfilment {
  private final Database database;
  private final VaultServices vault;
  private final PublishedPolicies policies;
  private final Keys keys;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final FulfilmentSettings settings;
  private final Clock clock;
  private final List<DataSystem> systems;
  private final Planning planning;
  private final Restrictions restrictions;
  private final Objections objections;
  private final Sealing sealing;
  private final InstructionRows instructions;
  private final Recipients recipients;
  private final ConsentServices consent;

  private Fulfilment(
      Database database,
      VaultServices vault,
      PublishedPolicies policies,
      Keys keys,
      Outbox outbox,
      AuditTrail audit,
      FulfilmentSettings settings,
      List<DataSystem> extra,
      ConsentServices consent,
      Clock clock) {
    this.database = database;
    this.vault = vault;
    this.policies = policies;
    this.keys = keys;
    this.outbox = outbox;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
    this.consent = consent;
    this.restrictions = new Restrictions(database.jdbi(), consent.states(), clock);
    this.objections = new Objections(database.jdbi(), consent.ledger(), consent.states(), clock);
    this.sealing = new Sealing(vault.keyring());
    this.instructions = new InstructionRows(database.jdbi(), sealing);
    VaultSystem first =
        new VaultSystem(vault.vault(), policies, restrictions, "legal-compliance", clock);
    this.systems = concat(first, extra);
    this.recipients = new Recipients(vault.vault().disclosures());
    this.planning = new Planning(database, vault.vault(), systems, recipients, sealing, clock);
  }

  /** Fulfilment over the vault and {@code extra} systems (the connectors'). */
  public static Fulfilment open(
      Database database,
      VaultServices vault,
      PublishedPolicies policies,
      Keys keys,
      Outbox outbox,
      AuditTrail audit,
      FulfilmentSettings settings,
      List<DataSystem> extra,
      ConsentServices consent,
      Clock clock) {
    return new Fulfilment(
        database, vault, policies, keys, outbox, audit, settings, extra, consent, clock);
  }

  public FulfilmentPlanner planner() {
    return planning;
  }

  public Restrictions restrictions() {
    return restrictions;
  }

  public Objections objections() {
    return objections;
  }

  /**
   * The task runners and routes, now that the workflow exists to complete requests.
   *
   * @param publicUrl where people reach this node, put before the download links of letters
   */
  public Running runWith(Requests requests, dev.steward.web.PublicUrl publicUrl) {
    java.util.function.Supplier<java.net.http.HttpClient> http = OutboundHttp::client;
    var jdbi = database.jdbi();
    var links = new DownloadLinks(keys.mac(KeyName.DOWNLOAD_LINKS));
    var packages =
        new AccessPackages(jdbi, sealing, links, policies, audit, settings.linkLifetime(), clock);
    var steps =
        new Steps(
            objections,
            instructions,
            new ContentPurge(settings.purgeWebhook(), http, jdbi, clock),
            consent.optOuts(),
            jdbi);
    var runner =
        new TaskRunner(
            jdbi, systems, steps, planning, sealing, recipients, settings.firstRetry(), clock);
    var finisher =
        new Finisher(
            jdbi,
            requests,
            policies,
            sealing,
            new PackageContent(vault.vault().disclosures()),
            packages,
            new Transmissions(http, jdbi, clock, settings.plainHttpTransmission()),
            new RecipientNotices(settings.recipientContacts(), policies, outbox, http, jdbi, clock),
            instructions,
            // A test's own address wins; otherwise the node's public URL, known once it listens.
            settings.publicUrl().isEmpty() ? publicUrl::base : settings::publicUrl,
            settings.firstRetry(),
            clock);
    InstructionDesk desk =
        new InstructionDesk(
            requests, instructions, policies, settings.plainHttpTransmission(), clock);
    return new Running(
        List.of(runner.task(), finisher.task()),
        new FulfilmentRoutes(requests, desk, packages, jdbi),
        new ErasedCopies(jdbi, requests, audit, clock),
        new PackageLinks(packages),
        desk);
  }

  /**
   * What the node passes on: the one-time tasks for db-scheduler, the HTTP routes, and what the
   * vault tells when it erases a person (their packages, documents and request details go too).
   */
  public record Running(
      List<Task<?>> tasks,
      FulfilmentRoutes routes,
      ErasureListener erasure,
      PackageLinks packageLinks,
      InstructionDesk instructions) {}

  private static List<DataSystem> concat(DataSystem first, List<DataSystem> extra) {
    List<DataSystem> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(extra);
    return List.copyOf(all);
  }
}
