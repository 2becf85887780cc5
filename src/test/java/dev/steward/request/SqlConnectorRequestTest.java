package dev.steward.request;

import static dev.steward.request.FulfilmentTourTest.download;
import static dev.steward.request.FulfilmentTourTest.link;
import static dev.steward.request.FulfilmentTourTest.start;
import static dev.steward.request.FulfilmentTourTest.unzip;
import static dev.steward.request.RequestWorld.instant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.connector.TcpProxy;
import dev.steward.connector.sql.CompanyDatabase;
import dev.steward.fulfilment.FulfilmentSettings;
import dev.steward.policy.PolicyChecker;
import dev.steward.store.Engine;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rights requests reaching a company's PostgreSQL database through the SQL connector the policy
 * file declares, on a whole node: a person the vault never held is found through the identities
 * their request proved, their access package shows their rows with the referee's words redacted, an
 * erasure's letter names the invoices kept under the legal-obligation exemption, and a database
 * that goes down (a proxy the test cuts) makes the request wait, saying so, until it is back.
 */
class SqlConnectorRequestTest {
  private static final CompanyDatabase DATABASE = new CompanyDatabase.Postgres();
  private static TcpProxy proxy;
  private static RequestWorld world;
  @TempDir static Path dir;

  @BeforeAll
  static void startNode() throws Exception {
    DATABASE.create();
    DATABASE.seed();
    proxy = new TcpProxy(DATABASE.port());
    try (InputStream in =
        SqlConnectorRequestTest.class.getResourceAsStream("/connector/company-dataset.yaml")) {
      Files.write(dir.resolve("company-dataset.yaml"), in.readAllBytes());
    }
    Files.writeString(dir.resolve("shop-db.hash-key"), "a-test-key-of-the-shop-database\n");
    String policy;
    try (InputStream in =
        SqlConnectorRequestTest.class
            .getClassLoader()
            .getResourceAsStream(PolicyChecker.BUNDLED_RESOURCE)) {
      policy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    policy =
        policy.replaceFirst(
            "(?m)^systems:\n",
            "systems:\n"
                + "  - id: shop-db\n"
                + "    name: Shop database\n"
                + "    owner: unstated\n"
                + "    location: unstated\n"
                + "    processor: unstated\n"
                + "    categories: [identification, contact, service, device, applicant, marketing]\n"
                + "    connector:\n"
                + "      type: sql\n"
                + "      url: "
                + DATABASE.url(proxy.port())
                + "\n"
                + "      user: postgres\n"
                + "      hash_key_file: shop-db.hash-key\n"
                + "      dataset: company-dataset.yaml\n");
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, policy);
    world =
        RequestWorld.start(
            Engine.H2,
            instant("2026-06-01T09:00", "UTC"),
            file,
            new FulfilmentSettings(
                Optional.empty(), Map.of(), "", Duration.ofDays(7), Duration.ofSeconds(1), true),
            List.of());
  }

  @AfterAll
  static void stop() throws Exception {
    if (world != null) {
      world.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    DATABASE.close();
  }

  @BeforeEach
  void reseed() throws Exception {
    DATABASE.seed();
  }

  @Test
  void access_ofAPersonTheVaultNeverHeld_findsTheirRows_andRedactsTheReferee() throws Exception {
    UUID id = world.log("access", "GB", "alice@example.com", world.clock.instant());
    start(world, id);
    RequestWorld.eventually("the access completes", () -> world.state(id).equals("completed"));

    String letter = RequestWorld.body(world.letter("alice@example.com", "is complete"));
    Map<String, String> files = unzip(download(world, link(letter)).body());

    assertThat(files.get("data.json"))
        .contains("Alice Archer", "1 Alice Road, London", "Where is my parcel?")
        .contains("[redacted: about another person]")
        .doesNotContain("Dr Rachel Referee", "Alice was diligent", "Bob Baker");
    assertThat(world.state(id)).isEqualTo("completed");
  }

  @Test
  void erasure_ofAPersonTheVaultNeverHeld_erasesTheirRows_andTheLetterNamesTheKeptInvoices()
      throws Exception {
    UUID id = world.log("erasure", "GB", "alice@example.com", world.clock.instant());
    start(world, id);
    // Alice may have had a letter from another test: wait for this request's.
    String[] found = new String[1];
    RequestWorld.eventually(
        "the erasure's letter",
        () -> {
          for (var message : world.smtp.getReceivedMessages()) {
            String body = RequestWorld.body(message);
            if (RequestWorld.recipient(message).equals("alice@example.com")
                && body.contains("completed your erasure request")) {
              found[0] = body;
            }
          }
          return found[0] != null;
        });
    String letter = found[0];
    assertThat(letter).contains("service.provision", "legal-obligation", "2034-03-01");
    assertThat(DATABASE.count("select count(*) from support_tickets")).isEqualTo(1);
    assertThat(DATABASE.text("select full_name from customers where id = 1")).isNull();
    assertThat(DATABASE.text("select billing_name from invoices where id = 100"))
        .isEqualTo("Alice Archer");
  }

  @Test
  void aDatabaseThatGoesDown_makesTheRequestWaitSayingWhy_andItCompletesOnceItIsBack()
      throws Exception {
    proxy.cut();
    try {
      UUID id = world.log("access", "GB", "bob@example.com", world.clock.instant());
      start(world, id);

      String[] waiting = new String[1];
      RequestWorld.eventually(
          "the task waits on shop-db",
          () -> {
            for (JsonNode task : tasks(id)) {
              if (task.path("system").asText().equals("shop-db")
                  && !task.path("waiting").isNull()
                  && !task.path("waiting").isMissingNode()) {
                waiting[0] = task.path("waiting").asText();
                return true;
              }
            }
            return false;
          });
      assertThat(waiting[0])
          .matches(
              "waiting on shop-db since \\d{4}-\\d\\d-\\d\\dT[0-9:]+Z: shop-db: connection failed.*")
          .doesNotContain("bob");
      assertThat(world.state(id)).isEqualTo("awaiting_systems");
    } finally {
      proxy.restore();
    }
    String letter = RequestWorld.body(world.letter("bob@example.com", "is complete"));
    assertThat(unzip(download(world, link(letter)).body()).get("data.json")).contains("Bob Baker");
  }

  private static JsonNode tasks(UUID id) {
    return RequestWorld.json(world.get("/api/v1/requests/" + id + "/tasks", world.dpo))
        .path("tasks");
  }
}
