package dev.steward.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import dev.steward.access.AccessRoutes;
import dev.steward.access.ApiTokens;
import dev.steward.access.ClientAccounts;
import dev.steward.access.PasswordHasher;
import dev.steward.access.SignIn;
import dev.steward.access.StaffUsers;
import dev.steward.access.StaffWebSessions;
import dev.steward.access.SubjectSessions;
import dev.steward.access.TokenAuthenticator;
import dev.steward.audit.AuditCheckpoints;
import dev.steward.audit.AuditLog;
import dev.steward.audit.AuditReader;
import dev.steward.audit.AuditRoutes;
import dev.steward.audit.AuditVerifier;
import dev.steward.audit.AuditWitness;
import dev.steward.banner.BannerChoices;
import dev.steward.banner.BannerPages;
import dev.steward.banner.BannerRoutes;
import dev.steward.breach.BreachRoutes;
import dev.steward.breach.Incidents;
import dev.steward.campaign.CampaignRoutes;
import dev.steward.campaign.ChangeCampaigns;
import dev.steward.center.CenterPages;
import dev.steward.center.PreferencesPages;
import dev.steward.center.RemovalPages;
import dev.steward.center.StatusPages;
import dev.steward.collection.CollectRoutes;
import dev.steward.collection.Collector;
import dev.steward.config.StewardConfig;
import dev.steward.connector.Connectors;
import dev.steward.connector.sql.SqlConnectorType;
import dev.steward.consent.ConsentPages;
import dev.steward.consent.ConsentServices;
import dev.steward.consent.ConsentStates;
import dev.steward.consent.Party;
import dev.steward.consent.Subscriptions;
import dev.steward.console.AdminPages;
import dev.steward.console.AuditPages;
import dev.steward.console.BreachPages;
import dev.steward.console.CampaignPages;
import dev.steward.console.ConsolePages;
import dev.steward.console.DashboardPage;
import dev.steward.console.PolicyPages;
import dev.steward.console.RequestPages;
import dev.steward.console.RetentionPages;
import dev.steward.console.SubjectPages;
import dev.steward.console.SuppressionPage;
import dev.steward.decision.DecisionFilter;
import dev.steward.decision.DecisionFilterRoutes;
import dev.steward.decision.DecisionInput;
import dev.steward.decision.DecisionRoutes;
import dev.steward.decision.Decisions;
import dev.steward.decision.FilterPage;
import dev.steward.fulfilment.DataSystem;
import dev.steward.fulfilment.Fulfilment;
import dev.steward.fulfilment.FulfilmentSettings;
import dev.steward.fulfilment.RequestTasks;
import dev.steward.keys.KeyName;
import dev.steward.keys.Keys;
import dev.steward.logscan.LogsConnectorType;
import dev.steward.mail.DkimKey;
import dev.steward.mail.MailRetry;
import dev.steward.mail.Outbox;
import dev.steward.mail.TinkMailSealer;
import dev.steward.marketing.Marketing;
import dev.steward.opendsr.OpenDsr;
import dev.steward.policy.CalendarWatch;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PolicyPublishing;
import dev.steward.policy.PolicyRoutes;
import dev.steward.policy.PolicyStartup;
import dev.steward.policy.PolicyVersions;
import dev.steward.policy.PublishedPolicy;
import dev.steward.policy.documents.PdfFont;
import dev.steward.policy.documents.PolicyDocumentRoutes;
import dev.steward.policy.documents.PolicyDocuments;
import dev.steward.principal.Principal;
import dev.steward.request.CenterIntake;
import dev.steward.request.RequestRoutes;
import dev.steward.request.RequestSearch;
import dev.steward.request.Requests;
import dev.steward.request.SmsSender;
import dev.steward.request.WebhookSmsSender;
import dev.steward.retention.Certificates;
import dev.steward.retention.Holds;
import dev.steward.retention.RetentionRoutes;
import dev.steward.retention.RetentionSweep;
import dev.steward.session.SessionRoutes;
import dev.steward.session.SubjectSignIn;
import dev.steward.store.Database;
import dev.steward.vault.DisclosureRoutes;
import dev.steward.vault.ErasureListener;
import dev.steward.vault.NoticeRoutes;
import dev.steward.vault.RecordRoutes;
import dev.steward.vault.SubjectRoutes;
import dev.steward.vault.VaultServices;
import dev.steward.web.HttpServer;
import dev.steward.web.Messages;
import dev.steward.web.Pages;
import dev.steward.web.PublicUrl;
import dev.steward.web.RouteRegistry;
import dev.steward.web.SystemRoutes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Steward node: the whole object graph, wired by hand in the order of its dependencies
 * (store, keys, audit, services, routes, HTTP, jobs). Several nodes may share one PostgreSQL
 * database; everything they must agree on lives there, and jobs run through db-scheduler so each
 * runs once across nodes.
 */
