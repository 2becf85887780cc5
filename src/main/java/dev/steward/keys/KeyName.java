package dev.steward.keys;

import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import java.util.Locale;

/**
 * The shared keys every node of one store must hold. Each is a Tink keyset read from {@code
 * <keys-dir>/<id>.json} or from the environment variable {@code STEWARD_KEY_<ID>} (upper case,
 * dashes as underscores). A new key is one constant here.
 */
public enum KeyName {
  /** Signs audit checkpoints (seq, head hash, time). */
  AUDIT_SIGNING("audit-signing", KeyKind.SIGNATURE, PredefinedSignatureParameters.ED25519),
  /** Wraps every subject's data key in the keyring (AES-256-GCM). */
  MASTER("master", KeyKind.AEAD, PredefinedAeadParameters.AES256_GCM),
  /** Keys the hash index of identities, so none is stored in clear (HMAC-SHA256). */
  IDENTITY_INDEX("identity-index", KeyKind.MAC, PredefinedMacParameters.HMAC_SHA256_256BITTAG),
  /** Seals letters waiting in the outbox, which hold addresses and bodies (AES-256-GCM). */
  OUTBOX("outbox", KeyKind.AEAD, PredefinedAeadParameters.AES256_GCM),
  /** Signs access-package download links: package, subject and expiry (HMAC-SHA256). */
  DOWNLOAD_LINKS("download-links", KeyKind.MAC, PredefinedMacParameters.HMAC_SHA256_256BITTAG),
  /** Signs marketing mail's unsubscribe links: address hash, purpose and topic (HMAC-SHA256). */
  UNSUBSCRIBE_LINKS(
      "unsubscribe-links", KeyKind.MAC, PredefinedMacParameters.HMAC_SHA256_256BITTAG);

  private final String id;
  private final KeyKind kind;
  private final Parameters parameters;

  KeyName(String id, KeyKind kind, Parameters parameters) {
    this.id = id;
    this.kind = kind;
    this.parameters = parameters;
  }

  /** The name used in files, messages and the {@code key_fingerprint} table. */
  public String id() {
    return id;
  }

  public KeyKind kind() {
    return kind;
  }

  /** Tink parameters of a newly generated key. */
  Parameters parameters() {
    return parameters;
  }

  public String fileName() {
    return id + ".json";
  }

  public String environmentVariable() {
    return "STEWARD_KEY_" + id.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
