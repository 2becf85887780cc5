package dev.steward.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Discovery over a company's schema (customers, orders, invoices, support tickets, newsletter, web
 * sessions, job applicants and their referees) on H2, PostgreSQL and MariaDB, each in a database of
 * its own made and dropped here, and over a directory of logs, CSV and JSON Lines.
 */
class DiscoveryTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T00:00:00Z"), ZoneOffset.UTC);

  private static final Map<String, String> EXPECTED =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("customers.full_name", "name"),
              Map.entry("customers.email", "email"),
              Map.entry("customers.phone", "phone"),
              Map.entry("customers.date_of_birth", "date_of_birth"),
              Map.entry("customers.street_address", "address"),
              Map.entry("customers.resident_id", "cn_resident_id"),
              Map.entry("orders.shipping_address", "address"),
              Map.entry("invoices.iban", "iban"),
              Map.entry("invoices.card_number", "payment_card"),
              Map.entry("support_tickets.customer_email", "email"),
              Map.entry("newsletter.address", "email"),
              Map.entry("web_sessions.client_ip", "ipv4"),
              Map.entry("web_sessions.client_ip6", "ipv6"),
              Map.entry("job_applicants.name", "name"),
              Map.entry("job_applicants.nino", "uk_nino"),
              Map.entry("job_applicants.ssn", "us_ssn"),
              Map.entry("referees.referee_name", "name"),
              Map.entry("referees.contact", "phone")));

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql", "mariadb"})
  void database_companySchema_findsEachPersonalColumnAndNothingElse(String engine)
      throws SQLException {
    String name = "disc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String admin;
    String url;
    switch (engine) {
      case "h2" -> {
        admin = null;
        url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
      }
      case "postgresql" -> {
        admin = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        url = "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
      }
      default -> {
        admin = "jdbc:mariadb://127.0.0.1:3306/?user=root";
        url = "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root";
      }
    }
    if (admin != null) {
      try (Connection c = DriverManager.getConnection(admin);
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
    }
    try {
      try (Connection connection = DriverManager.getConnection(url)) {
        seed(connection, engine);
      }
      List<String> progress = new ArrayList<>();
      DiscoveryReport report =
          new Discovery("US", CLOCK)
              .database(url, null, null, 200, (done, total) -> progress.add(done + "/" + total));

      Map<String, String> found = new TreeMap<>();
      for (Finding f : report.findings()) {
        String table =
            f.source().substring(f.source().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        found.merge(
            table + "." + f.column().toLowerCase(Locale.ROOT),
            f.type().id(),
            (a, b) -> a.compareTo(b) < 0 ? a : b);
        assertThat(f.confidence()).isBetween(0.5, 1.0);
      }
      assertThat(found).isEqualTo(EXPECTED);
      assertThat(progress)
          .isNotEmpty()
          .last()
          .satisfies(last -> assertThat(last.split("/")[0]).isEqualTo(last.split("/")[1]));
      String yaml = Proposal.yaml(report, "crm");
      assertThat(yaml)
          .contains("type: sql")
          .contains("identities:")
          .contains("category: contact.email");
      assertThat(yaml).doesNotContain("@example.com");
    } finally {
      if (admin != null) {
        try (Connection c = DriverManager.getConnection(admin);
            Statement s = c.createStatement()) {
          s.execute("DROP DATABASE " + name);
        }
      } else {
        try (Connection c = DriverManager.getConnection(url);
            Statement s = c.createStatement()) {
          s.execute("SHUTDOWN");
        }
      }
    }
  }

  private static void seed(Connection connection, String engine) throws SQLException {
    String text = engine.equals("mariadb") ? "VARCHAR(200)" : "VARCHAR(200)";
    String[] ddl = {
      "CREATE TABLE customers (id INT PRIMARY KEY, full_name "
          + text
          + ", email "
          + text
          + ", phone "
          + text
          + ", date_of_birth DATE, street_address "
          + text
          + ", resident_id "
          + text
          + ", status "
          + text
          + ", created_at TIMESTAMP)",
      "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, reference "
          + text
          + ", total "
          + text
          + ", shipping_address "
          + text
          + ", ordered_on DATE)",
      "CREATE TABLE invoices (id INT PRIMARY KEY, customer_id INT, iban "
          + text
          + ", card_number "
          + text
          + ", amount DECIMAL(10,2))",
      "CREATE TABLE support_tickets (id INT PRIMARY KEY, customer_email "
          + text
          + ", subject "
          + text
          + ")",
      "CREATE TABLE newsletter (id INT PRIMARY KEY, address " + text + ", topic " + text + ")",
      "CREATE TABLE web_sessions (id INT PRIMARY KEY, client_ip "
          + text
          + ", client_ip6 "
          + text
          + ", user_agent "
          + text
          + ", token "
          + text
          + ")",
      "CREATE TABLE job_applicants (id INT PRIMARY KEY, name "
          + text
          + ", nino "
          + text
          + ", ssn "
          + text
          + ", position "
          + text
          + ")",
      "CREATE TABLE referees (id INT PRIMARY KEY, applicant_id INT, referee_name "
          + text
          + ", contact "
          + text
          + ", relationship "
          + text
          + ")",
    };
    try (Statement statement = connection.createStatement()) {
      for (String sql : ddl) {
        statement.execute(sql);
      }
    }
    Samples s = new Samples(13);
    for (int i = 1; i <= 60; i++) {
      insert(
          connection,
          "INSERT INTO customers VALUES (?,?,?,?,?,?,?,?,?)",
          i,
          s.name(),
          s.email(),
          s.phone(),
          java.sql.Date.valueOf(s.birthDate()),
          s.address(),
          s.chinaId(),
          i % 3 == 0 ? "active" : "closed",
          java.sql.Timestamp.from(Instant.parse("2025-01-01T10:00:00Z").plusSeconds(i * 3600L)));
      insert(
          connection,
          "INSERT INTO orders VALUES (?,?,?,?,?,?)",
          i,
          i,
          "ORD-" + (1000 + i),
          String.format("%.2f", i * 3.5),
          s.address(),
          java.sql.Date.valueOf("2025-0" + (1 + i % 9) + "-1" + i % 10));
      insert(
          connection,
          "INSERT INTO invoices VALUES (?,?,?,?,?)",
          i,
          i,
          s.iban(),
          s.card(),
          new java.math.BigDecimal(i + ".50"));
      insert(
          connection,
          "INSERT INTO support_tickets VALUES (?,?,?)",
          i,
          s.email(),
          "Parcel " + i + " has not arrived");
      insert(
          connection,
          "INSERT INTO newsletter VALUES (?,?,?)",
          i,
          s.email(),
          i % 2 == 0 ? "offers" : "news");
      insert(
          connection,
          "INSERT INTO web_sessions VALUES (?,?,?,?,?)",
          i,
          s.ipv4(),
          s.ipv6(),
          "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
          UUID.randomUUID().toString());
      insert(
          connection,
          "INSERT INTO job_applicants VALUES (?,?,?,?,?)",
          i,
          s.name(),
          s.nino(),
          s.ssn(),
          "Engineer");
      insert(
          connection,
          "INSERT INTO referees VALUES (?,?,?,?,?)",
          i,
          i,
          s.name(),
          s.phone(),
          "former manager");
    }
  }

  private static void insert(Connection connection, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  @Test
  void directory_logsCsvAndJsonl_findsTheFieldsAndProposesALogSystem(@TempDir Path root)
      throws IOException {
    Samples s = new Samples(5);
    StringBuilder log = new StringBuilder();
    StringBuilder csv = new StringBuilder("id,name,email,plan,amount\n");
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      log.append(s.ipv4())
          .append(" - ")
          .append(i % 2 == 0 ? s.email() : "-")
          .append(" [05/Dec/2026:10:00:00 +0000] \"GET /p/")
          .append(i)
          .append(" HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"\n");
      csv.append(i)
          .append(",\"")
          .append(s.name())
          .append("\",")
          .append(s.email())
          .append(",gold,")
          .append(i * 2)
          .append(".00\n");
      jsonl
          .append("{\"ts\":\"2026-12-05T10:00:00Z\",\"client\":{\"ip\":\"")
          .append(s.ipv6())
          .append("\"},\"user\":{\"phone\":\"")
          .append(s.phone())
          .append("\"},\"status\":200}\n");
    }
    Files.createDirectories(root.resolve("nginx"));
    Files.writeString(root.resolve("nginx/access.log"), log);
    Files.writeString(root.resolve("export.csv"), csv);
    Files.writeString(root.resolve("app.jsonl"), jsonl);

    DiscoveryReport report =
        new Discovery("US", CLOCK).directory(root, 1000, DiscoveryProgress.NONE);

    Map<String, String> found = new TreeMap<>();
    report.findings().forEach(f -> found.put(f.source() + " " + f.column(), f.type().id()));
    assertThat(found)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "nginx/access.log remote_addr", "ipv4",
                "nginx/access.log remote_user", "email",
                "export.csv name", "name",
                "export.csv email", "email",
                "app.jsonl client.ip", "ipv6",
                "app.jsonl user.phone", "phone"));
    String yaml = Proposal.yaml(report, "web-logs");
    assertThat(yaml)
        .contains("type: logs")
        .contains("ip: [client.ip, remote_addr]")
        .contains("email: [email, remote_user]");
  }
}
