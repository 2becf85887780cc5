package dev.steward.importer;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import dev.steward.audit.AuditTrail;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import dev.steward.store.TestDatabases;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityIndex;
import dev.steward.vault.IdentityMatch;
import dev.steward.vault.IdentityNormalizer;
import dev.steward.vault.Keyring;
import dev.steward.vault.Vault;
import dev.steward.vault.VaultVocabulary;
import dev.steward.vault.VaultVocabulary.Term;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An importer over a vault on fresh databases of one engine (data store and keyring), with Tink
 * keys, a fixed clock, audit entries collected in memory and a directory for files.
 */
final class ImportFixture implements AutoCloseable {
  static final Principal CLI = new Principal.System("test");
  static final VaultVocabulary VOCABULARY =
      VaultVocabulary.of(
          Map.of(
              Term.SUBJECT_TYPE, Set.of("customer-contacts"),
              Term.CATEGORY, Set.of("contact.email", "contact.phone", "identification.name"),
              Term.PURPOSE, Set.of("relationship-admin", "marketing"),
              Term.SOURCE, Set.of("customers", "partners"),
              Term.INDIRECT_SOURCE, Set.of("partners"),
              Term.SYSTEM, Set.of("crm"),
              Term.LEGAL_BASIS, Set.of("dpv:Contract", "dpv:LegitimateInterest"),
              Term.IDENTITY_TYPE, Set.of("loyalty_card"),
              Term.RECIPIENT, Set.of("it-providers", "group-companies")));
  static final String MAPPING =
      """
      subject_type: customer-contacts
      source: customers
      system: crm
      purposes: [relationship-admin]
      legal_basis: dpv:Contract
      relationship:
        start: since
      identities:
        email: email
        phone: phone
        name: name
      records:
        email: contact.email
        phone: contact.phone
        name: identification.name
      """;

  final List<String> audit = new CopyOnWriteArrayList<>();
  final Path dir;
  final Database store;
  final Database keyringDatabase;
  final Vault vault;
  final Importer importer;

  ImportFixture(Engine engine) {
    try {
      dir = Files.createTempDirectory("steward-import-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Clock clock = Clock.fixed(Instant.parse("2025-06-01T09:00:00Z"), ZoneOffset.UTC);
    store = Database.open(StoreSettings.of(TestDatabases.freshUrl(engine)));
    keyringDatabase =
        Database.open(StoreSettings.of(TestDatabases.freshUrl(engine)), "classpath:db/keyring");
    Keyring keyring = new Keyring(keyringDatabase, master(), "master-1", clock);
    IdentityIndex index = new IdentityIndex(indexKey(), new IdentityNormalizer("GB"));
    AuditTrail trail =
        (actor, action, type, id, outcome, detail) -> audit.add(action + " " + detail);
    vault = new Vault(store, keyring, index, VOCABULARY, trail, clock);
    importer = new Importer(store, vault, trail, clock);
  }

  /** The id of the person the vault finds by {@code email}. */
  UUID subjectId(String email) {
    return ((IdentityMatch.Found) vault.findByIdentity(CLI, Identity.email(email))).subjectId();
  }

  Path write(String name, String text) {
    return write(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  Path write(String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ImportMapping mapping(String text) {
    return new MappingReader(VOCABULARY).read(write("mapping-" + text.hashCode() + ".yaml", text));
  }

  ImportReport run(Path file, ImportOptions options) {
    return importer.run(CLI, file, mapping(MAPPING), options, ImportProgress.NONE);
  }

  ImportReport run(Path file) {
    return run(file, ImportOptions.defaults(file));
  }

  /** Imports {@code file} with the mapping {@code mappingText}. */
  ImportReport run(Path file, String mappingText) {
    return run(file, mappingText, ImportOptions.defaults(file));
  }

  ImportReport run(Path file, String mappingText, ImportOptions options) {
    return importer.run(CLI, file, mapping(mappingText), options, ImportProgress.NONE);
  }

  List<String> rejects(Path file) {
    try {
      return Files.readAllLines(Path.of(file + ".rejects.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long count(String table) {
    return store
        .jdbi()
        .withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
  }

  private static Aead master() {
    try {
      AeadConfig.register();
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Mac indexKey() {
    try {
      MacConfig.register();
      return KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
          .getPrimitive(RegistryConfiguration.get(), Mac.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    store.close();
    keyringDatabase.close();
  }
}
