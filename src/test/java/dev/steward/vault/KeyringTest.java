package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeyringTest {
  private static final byte[] CONTEXT = "ctx".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void subjectKey_createdThenLoaded_decryptsWhatItEncrypted(Engine engine) throws Exception {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID subject = UUID.randomUUID();
      byte[] sealed = fixture.keyring.createSubjectKey(subject).encrypt(bytes("hello"), CONTEXT);

      assertThat(fixture.keyring.subjectKey(subject).decrypt(sealed, CONTEXT))
          .isEqualTo(bytes("hello"));
      assertThat(fixture.keyring.subjectKeys(List.of(subject, UUID.randomUUID())))
          .containsOnlyKeys(subject);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void subjectKey_destroyed_isGoneForGood(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID subject = UUID.randomUUID();
      fixture.keyring.createSubjectKey(subject);

      assertThat(fixture.keyring.destroySubjectKey(subject)).isTrue();

      assertThatThrownBy(() -> fixture.keyring.subjectKey(subject))
          .isInstanceOf(KeyDestroyedException.class)
          .hasMessageContaining(subject.toString());
      assertThat(fixture.keyring.destroySubjectKey(subject)).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void wrappedKey_copiedOntoAnotherSubject_doesNotUnwrap(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID owner = UUID.randomUUID();
      UUID thief = UUID.randomUUID();
      fixture.keyring.createSubjectKey(owner);
      fixture.keyring.createSubjectKey(thief);
      fixture
          .keyringDatabase
          .jdbi()
          .useHandle(
              handle ->
                  handle
                      .createUpdate(
                          "update data_key set wrapped_keyset = (select wrapped_keyset from data_key"
                              + " where owner_id = :owner) where owner_id = :thief")
                      .bind("owner", owner)
                      .bind("thief", thief)
                      .execute());

      assertThatThrownBy(() -> fixture.keyring.subjectKey(thief))
          .isInstanceOf(VaultCryptoException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void exemptionKey_pastItsExpiry_isDestroyed(Engine engine) throws Exception {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID subject = UUID.randomUUID();
      Instant expiry = VaultFixture.START.plus(Duration.ofDays(30));
      Aead key = fixture.keyring.exemptionKey(subject, "legal_claims", expiry);
      byte[] sealed = key.encrypt(bytes("kept"), CONTEXT);
      Aead again = fixture.keyring.exemptionKey(subject, "legal_claims", expiry.minusSeconds(60));

      assertThat(again.decrypt(sealed, CONTEXT)).isEqualTo(bytes("kept"));
      assertThat(fixture.keyring.destroyExpired(expiry.minusSeconds(1))).isEmpty();
      assertThat(fixture.keyring.destroyExpired(expiry))
          .containsExactly(new Keyring.ExpiredKey(subject, "legal_claims"));
      assertThatThrownBy(() -> fixture.keyring.loadExemptionKey(subject, "legal_claims"))
          .isInstanceOf(KeyDestroyedException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void firstExemptionKey_madeByTwoNodesAtOnce_isOneKeyBothUse(Engine engine) throws Exception {
    try (VaultFixture fixture = new VaultFixture(engine);
        Database secondStore =
            Database.open(StoreSettings.of(fixture.keyringUrl), "classpath:db/keyring")) {
      Keyring secondNode = new Keyring(secondStore, fixture.master, "master-1", fixture.clock);
      Instant expiry = VaultFixture.START.plus(Duration.ofDays(30));
      ExecutorService nodes = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 25; round++) {
          UUID subject = UUID.randomUUID();
          CyclicBarrier together = new CyclicBarrier(2);
          Future<Aead> first =
              nodes.submit(
                  () -> {
                    together.await();
                    return fixture.keyring.exemptionKey(subject, "legal_claims", expiry);
                  });
          Future<Aead> second =
              nodes.submit(
                  () -> {
                    together.await();
                    return secondNode.exemptionKey(subject, "legal_claims", expiry.plusSeconds(9));
                  });

          byte[] sealed = first.get(30, TimeUnit.SECONDS).encrypt(bytes("kept"), CONTEXT);
          assertThat(second.get(30, TimeUnit.SECONDS).decrypt(sealed, CONTEXT))
              .isEqualTo(bytes("kept"));
          assertThat(fixture.keyring.destroyExpired(expiry)).isEmpty();
        }
      } finally {
        nodes.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void expiredKeys_destroyedWhileOthersAreMade_areEachReported(Engine engine) throws Exception {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      Instant now = VaultFixture.START.plus(Duration.ofDays(1));
      Instant past = now.minusSeconds(60);
      List<UUID> made = new ArrayList<>();
      List<Keyring.ExpiredKey> reported = new ArrayList<>();
      ExecutorService maker = Executors.newSingleThreadExecutor();
      try {
        Future<?> making =
            maker.submit(
                () -> {
                  for (int i = 0; i < 400; i++) {
                    UUID subject = UUID.randomUUID();
                    fixture.keyring.exemptionKey(subject, "legal_claims", past);
                    made.add(subject);
                  }
                });
        while (!making.isDone()) {
          reported.addAll(fixture.keyring.destroyExpired(now));
        }
        making.get();
      } finally {
        maker.shutdownNow();
      }
      reported.addAll(fixture.keyring.destroyExpired(now));

      assertThat(reported)
          .extracting(Keyring.ExpiredKey::subjectId)
          .containsExactlyInAnyOrderElementsOf(made);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void rotation_interruptedMidway_resumesAndEveryKeyStillDecrypts(Engine engine) throws Exception {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      Map<UUID, byte[]> sealed = new HashMap<>();
      for (int i = 0; i < 25; i++) {
        UUID subject = UUID.randomUUID();
        sealed.put(
            subject, fixture.keyring.createSubjectKey(subject).encrypt(bytes("v" + i), CONTEXT));
      }
      UUID exempt = UUID.randomUUID();
      byte[] kept =
          fixture
              .keyring
              .exemptionKey(exempt, "legal_obligation", VaultFixture.START.plus(Duration.ofDays(9)))
              .encrypt(bytes("kept"), CONTEXT);
      Aead newMaster = VaultFixture.newMaster();

      Keyring.RotationProgress paused = fixture.keyring.rotate(newMaster, "master-2", 4, 2);

      assertThat(paused.finished()).isFalse();
      assertThat(paused.rewrapped()).isEqualTo(8);
      assertThat(paused.remaining()).isEqualTo(18);

      // A restarted node: the old master is still current, the new one arrives with the command.
      Keyring restarted =
          new Keyring(fixture.keyringDatabase, fixture.master, "master-1", fixture.clock);
      Keyring.RotationProgress done = restarted.rotate(newMaster, "master-2", 4, Integer.MAX_VALUE);

      assertThat(done.finished()).isTrue();
      assertThat(done.rewrapped()).isEqualTo(26);
      assertThat(done.remaining()).isZero();
      Keyring onlyNewMaster =
          new Keyring(fixture.keyringDatabase, newMaster, "master-2", fixture.clock);
      List<String> values = new ArrayList<>();
      for (Map.Entry<UUID, byte[]> entry : sealed.entrySet()) {
        values.add(
            new String(
                onlyNewMaster.subjectKey(entry.getKey()).decrypt(entry.getValue(), CONTEXT),
                StandardCharsets.UTF_8));
      }
      assertThat(values).hasSize(25).allMatch(value -> value.startsWith("v"));
      assertThat(onlyNewMaster.loadExemptionKey(exempt, "legal_obligation").decrypt(kept, CONTEXT))
          .isEqualTo(bytes("kept"));
      Long underOld =
          fixture
              .keyringDatabase
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery(
                              "select count(*) from data_key where master_key_id <> 'master-2'")
                          .mapTo(Long.class)
                          .one());
      assertThat(underOld).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void keyWrappedUnderAnUnknownMaster_isAConfigurationProblem(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID subject = UUID.randomUUID();
      fixture.keyring.createSubjectKey(subject);
      Keyring stranger =
          new Keyring(fixture.keyringDatabase, VaultFixture.newMaster(), "other", fixture.clock);

      assertThatThrownBy(() -> stranger.subjectKey(subject))
          .isInstanceOf(dev.steward.error.ConfigurationException.class)
          .hasMessageContaining("master-1");
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
