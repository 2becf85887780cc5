package dev.steward.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher(PasswordHashing.cheapForTests());

  @Test
  void hash_anyPassword_isAnArgon2idPhcString() {
    String hash = hasher.hash("correct horse battery");

    assertThat(hash)
        .matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
  }

  @Test
  void verify_samePassword_matchesAndOtherPasswordDoesNot() {
    String hash = hasher.hash("correct horse battery");

    assertThat(hasher.verify("correct horse battery", hash)).isTrue();
    assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
  }

  @Test
  void hash_samePasswordTwice_usesFreshSalts() {
    assertThat(hasher.hash("same password!")).isNotEqualTo(hasher.hash("same password!"));
  }

  @Test
  void verify_hashMadeWithAnotherCost_usesTheCostInTheHash() {
    String older = new PasswordHasher(new PasswordHashing(128, 2, 1)).hash("long enough pw");

    assertThat(hasher.verify("long enough pw", older)).isTrue();
    assertThat(hasher.needsRehash(older)).isTrue();
    assertThat(hasher.needsRehash(hasher.hash("long enough pw"))).isFalse();
  }

  @Test
  void unmatchable_isWellFormedWithTheConfiguredCostAndMatchesNoPassword() {
    String unmatchable = hasher.unmatchable();

    assertThat(unmatchable)
        .matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(hasher.needsRehash(unmatchable)).isFalse();
    assertThat(hasher.verify("", unmatchable)).isFalse();
    assertThat(hasher.verify("correct horse battery", unmatchable)).isFalse();
    assertThat(hasher.unmatchable()).isNotEqualTo(unmatchable);
  }

  @Test
  void verify_malformedHash_isFalseRatherThanAnError() {
    assertThat(hasher.verify("x", "$argon2i$v=19$m=64,t=1,p=1$abc$def")).isFalse();
    assertThat(hasher.verify("x", "")).isFalse();
    assertThat(hasher.needsRehash("garbage")).isTrue();
  }

  @Test
  void hash_unicodePassword_roundTrips() {
    String hash = hasher.hash("pässwörd-密码-long");

    assertThat(hasher.verify("pässwörd-密码-long", hash)).isTrue();
  }
}
