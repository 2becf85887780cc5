package dev.steward.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyKindTest {

  @ParameterizedTest
  @EnumSource(KeyKind.class)
  void fingerprint_sameKeyReadBack_isStableAndOtherKeysDiffer(KeyKind kind) throws Exception {
    KeysetHandle key = generate(kind);
    String json = TinkJsonProtoKeysetFormat.serializeKeyset(key, InsecureSecretKeyAccess.get());
    KeysetHandle readBack =
        TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());

    assertThat(kind.fingerprint(readBack)).isEqualTo(kind.fingerprint(key)).matches("[0-9a-f]{64}");
    assertThat(kind.fingerprint(generate(kind))).isNotEqualTo(kind.fingerprint(key));
  }

  private static KeysetHandle generate(KeyKind kind) throws Exception {
    return switch (kind) {
      case SIGNATURE -> KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519);
      case MAC -> KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);
      case AEAD -> KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    };
  }
}
