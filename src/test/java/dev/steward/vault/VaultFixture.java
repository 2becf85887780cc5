package dev.steward.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import dev.steward.store.TestDatabases;
import dev.steward.vault.VaultVocabulary.Term;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A vault on fresh databases of one engine: a data store and a separate keyring, a master key and
 * an index key made with Tink, collected audit entries and a clock the test moves.
 */
final class VaultFixture implements AutoCloseable {
  static final Principal SYSTEM = new Principal.System("test");
  static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
  static final VaultVocabulary VOCABULARY =
      VaultVocabulary.of(
          Map.of(
              Term.SUBJECT_TYPE, Set.of("customer_contact", "job_applicant"),
              Term.CATEGORY, Set.of("contact_details", "date_of_birth", "invoices", "cv", "notes"),
              Term.PURPOSE, Set.of("service", "marketing", "rights_request", "accounting"),
              Term.SOURCE, Set.of("contact_form", "import", "staff"),
              Term.SYSTEM, Set.of("steward", "crm"),
              Term.LEGAL_BASIS, Set.of("dpv:Contract", "dpv:Consent", "dpv:LegalObligation"),
              Term.IDENTITY_TYPE, Set.of("loyalty_card"),
              Term.RECIPIENT, Set.of("mail_provider", "auditors"),
              Term.INDIRECT_SOURCE, Set.of("import", "staff")));

  final Engine engine;
  final String storeUrl;
  final String keyringUrl;
  final Aead master;
  final Mac indexKey;
  final CollectingAuditTrail audit = new CollectingAuditTrail();
  final MutableClock clock = new MutableClock(START);
  Database store;
  Database keyringDatabase;
  Keyring keyring;
  Vault vault;

  VaultFixture(Engine engine) {
    this.engine = engine;
    this.storeUrl = TestDatabases.freshUrl(engine);
    this.keyringUrl = TestDatabases.freshUrl(engine);
    this.master = newMaster();
    this.indexKey = newIndexKey();
    open();
  }

  /** Opens (or reopens, after {@link #closeDatabases}) both databases and the services. */
  void open() {
    store = Database.open(StoreSettings.of(storeUrl));
    keyringDatabase = Database.open(StoreSettings.of(keyringUrl), "classpath:db/keyring");
    keyring = new Keyring(keyringDatabase, master, "master-1", clock);
    IdentityIndex index = new IdentityIndex(indexKey, new IdentityNormalizer("GB"));
    vault = new Vault(store, keyring, index, VOCABULARY, audit, clock);
  }

  void closeDatabases() {
    store.close();
    keyringDatabase.close();
  }

  static Aead newMaster() {
    try {
      AeadConfig.register();
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static Mac newIndexKey() {
    try {
      MacConfig.register();
      return KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
          .getPrimitive(RegistryConfiguration.get(), Mac.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static Provenance provenance(String... purposes) {
    return new Provenance(
        "contact_form", "steward", Set.of(purposes), "dpv:Contract", START, "2025-01");
  }

  UUID subjectWithEmail(String email) {
    return vault.createSubject(
        SYSTEM,
        NewSubject.of("customer_contact", List.of(Identity.email(email))),
        ReturningPerson.REFUSE);
  }

  /** Stores one record per value for the subject, in one batch; returns the record ids. */
  List<UUID> addRecords(UUID subjectId, String category, String... values) {
    List<NewRecord> batch = new java.util.ArrayList<>();
    for (String value : values) {
      batch.add(new NewRecord(subjectId, category, provenance("service"), value));
    }
    return vault.addRecords(SYSTEM, batch);
  }

  List<String> values(UUID subjectId) {
    return vault.readRecords(SYSTEM, subjectId, "service").stream()
        .map(RecordValue::value)
        .toList();
  }

  @Override
  public void close() {
    closeDatabases();
  }
}
