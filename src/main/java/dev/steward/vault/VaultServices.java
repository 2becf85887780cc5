package dev.steward.vault;

import dev.steward.audit.AuditTrail;
import dev.steward.keys.KeyName;
import dev.steward.keys.Keys;
import dev.steward.policy.PublishedPolicies;
import dev.steward.store.Database;
import dev.steward.store.StoreSettings;
import java.time.Clock;

/**
 * The vault and what it stands on, opened together: the keyring's own database, the keyring under
 * the shared master key, the identity index under the shared index key, and the vault over the data
 * store. Close it to close the keyring database; the data store belongs to the caller.
 */
public final class VaultServices implements AutoCloseable {
  private final Database keyringDatabase;
  private final Keyring keyring;
  private final IdentityIndex index;
  private final Vault vault;

  private VaultServices(
      Database keyringDatabase, Keyring keyring, IdentityIndex index, Vault vault) {
    this.keyringDatabase = keyringDatabase;
    this.keyring = keyring;
    this.index = index;
    this.vault = vault;
  }

  /** Opens (and migrates) the keyring database and builds the vault over {@code store}. */
  public static VaultServices open(
      Database store,
      StoreSettings keyringSettings,
      Keys keys,
      PublishedPolicies policies,
      String phoneRegion,
      AuditTrail audit,
      Clock clock) {
    return open(store, openKeyring(keyringSettings), keys, policies, phoneRegion, audit, clock);
  }

  /** Opens and migrates the keyring's own database. */
  public static Database openKeyring(StoreSettings keyringSettings) {
    return Database.open(keyringSettings, "classpath:db/keyring");
  }

  /** Builds the vault over an already opened keyring database, which it then owns. */
  public static VaultServices open(
      Database store,
      Database keyringDatabase,
      Keys keys,
      PublishedPolicies policies,
      String phoneRegion,
      AuditTrail audit,
      Clock clock) {
    try {
      Keyring keyring =
          new Keyring(
              keyringDatabase,
              keys.aead(KeyName.MASTER),
              keys.fingerprint(KeyName.MASTER),
              keys.unwrapOnlyMasters(),
              clock);
      IdentityIndex index =
          new IdentityIndex(keys.mac(KeyName.IDENTITY_INDEX), new IdentityNormalizer(phoneRegion));
      Vault vault =
          new Vault(
              store,
              keyring,
              index,
              new PolicyVocabulary(policies),
              audit,
              clock,
              new PolicyNoticeDeadlines(policies, clock));
      return new VaultServices(keyringDatabase, keyring, index, vault);
    } catch (RuntimeException e) {
      keyringDatabase.close();
      throw e;
    }
  }

  public Vault vault() {
    return vault;
  }

  public Keyring keyring() {
    return keyring;
  }

  public IdentityIndex index() {
    return index;
  }

  public Database keyringDatabase() {
    return keyringDatabase;
  }

  @Override
  public void close() {
    keyringDatabase.close();
  }
}
