package dev.steward.vault;

import static dev.steward.vault.VaultFixture.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import dev.steward.store.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise of C3: erasing the key erases every copy. A backup of the data store taken before the
 * erasure decrypts with the live keyring until the erasure, and with no key the keyring holds
 * afterwards.
 */
class KeyDestructionTest {

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void backupTakenBeforeErasure_cannotBeDecryptedWithTheLiveKeyringAfterIt(Engine engine)
      throws Exception {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID erased = fixture.subjectWithEmail("ann@example.com");
      UUID kept = fixture.subjectWithEmail("bob@example.com");
      fixture.addRecords(erased, "contact_details", "Ann Lee", "+44 20 3728 1161");
      fixture.addRecords(erased, "invoices", "invoice 2024-17");
      fixture.addRecords(kept, "contact_details", "Bob Stone");

      List<StoreCopies.SealedRow> backup = StoreCopies.copy(fixture);
      List<StoreCopies.SealedRow> erasedRows =
          backup.stream().filter(row -> row.subjectId().equals(erased)).toList();

      assertThat(erasedRows).hasSize(3);
      assertThat(erasedRows)
          .extracting(
              row ->
                  RecordCipher.decrypt(
                      fixture.keyring.subjectKey(erased), row.id(), erased, row.ciphertext()))
          .containsExactlyInAnyOrder("Ann Lee", "+44 20 3728 1161", "invoice 2024-17");

      fixture.vault.erase(
          SYSTEM,
          erased,
          "erasure request",
          "REQ-1",
          List.of(
              new KeepUnderExemption(
                  ExemptionGround.LEGAL_OBLIGATION,
                  Set.of("invoices"),
                  VaultFixture.START.plus(Duration.ofDays(2000)))));

      assertThatThrownBy(() -> fixture.keyring.subjectKey(erased))
          .isInstanceOf(KeyDestroyedException.class);
      List<Aead> everyLiveKey = liveKeys(fixture);
      assertThat(everyLiveKey).hasSizeGreaterThanOrEqualTo(3);
      for (StoreCopies.SealedRow row : erasedRows) {
        for (Aead key : everyLiveKey) {
          assertThatThrownBy(() -> RecordCipher.decrypt(key, row.id(), erased, row.ciphertext()))
              .isInstanceOf(VaultCryptoException.class);
        }
      }
      assertThat(fixture.values(kept)).containsExactly("Bob Stone");
    }
  }

  /** Every key the keyring still holds, unwrapped with the master key, plus the master itself. */
  private static List<Aead> liveKeys(VaultFixture fixture) {
    List<Aead> keys = new ArrayList<>();
    keys.add(fixture.master);
    fixture
        .keyringDatabase
        .jdbi()
        .useHandle(
            handle ->
                handle
                    .createQuery("select owner_id, scope, wrapped_keyset from data_key")
                    .map(
                        (rs, ctx) ->
                            DataKeys.primitive(
                                DataKeys.unwrap(
                                    rs.getBytes(3),
                                    fixture.master,
                                    rs.getObject(1, UUID.class),
                                    rs.getString(2))))
                    .forEach(keys::add));
    return keys;
  }
}
