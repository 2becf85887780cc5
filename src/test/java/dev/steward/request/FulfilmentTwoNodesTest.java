package dev.steward.request;

import static dev.steward.request.RequestWorld.instant;
import static dev.steward.request.RequestWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.StewardNode;
import dev.steward.config.StewardConfig;
import dev.steward.fulfilment.FulfilmentSettings;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.NewRecord;
import dev.steward.vault.NewSubject;
import dev.steward.vault.Provenance;
import dev.steward.vault.ReturningPerson;
import dev.steward.vault.Vault;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL store, both polling for due jobs every 100 ms, fulfil a batch of
 * requests together: each fulfilment task runs once and keeps its evidence once, each request is
 * finished and completed once (one access package, one completion), and each letter is sent once.
 */
class FulfilmentTwoNodesTest {
  private static final Principal SETUP = new Principal.System("test");
  private static final StewardConfig.Scheduling BOTH_POLL_FAST =
      new StewardConfig.Scheduling(Duration.ofMillis(100), Duration.ofSeconds(1));

  @Test
  void twoNodes_sharingOneStore_runEachTaskFinishAndLetterOnce() {
    try (RequestWorld world =
        RequestWorld.start(
            Engine.POSTGRESQL,
            instant("2026-06-01T09:00", "UTC"),
            new FulfilmentSettings(
                Optional.empty(), Map.of(), "", Duration.ofDays(7), Duration.ofSeconds(1), false),
            BOTH_POLL_FAST)) {
      StewardNode second = world.anotherNode();
      assertThat(second.port()).isNotEqualTo(world.node.port());

      Map<String, UUID> requests = new LinkedHashMap<>();
      for (int i = 0; i < 8; i++) {
        String type = i % 2 == 0 ? "erasure" : "access";
        String email = type + "-" + i + "@example.co.uk";
        subjectWithRecord(vault(world), world, email);
        UUID id = world.log(type, "GB", email, world.clock.instant());
        assertThat(world.act(id, "verify", "{\"method\":\"passport seen\"}").statusCode())
            .isEqualTo(200);
        requests.put(email, id);
      }
      // Started together, so both nodes' schedulers find the same due executions.
      for (UUID id : requests.values()) {
        assertThat(json(world.act(id, "start", null)).get("state").asText())
            .isEqualTo("awaiting_systems");
      }
      requests.forEach(
          (email, id) -> {
            world.letter(email, "is complete");
            assertThat(world.state(id)).isEqualTo("completed");
          });

      assertThat(
              query(
                  world,
                  "select status || '/' || attempts || '/'"
                      + " || case when evidence is null then 'none' else 'kept' end"
                      + " from fulfilment_task"))
          .as("each task done once, with its evidence")
          .hasSize(requests.size())
          .containsOnly("done/1/kept");
      for (UUID id : requests.values()) {
        assertThat(count(world, "fulfilment_plan where finished_at is not null", id)).isEqualTo(1);
        assertThat(count(world, "request_event where to_state = 'completed'", id))
            .as("completions of %s", id)
            .isEqualTo(1);
      }
      requests.entrySet().stream()
          .filter(request -> request.getKey().startsWith("access"))
          .forEach(
              request ->
                  assertThat(count(world, "access_package", request.getValue()))
                      .as("packages built for %s", request.getKey())
                      .isEqualTo(1));

      List<String> outbox = query(world, "select message_id from mail_outbox");
      RequestWorld.eventually(
          "every letter is sent", () -> world.smtp.getReceivedMessages().length >= outbox.size());
      Map<String, Long> received =
          Arrays.stream(world.smtp.getReceivedMessages())
              .collect(
                  Collectors.groupingBy(FulfilmentTwoNodesTest::messageId, Collectors.counting()));
      assertThat(received).as("letters by Message-ID").containsOnlyKeys(outbox);
      assertThat(received.values()).as("copies of each letter").containsOnly(1L);
      assertThat(query(world, "select status from mail_outbox")).containsOnly("sent");
    }
  }

  private static void subjectWithRecord(Vault vault, RequestWorld world, String email) {
    UUID subject =
        vault.createSubject(
            SETUP,
            NewSubject.of("customer-contacts", List.of(Identity.email(email))),
            ReturningPerson.REFUSE);
    Provenance provenance =
        new Provenance(
            "the-person",
            "email-im",
            Set.of("inquiries"),
            "dpv:Contract",
            world.clock.instant(),
            null);
    vault.addRecords(SETUP, List.of(new NewRecord(subject, "contact.email", provenance, email)));
  }

  private static Vault vault(RequestWorld world) {
    return world.node.vault().vault();
  }

  private static List<String> query(RequestWorld world, String sql) {
    return world
        .node
        .database()
        .jdbi()
        .withHandle(handle -> handle.createQuery(sql).mapTo(String.class).list());
  }

  private static int count(RequestWorld world, String from, UUID requestId) {
    String where = from.contains(" where ") ? " and " : " where ";
    return world
        .node
        .database()
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery("select count(*) from " + from + where + "request_id = :id")
                    .bind("id", requestId)
                    .mapTo(Integer.class)
                    .one());
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