public final class StewardNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StewardNode.class);
  private static final Principal START_UP = new Principal.System("start-up");

  private final Database database;
  private final Database auditStore;
  private final AuditLog audit;
  private final VaultServices vault;
  private final ConsentServices consent;
  private final Decisions decisions;
  private final Marketing marketing;
  private final RetentionSweep retention;
  private final Outbox outbox;
  private final Requests requests;
  private final Scheduler scheduler;
  private final HttpServer http;
  private final RouteRegistry routes;
  private final PolicyVersions policies;

  private StewardNode(
      Database database,
      Database auditStore,
      AuditLog audit,
      VaultServices vault,
      ConsentServices consent,
      Decisions decisions,
      Marketing marketing,
      RetentionSweep retention,
      Outbox outbox,
      Requests requests,
      Scheduler scheduler,
      HttpServer http,
      RouteRegistry routes,
      PolicyVersions policies) {
    this.database = database;
    this.auditStore = auditStore;
    this.audit = audit;
    this.vault = vault;
    this.consent = consent;
    this.decisions = decisions;
    this.marketing = marketing;
    this.retention = retention;
    this.outbox = outbox;
    this.requests = requests;
    this.scheduler = scheduler;
    this.http = http;
    this.routes = routes;
    this.policies = policies;
  }

  /**
   * How this start differs from a plain one.
   *
   * @param sms the text-message provider for phone codes; none by default
   * @param systems data systems fulfilment reaches beside the vault (the connectors'); none by
   *     default
   */
  public record Options(
      boolean publishPolicy,
      SmsSender sms,
      FulfilmentSettings fulfilment,
      List<DataSystem> systems) {
    public Options {
      systems = List.copyOf(systems);
    }

    public Options(boolean publishPolicy) {
      this(
          publishPolicy,
          SmsSender.unconfigured(),
          FulfilmentSettings.fromEnvironment(System.getenv()),
          List.of());
    }

    public static Options defaults() {
      return new Options(false);
    }

    public Options withSms(SmsSender sender) {
      return new Options(publishPolicy, sender, fulfilment, systems);
    }

    public Options withFulfilment(FulfilmentSettings settings) {
      return new Options(publishPolicy, sms, settings, systems);
    }

    public Options withSystems(List<DataSystem> extra) {
      return new Options(publishPolicy, sms, fulfilment, extra);
    }
  }

  /**
   * Opens the store, checks the keys, brings the policy into force, prepares the first admin, and
   * starts serving. The first admin's one-time password goes to {@code console} only, never to a
   * log.
   */
  public static StewardNode start(
      StewardConfig config, Options options, Clock clock, PrintStream console) {
    long started = System.nanoTime();
    StartupTimer timer = new StartupTimer();
    // The keyring opens, and the libraries warm up, beside the store's opening: start-up uses both
    // cores.
    Warmup.begin();
    ExecutorService beside =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "steward-keyring");
              thread.setDaemon(true);
              return thread;
            });
    Future<Database> keyringDatabase =
        beside.submit(
            () -> {
              Database keyring = VaultServices.openKeyring(config.keyring());
              try {
                // The main thread's first queries follow; a first one here pays for loading Jdbi.
                keyring.jdbi().withHandle(h -> h.select("select 1").mapTo(Integer.class).one());
              } catch (RuntimeException e) {
                keyring.close();
                throw e;
              }
              return keyring;
            });
    beside.shutdown();
    Database database;
    try {
      database = Database.open(config.store());
    } catch (RuntimeException e) {
      closeQuietly(keyringDatabase);
      throw e;
    }
    timer.mark("store");
    AuditLog audit = null;
    Database auditStore = null;
    VaultServices vault = null;
    ConsentServices consent = null;
    Decisions decisions = null;
    Marketing marketing = null;
    HttpServer http = null;
    try {
      Keys keys = Keys.load(config.keysDir(), config.keyVariables(), database.jdbi(), clock);
      timer.mark("keys");
      auditStore = database.sibling("audit", 2);
      // The chain's head is witnessed in the keyring, which whoever rewrites the store alone
      // cannot move back: a tail cut from the chain is then noticed (docs/audit-log.md).
      AuditWitness witness = new AuditWitness(await(keyringDatabase), keys, clock);
      audit = new AuditLog(auditStore, clock, witness);
      AuditCheckpoints checkpoints = new AuditCheckpoints(database, keys, clock);

      PolicyChecker checker = new PolicyChecker(clock);
      PolicyVersions policies = new PolicyVersions(database, checker, audit, clock);
      PublishedPolicy inForce =
          new PolicyStartup(policies, checker)
              .bringIntoForce(config.policyFile(), options.publishPolicy(), START_UP, log::warn);
      // Year-by-year calendar data runs out with time, not with publication: say so at every start.
      CalendarWatch calendars = new CalendarWatch(policies, checker);
      calendars.report();

      timer.mark("policy");
      // The systems the policy in force connects (docs/connectors.md), beside those passed in;
      // a policy published later connects its systems at the next start.
      List<DataSystem> systems = new java.util.ArrayList<>(options.systems());
      systems.addAll(
          new Connectors(List.of(new SqlConnectorType(), new LogsConnectorType()))
              .open(
                  inForce.policy(),
                  config
                      .policyFile()
                      .map(file -> file.toAbsolutePath().getParent())
                      .orElse(Path.of("").toAbsolutePath()),
                  System.getenv(),
                  clock));
      vault =
          VaultServices.open(
              database, await(keyringDatabase), keys, policies, config.phoneRegion(), audit, clock);
      Outbox outbox =
          new Outbox(
              database,
              config.mail(),
              MailRetry.defaults(),
              new TinkMailSealer(keys.aead(KeyName.OUTBOX)),
              DkimKey.find(config.keysDir()),
              audit,
              clock);
      timer.mark("vault");

      consent = ConsentServices.open(database, keys, vault, policies, audit, clock);
      OpenDsr opendsr = new OpenDsr(database, config.opendsr(), clock);
      Fulfilment fulfilment =
          Fulfilment.open(
              database,
              vault,
              policies,
              keys,
              outbox,
              audit,
              config
                  .purgeWebhook()
                  .map(options.fulfilment()::withPurgeWebhook)
                  .orElse(options.fulfilment()),
              systems,
              consent,
              clock);
      // A configured gateway sends phone codes; without one a phone-only request is refused.
      SmsSender sms =
          config
              .smsWebhook()
              .<SmsSender>map(gateway -> new WebhookSmsSender(gateway, clock))
              .orElse(options.sms());
      // Without a configured address, links point at this node's own port once it is bound.
      PublicUrl publicUrl = PublicUrl.of(config.http().publicUrl());
      if (config.http().port() != 0) {
        publicUrl.bindPort(config.http().port());
      }
      Requests requests =
          new Requests(
              database,
              policies,
              vault.keyring(),
              vault.index(),
              vault.vault(),
              outbox,
              audit,
              sms,
              fulfilment.planner(),
              opendsr.listener(),
              consent.optOuts(),
              publicUrl,
              clock);
      Fulfilment.Running fulfilling = fulfilment.runWith(requests, publicUrl);
      ConsentStates states = consent.states();
      ErasureListener copies = fulfilling.erasure();
      vault
          .vault()
          .onErasure(
              (actor, erased) -> {
                copies.erased(actor, erased);
                // Decisions about the person deny from now on, on every node (RULES.md).
                states.announce(erased.allIds().stream().map(Party::subject).toList());
              });
      timer.mark("requests");

      PasswordHasher hasher = new PasswordHasher(config.passwordHashing());
      StaffUsers users = new StaffUsers(database, hasher, audit, clock);
      ClientAccounts clients = new ClientAccounts(database, audit, clock);
      ApiTokens tokens = new ApiTokens(database, users, clients, audit, clock);
      SignIn signIn = new SignIn(database, hasher, users, tokens, audit, clock);
      StaffWebSessions webSessions = new StaffWebSessions(database, signIn, users, clock);
      users
          .ensureFirstAdmin()
          .ifPresent(
              password -> {
                console.println("First start: created the user 'admin'.");
                console.println(
                    "One-time password (shown once, change it at first sign-in): " + password);
              });

      timer.mark("access");
      PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      BusinessGauges.register(database.jdbi(), clock, meters);
      RouteRegistry routes = new RouteRegistry();
      Database keyringStore = vault.keyringDatabase();
      new SystemRoutes(
              database::isReady,
              keyringStore::isReady,
              policies::isReady,
              meters,
              Version.current())
          .addTo(routes);
      new AccessRoutes(users, clients, tokens, signIn).addTo(routes);
      new PolicyRoutes(policies, new PolicyPublishing(policies, checker)).addTo(routes);
      new PolicyDocumentRoutes(policies, PolicyDocuments.withSystemFont()).addTo(routes);
      new RequestRoutes(requests, config.store().maxPoolSize()).addTo(routes);
      opendsr.routes(requests).addTo(routes);
      SubjectSessions subjectSessions = new SubjectSessions(database.jdbi(), clock);
      SubjectSignIn subjectSignIn =
          new SubjectSignIn(database, vault.index(), outbox, sms, subjectSessions, audit, clock);
      new SessionRoutes(subjectSignIn, requests).addTo(routes);
      fulfilling.routes().addTo(routes);
      new AuditRoutes(
              new AuditReader(database), new AuditVerifier(database, checkpoints, witness), audit)
          .addTo(routes);
      new SubjectRoutes(vault.vault(), clock).addTo(routes);
      new RecordRoutes(vault.vault()).addTo(routes);
      new DisclosureRoutes(vault.vault().disclosures(), clock).addTo(routes);
      RetentionSweep sweep =
          new RetentionSweep(
              database.jdbi(),
              vault.vault(),
              policies,
              systems,
              new Certificates(keys),
              audit,
              clock);
      Holds holds = new Holds(database.jdbi(), policies, sweep::systemIds, audit, clock);
      new RetentionRoutes(sweep, holds).addTo(routes);
      new NoticeRoutes(vault.vault().art14Notices(), clock).addTo(routes);
      new CollectRoutes(
              new Collector(
                  vault.vault(),
                  vault.index(),
                  policies,
                  database.jdbi(),
                  audit,
                  consent.ledger(),
                  consent.optOuts(),
                  clock))
          .addTo(routes);
      consent.routes().addTo(routes);
      decisions = new Decisions(policies, consent.states(), audit, clock);
      new DecisionRoutes(decisions, new DecisionInput(policies, vault.index())).addTo(routes);
      Subscriptions subscriptions =
          new Subscriptions(database.jdbi(), audit, consent.states(), clock);
      marketing =
          Marketing.open(
              database,
              keys,
              policies,
              vault.index(),
              subscriptions,
              decisions,
              outbox,
              publicUrl,
              audit,
              clock);
      marketing.addTo(routes);
      DecisionFilter decisionFilter =
          new DecisionFilter(
              policies,
              consent.states(),
              database.jdbi(),
              vault.index(),
              audit,
              clock,
              config.filterLimits());
      new DecisionFilterRoutes(decisionFilter).addTo(routes);
      new FilterPage(decisionFilter, policies, config.http().maxBodyBytes()).addTo(routes);

      TokenAuthenticator authenticator = new TokenAuthenticator(database, clock);
      StatusPages statusPages =
          new StatusPages(subjectSignIn, requests, authenticator, fulfilling.packageLinks());
      new CenterPages(
              policies,
              new CenterIntake(requests, policies),
              statusPages,
              new RemovalPages(requests, authenticator),
              fulfilling.packageLinks())
          .addTo(routes);
      new ConsentPages(consent.requests()).addTo(routes);
      BannerChoices banner =
          new BannerChoices(database.jdbi(), consent.ledger(), consent.optOuts(), policies, clock);
      new BannerRoutes(
              banner, consent.requests(), consent.optOuts(), consent.states(), Messages.load())
          .addTo(routes);
      new BannerPages(banner, consent.requests(), consent.optOuts()).addTo(routes);
      new PreferencesPages(
              statusPages, consent.ledger(), consent.states(), subscriptions, policies, clock)
          .addTo(routes);
      new SuppressionPage(subscriptions).addTo(routes);
      // Double opt-in letters link to this node's privacy center (docs/consent.md).
      dev.steward.consent.DoubleOptIn confirmations =
          new dev.steward.consent.DoubleOptIn(
              database.jdbi(), consent.ledger(), outbox, vault.index(), publicUrl, policies, clock);
      consent.ledger().confirmBy(confirmations);
      new dev.steward.consent.ConfirmationPages(confirmations).addTo(routes);
      new dev.steward.consent.ParentalRoutes(
              new dev.steward.consent.ParentalConsents(
                  database.jdbi(), audit, consent.states(), clock))
          .addTo(routes);
      new ConsolePages(webSessions).addTo(routes);
      RequestSearch requestSearch = new RequestSearch(database, clock);
      new DashboardPage(requestSearch, vault.vault().art14Notices(), clock).addTo(routes);
      new RequestPages(
              requests,
              requestSearch,
              new RequestTasks(database),
              users,
              policies,
              fulfilling.instructions(),
              clock)
          .addTo(routes);
      new SubjectPages(vault.vault(), policies, consent.ledger()).addTo(routes);
      new dev.steward.console.ConsentConsolePages(
              new dev.steward.consent.ConsentCounts(database.jdbi()),
              consent.ledger(),
              // People on the suppression list: distinct address hashes, whatever their scope.
              () ->
                  java.util.OptionalLong.of(
                      subscriptions.suppressionList().stream()
                          .map(dev.steward.consent.Subscriptions.Suppressed::hash)
                          .distinct()
                          .count()),
              clock)
          .addTo(routes);
      new PolicyPages(policies, new PolicyChecker(clock), PolicyDocuments.withSystemFont())
          .addTo(routes);
      new AdminPages(users, tokens, clients).addTo(routes);
      ChangeCampaigns campaigns =
          new ChangeCampaigns(
              database,
              policies,
              vault.vault(),
              consent.ledger(),
              outbox,
              audit,
              publicUrl,
              clock,
              ChangeCampaigns.LETTERS_PER_RUN);
      new CampaignRoutes(campaigns).addTo(routes);
      new CampaignPages(campaigns).addTo(routes);
      new RetentionPages(sweep, holds).addTo(routes);
      new AuditPages(new AuditReader(database), new AuditVerifier(database, checkpoints), audit)
          .addTo(routes);
      Incidents incidents = new Incidents(database, policies, vault.vault(), outbox, audit, clock);
      new BreachRoutes(incidents, () -> PdfFont.fromEnvironment(System.getenv())).addTo(routes);
      new BreachPages(incidents, policies, () -> PdfFont.fromEnvironment(System.getenv()), clock)
          .addTo(routes);
      Pages pages =
          Pages.standard(
              () -> organisationName(policies.current().policy()), webSessions, publicUrl);

      Warmup.await();
      http =
          new HttpServer(
              config.http(), routes, new TokenAuthenticator(database, clock), pages, meters, clock);
      http.start();
      publicUrl.bindPort(http.port());
      if (publicUrl.isConfigured()) {
        log.info("public URL: {}", publicUrl.base());
      } else {
        log.info(
            "no public-url set: letters link to {}; set --public-url, STEWARD_PUBLIC_URL or"
                + " public-url in steward.yaml to the address people use",
            publicUrl.base());
      }
      timer.mark("http");
      // No route needs the scheduler: tasks are rows in the store, which it picks up once running.
      // Recurring jobs are start tasks: db-scheduler registers and schedules them once per store.
      List<RecurringTask<?>> recurring = new ArrayList<>(outbox.startTasks());
      recurring.add(Jobs.auditCheckpoint(checkpoints));
      recurring.add(Jobs.exemptionExpiry(vault.vault()));
      recurring.add(Jobs.receiptConfirmations(requests));
      recurring.add(Jobs.clockGaps(requests));
      recurring.add(Jobs.calendarWatch(calendars));
      recurring.add(Jobs.changeCampaigns(campaigns));
      recurring.add(Jobs.retentionSweep(sweep));
      Scheduler scheduler =
          Scheduler.create(database.dataSource(), oneTimeTasks(outbox, opendsr, fulfilling))
              .startTasks(recurring)
              .failureLogging(LogLevel.INFO, false)
              .threads(2)
              .alwaysPersistTimestampInUTC()
              .pollingInterval(config.scheduling().pollingInterval())
              .heartbeatInterval(config.scheduling().heartbeatInterval())
              .missedHeartbeatsLimit(StewardConfig.Scheduling.MISSED_HEARTBEATS)
              .build();
      scheduler.start();
      // Work this node schedules for now starts at once; the poll remains for other nodes' work.
      database.tasks().wakeWith(scheduler::triggerCheckForDueExecutions);
      timer.mark("jobs");
      log.info(
          "Steward {} serving on port {} with policy version {}, started in {} ms",
          Version.current(),
          http.port(),
          inForce.version(),
          (System.nanoTime() - started) / 1_000_000);
      log.debug("start-up phases: {}", timer);
      return new StewardNode(
          database,
          auditStore,
          audit,
          vault,
          consent,
          decisions,
          marketing,
          sweep,
          outbox,
          requests,
          scheduler,
          http,
          routes,
          policies);
    } catch (RuntimeException e) {
      if (http != null) {
        http.stop();
      }
      if (decisions != null) {
        decisions.close();
      }
      if (consent != null) {
        consent.close();
      }
      // The audit log first: it records the chain's head in the keyring as it closes.
      if (audit != null) {
        audit.close();
      }
      if (auditStore != null) {
        auditStore.close();
      }
      if (vault != null) {
        vault.close();
      } else {
        closeQuietly(keyringDatabase);
      }
      database.close();
      throw e;
    }
  }

  /** The organisation the pages name: the policy's first entity, which the policy lists first. */
  private static String organisationName(dev.steward.policy.Policy policy) {
    return policy.entities().isEmpty() ? "Steward" : policy.entities().get(0).legalName();
  }

  private static List<Task<?>> oneTimeTasks(
      Outbox outbox, OpenDsr opendsr, Fulfilment.Running fulfilling) {
    List<Task<?>> tasks = new ArrayList<>(outbox.tasks());
    tasks.addAll(opendsr.tasks());
    tasks.addAll(fulfilling.tasks());
    return tasks;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("start-up failed", e.getCause());
    }
  }

  private static void closeQuietly(Future<Database> database) {
    try {
      database.get().close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | RuntimeException e) {
      // It never opened, or closing failed on the way out: the original failure is what matters.
    }
  }

  /**
   * Starts warming up the libraries a node needs, on a second thread, before anything else of the
   * process: {@code steward serve} calls it first, so the warm-up runs beside the command line's
   * parsing too. Optional; {@link #start} begins it otherwise.
   */
  public static void warmUp() {
    Warmup.begin();
  }

  public int port() {
    return http.port();
  }

  public Database database() {
    return database;
  }

  public HttpServer http() {
    return http;
  }

  /** Every route this node serves, as declared. */
  public RouteRegistry routes() {
    return routes;
  }

  public PolicyVersions policies() {
    return policies;
  }

  public AuditLog audit() {
    return audit;
  }

  public VaultServices vault() {
    return vault;
  }

  public Outbox outbox() {
    return outbox;
  }

  public ConsentServices consent() {
    return consent;
  }

  /** Marketing mail and unsubscribe links, for in-process callers. */
  public Marketing marketing() {
    return marketing;
  }

  /** Retention sweeps, for in-process callers. */
  public RetentionSweep retention() {
    return retention;
  }

  /** The decision service, for in-process callers. */
  public Decisions decisions() {
    return decisions;
  }

  public Requests requests() {
    return requests;
  }

  @Override
  public void close() {
    http.stop();
    scheduler.stop();
    decisions.close();
    consent.close();
    audit.close();
    auditStore.close();
    vault.close();
    database.close();
  }
}
