package dev.steward.retention;

import static dev.steward.retention.RetentionFixture.DPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.fulfilment.DataSystem;
import dev.steward.fulfilment.ErasureScope;
import dev.steward.fulfilment.Operation;
import dev.steward.fulfilment.SubjectRef;
import dev.steward.fulfilment.SystemResult;
import dev.steward.store.Engine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sweeps over a seeded store under the bundled policy's rules, with the clock set one day before
 * and at each rule's boundary.
 */
class RetentionSweepTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void relationshipEndPlusSixYears_keepsTheDayBefore_andDeletesThePersonOnTheDay(Engine engine) {
    try (RetentionFixture f = new RetentionFixture(engine, List.of())) {
      UUID ann =
          f.subject(
              "customer-contacts",
              LocalDate.of(2019, 3, 1),
              null,
              "ann@example.com",
              "contact.email",
              "identification.name");
      UUID bob = f.subject("customer-contacts", null, null, "bob@example.com", "contact.email");

      f.clock.set(Instant.parse("2025-02-28T00:00:00Z"));
      assertThat(f.sweep.dryRun(DPO).due()).isZero();
      RunSummary before = f.sweep.run(DPO, "cli", RetentionProgress.NONE);
      assertThat(before.deleted()).isZero();
      assertThat(f.categories(ann)).containsExactly("contact.email", "identification.name");

      f.clock.set(Instant.parse("2025-03-01T00:00:00Z"));
      SweepReport next = f.sweep.dryRun(DPO);
      assertThat(rule(next, "relationship-plus-six-years").dueBySystem())
          .isEqualTo(Map.of("vault", 3));
      RunSummary on = f.sweep.run(DPO, "cli", RetentionProgress.NONE);

      assertThat(on.deleted()).isEqualTo(3);
      assertThat(on.state()).isEqualTo("finished");
      assertThat(f.categories(ann)).isEmpty();
      assertThat(f.erased(ann)).isTrue();
      assertThat(f.categories(bob)).containsExactly("contact.email");
      assertThat(f.erased(bob)).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void marketingOptOut_deletesTheMailingListEntryFromTheOptOut_andKeepsTheRest(Engine engine) {
    try (RetentionFixture f = new RetentionFixture(engine, List.of())) {
      UUID carol =
          f.subject(
              "marketing-recipients",
              null,
              null,
              "carol@example.com",
              "marketing.mailing_list",
              "contact.email");
      f.optOutOfMarketing(carol, Instant.parse("2025-01-10T12:00:00Z"));

      f.clock.set(Instant.parse("2025-01-09T12:00:00Z"));
      assertThat(f.sweep.run(DPO, "cli", RetentionProgress.NONE).deleted()).isZero();
      assertThat(f.categories(carol)).contains("marketing.mailing_list");

      f.clock.set(Instant.parse("2025-01-10T12:00:00Z"));
      RunSummary run = f.sweep.run(DPO, "cli", RetentionProgress.NONE);

      assertThat(run.deleted()).isEqualTo(1);
      assertThat(f.categories(carol)).containsExactly("contact.email");
      assertThat(f.erased(carol)).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void learnedUnder13_deletesTheChildAtOnce_andNoOneElse(Engine engine) {
    try (RetentionFixture f = new RetentionFixture(engine, List.of())) {
      UUID child = f.subject("website-visitors", null, true, "kid@example.com", "contact.email");
      UUID unknown = f.subject("website-visitors", null, null, "erin@example.com", "contact.email");

      RunSummary run = f.sweep.run(DPO, "cli", RetentionProgress.NONE);

      assertThat(run.deleted()).isEqualTo(2);
      assertThat(f.erased(child)).isTrue();
      assertThat(f.categories(unknown)).containsExactly("contact.email");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void legalHolds_keepWhatTheyName_sayWhy_andReleasedLetTheNextRunDelete(Engine engine) {
    try (RetentionFixture f = new RetentionFixture(engine, List.of())) {
      LocalDate ended = LocalDate.of(2010, 1, 1);
      UUID frank =
          f.subject("customer-contacts", ended, null, "frank@example.com", "contact.email");
      UUID gina =
          f.subject(
              "customer-contacts",
              ended,
              null,
              "gina@example.com",
              "contact.email",
              "identification.name");
      Hold onFrank =
          f.holds.place(
              DPO,
              new NewHold(
                  Hold.Scope.SUBJECT,
                  frank.toString(),
                  "litigation 2024-17",
                  "legal",
                  LocalDate.of(2025, 6, 1)));
      Hold onContact =
          f.holds.place(
              DPO,
              new NewHold(
                  Hold.Scope.CATEGORY,
                  "contact",
                  "regulator inquiry",
                  "dpo",
                  LocalDate.of(2025, 6, 1)));

      SweepReport report = f.sweep.dryRun(DPO);
      assertThat(report.held())
          .extracting(SweepReport.HeldItem::hold, SweepReport.HeldItem::holdReason)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(onFrank.id().toString(), "litigation 2024-17"),
              org.assertj.core.groups.Tuple.tuple(onContact.id().toString(), "regulator inquiry"));
      RunSummary run = f.sweep.run(DPO, "job", RetentionProgress.NONE);

      assertThat(run.held()).isEqualTo(2);
      assertThat(run.deleted()).isEqualTo(1);
      assertThat(f.categories(frank)).containsExactly("contact.email");
      assertThat(f.categories(gina)).containsExactly("contact.email");
      assertThat(f.erased(gina)).isFalse();
      JsonNode items = items(f.sweep.certificate(DPO, run.id()));
      assertThat(items.findValuesAsText("hold"))
          .containsExactlyInAnyOrder(onFrank.id().toString(), onContact.id().toString());

      f.holds.release(DPO, onFrank.id(), "settled");
      f.holds.release(DPO, onContact.id(), "closed");
      assertThatThrownBy(() -> f.holds.release(DPO, onFrank.id(), "again"))
          .hasMessageContaining("already released");
      RunSummary after = f.sweep.run(DPO, "job", RetentionProgress.NONE);

      assertThat(after.deleted()).isEqualTo(4);
      assertThat(f.erased(frank)).isTrue();
      assertThat(f.erased(gina)).isTrue();
      assertThat(f.withAction("retention.hold.placed")).hasSize(2);
      assertThat(f.withAction("retention.hold.released")).hasSize(2);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void aRunInterruptedMidway_finishesOnTheNextStart_deletingEachItemOnceAndSkippingNone(
      Engine engine) {
    CountingSystem crm = new CountingSystem();
    try (RetentionFixture f = new RetentionFixture(engine, List.of(crm))) {
      List<UUID> people = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        people.add(
            f.subject(
                "customer-contacts",
                LocalDate.of(2015, 1, 1),
                null,
                "p" + i + "@example.com",
                "contact.email",
                "identification.name"));
      }
      AtomicInteger updates = new AtomicInteger();
      assertThatThrownBy(
              () ->
                  f.sweep.run(
                      DPO,
                      "job",
                      (done, total) -> {
                        if (updates.incrementAndGet() == 3) {
                          throw new Killed();
                        }
                      }))
          .isInstanceOf(Killed.class);
      RunSummary cut = f.sweep.runs(DPO).get(0);
      assertThat(cut.state()).isEqualTo("running");
      assertThat(cut.pending()).isPositive();
      // The deletion of a pending record committed, but its outcome was never stored.
      UUID pendingRecord =
          f.store
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select item_id from retention_item where outcome = 'pending'"
                                  + " and kind = 'record' order by seq desc limit 1")
                          .mapTo(UUID.class)
                          .one());
      UUID owner =
          f.store
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select subject_id from vault_record where id = :id")
                          .bind("id", pendingRecord)
                          .mapTo(UUID.class)
                          .one());
      f.vault
          .vault()
          .deleteRecords(RetentionFixture.SYSTEM, owner, Set.of(pendingRecord), "crash", null);

      RunSummary resumed = f.sweep.run(DPO, "job", RetentionProgress.NONE);

      assertThat(resumed.id()).isEqualTo(cut.id());
      assertThat(resumed.resumed()).isTrue();
      assertThat(resumed.state()).isEqualTo("finished");
      assertThat(resumed.deleted()).isEqualTo(6 * 2 + 6 + 6);
      assertThat(resumed.pending()).isZero();
      for (UUID person : people) {
        assertThat(f.erased(person)).isTrue();
      }
      assertThat(crm.erased).containsExactlyInAnyOrderElementsOf(people);
      int recordsDeleted =
          f.withAction("record.delete").stream()
              .mapToInt(e -> Integer.parseInt(e.detail().replaceAll("records=(\\d+).*", "$1")))
              .sum();
      assertThat(recordsDeleted).isEqualTo(12);
      JsonNode items = items(f.sweep.certificate(DPO, resumed.id()));
      List<String> ids = new ArrayList<>();
      for (JsonNode rule : items) {
        for (JsonNode item : rule.path("items")) {
          assertThat(item.path("outcome").asText()).isEqualTo("deleted");
          ids.add(item.path("system").asText() + ":" + item.path("id").asText());
        }
      }
      assertThat(ids).doesNotHaveDuplicates().hasSize(12 + 6 + 6);
      assertThat(f.sweep.run(DPO, "job", RetentionProgress.NONE).id()).isNotEqualTo(cut.id());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void certificate_verifies_andATamperedOneFails(Engine engine) throws Exception {
    try (RetentionFixture f = new RetentionFixture(engine, List.of())) {
      UUID ann =
          f.subject(
              "customer-contacts",
              LocalDate.of(2010, 1, 1),
              null,
              "a@example.com",
              "contact.email");
      RunSummary run = f.sweep.run(DPO, "cli", RetentionProgress.NONE);
      String document = f.sweep.certificate(DPO, run.id());

      Certificates.Verification ok = f.sweep.verify(DPO, document);
      assertThat(ok.valid()).as(ok.reason()).isTrue();
      assertThat(ok.sha256()).isEqualTo(run.certificateSha256());
      assertThat(document).contains(ann.toString()).doesNotContain("a@example.com");

      String otherId = document.replace(ann.toString(), UUID.randomUUID().toString());
      Certificates.Verification changed = f.sweep.verify(DPO, otherId);
      assertThat(changed.valid()).isFalse();
      assertThat(changed.reason()).contains("does not match its sha256");

      ObjectNode root = (ObjectNode) JSON.readTree(otherId);
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(Certificates.canonical(root.get("certificate")));
      root.put("sha256", HexFormat.of().formatHex(hash));
      Certificates.Verification rehashed = f.sweep.verify(DPO, JSON.writeValueAsString(root));
      assertThat(rehashed.valid()).isFalse();
      assertThat(rehashed.reason()).contains("signature does not verify");
    }
  }

  private static SweepReport.RuleCount rule(SweepReport report, String id) {
    return report.rules().stream().filter(r -> r.rule().equals(id)).findFirst().orElseThrow();
  }

  private static JsonNode items(String certificate) {
    try {
      return JSON.readTree(certificate).path("certificate").path("rules");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Stands for a process killed between two items: not an exception the sweep recovers from. */
  static final class Killed extends Error {}

  /** A connected system that erases people and remembers whom. */
  static final class CountingSystem implements DataSystem {
    final List<UUID> erased = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
      return "crm";
    }

    @Override
    public Set<Operation> capabilities() {
      return Set.of(Operation.ERASE);
    }

    @Override
    public SystemResult erase(SubjectRef subject, ErasureScope scope) {
      erased.add(subject.subjectId());
      return SystemResult.done(
          "erased", Map.of("rows", 1), List.of(subject.subjectId().toString()));
    }
  }
}
