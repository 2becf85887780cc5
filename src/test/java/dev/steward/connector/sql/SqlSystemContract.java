package dev.steward.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.steward.connector.ConnectorProblems;
import dev.steward.connector.Connectors;
import dev.steward.connector.TcpProxy;
import dev.steward.fulfilment.Correction;
import dev.steward.fulfilment.DataItem;
import dev.steward.fulfilment.DataSystem;
import dev.steward.fulfilment.ErasureScope;
import dev.steward.fulfilment.KeptItem;
import dev.steward.fulfilment.SubjectRef;
import dev.steward.fulfilment.SystemResult;
import dev.steward.policy.Policy;
import dev.steward.policy.PolicyChecker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL connector against a real database seeded with a company's tables, opened the way the node
 * opens it: from a policy file's {@code connector:} block and a dataset description. Alice is the
 * subject, known to the connector only by the identities her request gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SqlSystemContract {
  static final String HASH_KEY = "0123456789abcdef0123456789abcdef";
  private static final ErasureScope GDPR = new ErasureScope(false, List.of());

  final CompanyDatabase database;
  Policy policy;
  SqlSystem system;
  @TempDir Path dir;

  SqlSystemContract(CompanyDatabase database) {
    this.database = database;
  }

  static Policy bundledPolicy(String systemsBlock) throws IOException {
    String text;
    try (InputStream in =
        SqlSystemContract.class
            .getClassLoader()
            .getResourceAsStream(PolicyChecker.BUNDLED_RESOURCE)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    text = text.replaceFirst("(?m)^systems:\n", "systems:\n" + systemsBlock);
    return new PolicyChecker(Clock.systemUTC()).check("policy.yaml", text).orThrow();
  }

  String connectorBlock(int port) {
    return "  - id: shop-db\n"
        + "    name: Shop database\n"
        + "    owner: unstated\n"
        + "    location: unstated\n"
        + "    processor: unstated\n"
        + "    categories: [identification, contact, service, device, applicant, marketing]\n"
        + "    connector:\n"
        + "      type: sql\n"
        + "      url: "
        + database.url(port)
        + "\n"
        + "      user: "
        + database.user()
        + "\n"
        + "      password_env: SHOP_DB_PASSWORD\n"
        + "      hash_key_env: SHOP_DB_HASH_KEY\n"
        + "      dataset: company-dataset.yaml\n";
  }

  @BeforeAll
  void createDatabase() throws Exception {
    database.create();
  }

  @AfterAll
  void dropDatabase() throws Exception {
    database.close();
  }

  @BeforeEach
  void seedAndOpen() throws Exception {
    database.seed();
    try (InputStream in = getClass().getResourceAsStream("/connector/company-dataset.yaml")) {
      Files.write(dir.resolve("company-dataset.yaml"), in.readAllBytes());
    }
    system = open(database.port());
  }

  /** The system as the node opens it from the policy, reaching the database at {@code port}. */
  SqlSystem open(int port) throws IOException {
    policy = bundledPolicy(connectorBlock(port));
    List<DataSystem> opened =
        new Connectors(List.of(new SqlConnectorType()))
            .open(
                policy,
                dir,
                Map.of("SHOP_DB_PASSWORD", database.password(), "SHOP_DB_HASH_KEY", HASH_KEY),
                Clock.systemUTC());
    assertThat(opened).hasSize(1);
    return (SqlSystem) opened.get(0);
  }

  @Test
  void aDatabaseThatGoesDown_failsWithoutValuesInTheMessage_andServesOnceItIsBack()
      throws Exception {
    try (TcpProxy proxy = new TcpProxy(database.port())) {
      SqlSystem through = open(proxy.port());
      assertThat(through.access(alice()).items()).isNotEmpty();

      proxy.cut();
      Throwable down = catchThrowable(() -> through.erase(alice(), GDPR));
      assertThat(down)
          .isInstanceOf(SqlSystem.Unreachable.class)
          .hasMessageStartingWith("shop-db: connection failed");
      assertThat(down.getMessage()).doesNotContain("alice", "Alice");
      assertThat(database.count("select count(*) from support_tickets")).isEqualTo(2);

      proxy.restore();
      assertThat(through.erase(alice(), GDPR).counts()).containsEntry("support_tickets.deleted", 1);
    }
  }

  static SubjectRef alice() {
    return new SubjectRef(
        null,
        "",
        UUID.randomUUID(),
        List.of(
            new SubjectRef.Identity("email", "alice@example.com"),
            new SubjectRef.Identity("phone", "+447700900123")));
  }

  @Test
  void access_findsExactlyTheSubjectsRows_throughIdentitiesAndRelations() {
    SystemResult result = system.access(alice());

    assertThat(result.counts())
        .containsAllEntriesOf(
            Map.of(
                "customers", 1,
                "contacts", 1,
                "orders", 2,
                "invoices", 1,
                "support_tickets", 1,
                "newsletter", 1,
                "web_sessions", 1,
                "job_applicants", 1,
                "referees", 1));
    List<String> values = result.items().stream().map(DataItem::value).toList();
    assertThat(values)
        .contains("Alice Archer", "alice@work.example", "Where is my parcel?", "203.0.113.7")
        .contains("Dr Rachel Referee")
        .noneMatch(v -> v.contains("Bob") || v.contains("Carol") || v.contains("bob@"))
        .doesNotContain("192.0.2.1", "Sam Second");
    Map<String, List<String>> byCategory =
        result.items().stream()
            .collect(
                Collectors.groupingBy(
                    DataItem::category, Collectors.mapping(DataItem::value, Collectors.toList())));
    assertThat(byCategory.get("applicant.third_party_input"))
        .containsExactlyInAnyOrder("Dr Rachel Referee", "Alice was diligent");
    assertThat(byCategory.get("identification.address")).containsOnly("1 Alice Road, London");
  }

  @Test
  void access_ofSomeoneUnknown_findsNothing() {
    SubjectRef nobody =
        new SubjectRef(
            null,
            "",
            UUID.randomUUID(),
            List.of(new SubjectRef.Identity("email", "x@example.org")));

    assertThat(system.access(nobody).items()).isEmpty();
  }

  @Test
  void erasure_removesOrMasksExactlyTheSubjectsRows_keepsInvoicesUnderTheExemption()
      throws Exception {
    SystemResult result = system.erase(alice(), GDPR);

    assertThat(result.counts())
        .containsEntry("customers.updated", 1)
        .containsEntry("contacts.deleted", 1)
        .containsEntry("orders.updated", 2)
        .containsEntry("invoices.kept", 1)
        .containsEntry("support_tickets.deleted", 1)
        .containsEntry("newsletter.deleted", 1)
        .containsEntry("web_sessions.deleted", 1)
        .containsEntry("job_applicants.deleted", 1)
        .containsEntry("referees.deleted", 1);
    assertThat(result.kept()).hasSize(1);
    KeptItem kept = result.kept().get(0);
    assertThat(kept.exemption()).isEqualTo("legal-obligation");
    assertThat(kept.until()).isEqualTo(Instant.parse("2034-03-01T12:05:00Z"));
    assertThat(String.join(" ", result.ids()) + result.summary() + kept)
        .doesNotContain("alice", "Alice", "London");

    assertThat(database.text("select email from customers where id = 1"))
        .hasSize(64)
        .isEqualTo(new Hasher(HASH_KEY.getBytes(StandardCharsets.UTF_8)).hash("alice@example.com"));
    assertThat(database.text("select full_name from customers where id = 1")).isNull();
    assertThat(database.count("select count(*) from orders where delivery_address is null"))
        .isEqualTo(2);
    assertThat(database.text("select billing_name from invoices where id = 100"))
        .isEqualTo("Alice Archer");
    assertThat(database.count("select count(*) from referees")).isEqualTo(1);
    assertThat(database.count("select count(*) from job_applicants")).isEqualTo(1);
    assertThat(database.count("select count(*) from web_sessions")).isEqualTo(2);
    // Bob and Carol are untouched.
    assertThat(database.text("select full_name from customers where id = 2"))
        .isEqualTo("Bob Baker");
    assertThat(database.count("select count(*) from support_tickets where customer_id = 2"))
        .isEqualTo(1);
    assertThat(database.count("select count(*) from newsletter")).isEqualTo(1);
  }

  @Test
  void erasure_runTwice_changesNothingTheSecondTimeAndReportsZero() {
    system.erase(alice(), GDPR);

    SystemResult again = system.erase(alice(), GDPR);

    assertThat(again.counts().values()).containsOnly(0);
    assertThat(again.kept()).isEmpty();
    assertThat(system.access(alice()).items()).isEmpty();
  }

  @Test
  void erasureDryRun_countsWhatWouldChange_andChangesNothing() throws Exception {
    SystemResult dry = system.eraseDryRun(alice(), GDPR);

    assertThat(dry.summary()).startsWith("dry run");
    assertThat(dry.counts()).containsEntry("support_tickets.deleted", 1);
    assertThat(database.count("select count(*) from support_tickets")).isEqualTo(2);
    assertThat(database.text("select email from customers where id = 1"))
        .isEqualTo("alice@example.com");
    assertThat(system.erase(alice(), GDPR).counts()).isEqualTo(dry.counts());
  }

  @Test
  void erasure_keepsCategoriesStaffKeepUnderAnExemption() throws Exception {
    ErasureScope keepTickets =
        new ErasureScope(
            false,
            List.of(new ErasureScope.Keep("service.inquiry", "legal-claims", "legal_claims", 3)));

    SystemResult result = system.erase(alice(), keepTickets);

    assertThat(result.counts()).containsEntry("support_tickets.kept", 1);
    assertThat(result.kept()).extracting(KeptItem::exemption).contains("legal-claims");
    assertThat(database.count("select count(*) from support_tickets")).isEqualTo(2);
  }

  @Test
  void rectification_reachesTheNamedValueOfTheSubjectsRow_only() throws Exception {
    String nameId =
        system.access(alice()).items().stream()
            .filter(i -> i.id().startsWith("customers/full_name/"))
            .findFirst()
            .orElseThrow()
            .id();

    SystemResult result =
        system.rectify(
            alice(),
            List.of(
                new Correction(nameId, "Alice Archer-Smith"),
                new Correction("customers/full_name/2", "Not Bob")));

    assertThat(result.counts()).containsEntry("rectified", 1);
    assertThat(database.text("select full_name from customers where id = 1"))
        .isEqualTo("Alice Archer-Smith");
    assertThat(database.text("select full_name from customers where id = 2"))
        .isEqualTo("Bob Baker");
  }

  @Test
  void restriction_setsTheDeclaredFlagOnTheSubjectsRows_andLiftsIt() throws Exception {
    assertThat(system.restrict(alice(), true).counts()).containsEntry("customers", 1);
    assertThat(database.count("select count(*) from customers where restricted = true"))
        .isEqualTo(1);
    assertThat(system.restrict(alice(), true).counts()).containsEntry("customers", 0);

    assertThat(system.restrict(alice(), false).counts()).containsEntry("customers", 1);
    assertThat(database.count("select count(*) from customers where restricted = true"))
        .isEqualTo(0);
  }

  @Test
  void retention_deletesRowsOlderThanTheCutoff_whereTheTableNamesItsTimestamp() throws Exception {
    Instant cutoff = Instant.parse("2025-01-01T00:00:00Z");

    SystemResult result = system.deleteOlderThan("device", cutoff);

    assertThat(result.counts()).containsEntry("web_sessions", 2);
    assertThat(database.count("select count(*) from web_sessions")).isEqualTo(1);
    assertThat(system.deleteOlderThan("device", cutoff).counts()).containsEntry("web_sessions", 0);
    assertThat(system.deleteOlderThan("service.provision", cutoff).counts())
        .doesNotContainKey("invoices");
  }

  @Test
  void aDescriptionThatDoesNotMatchTheLiveSchema_isRefusedWithTheLocation() throws Exception {
    String described =
        Files.readString(dir.resolve("company-dataset.yaml"))
            .replace("  support_tickets:\n", "  support_tikets:\n")
            .replace("ip_address: {category", "ip_addr: {category");
    Files.writeString(dir.resolve("company-dataset.yaml"), described);

    var thrown =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ConnectorProblems.Failed.class,
            () ->
                new Connectors(List.of(new SqlConnectorType()))
                    .open(
                        policy,
                        dir,
                        Map.of(
                            "SHOP_DB_PASSWORD", database.password(), "SHOP_DB_HASH_KEY", HASH_KEY),
                        Clock.systemUTC()));

    assertThat(thrown.problems())
        .anyMatch(
            p ->
                p.matches(
                    ".*company-dataset.yaml:\\d+:\\d+: table 'support_tikets' does not exist.*"))
        .anyMatch(
            p -> p.matches(".*company-dataset.yaml:\\d+:\\d+: column 'ip_addr' does not exist.*"));
  }

  static Instant at(String text) {
    return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
  }
}
