package dev.steward.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, unpadded standard Base64). New hashes use the
 * configured cost; verification uses the cost written in the hash, so raising the cost never locks
 * anyone out, and {@link #needsRehash} says when a stored hash should be replaced. Thread-safe.
 */
public final class PasswordHasher {
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})"
              + "\\$([A-Za-z0-9+/]{16,})\\$([A-Za-z0-9+/]{16,})");
  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

  private final PasswordHashing cost;
  private final SecureRandom random = new SecureRandom();

  public PasswordHasher(PasswordHashing cost) {
    this.cost = Objects.requireNonNull(cost, "cost");
  }

  /** A new hash of {@code password} with a fresh random salt and the configured cost. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return encode(
        salt,
        derive(
            password, salt, cost.memoryKiB(), cost.iterations(), cost.parallelism(), HASH_BYTES));
  }

  /**
   * A well-formed hash with the configured cost that no password matches (its hash part is random,
   * not derived), for checking unknown names: verifying against it costs exactly what verifying a
   * real hash costs, while making it costs nothing.
   */
  public String unmatchable() {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = new byte[HASH_BYTES];
    random.nextBytes(hash);
    return encode(salt, hash);
  }

  private String encode(byte[] salt, byte[] hash) {
    return "$argon2id$v=19$m="
        + cost.memoryKiB()
        + ",t="
        + cost.iterations()
        + ",p="
        + cost.parallelism()
        + "$"
        + ENCODER.encodeToString(salt)
        + "$"
        + ENCODER.encodeToString(hash);
  }

  /** True when {@code password} matches; false for a wrong password or a malformed hash. */
  public boolean verify(String password, String encoded) {
    Matcher phc = encoded == null ? null : PHC.matcher(encoded);
    if (phc == null || !phc.matches()) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(phc.group(4));
    byte[] expected = Base64.getDecoder().decode(phc.group(5));
    byte[] actual =
        derive(
            password,
            salt,
            Integer.parseInt(phc.group(1)),
            Integer.parseInt(phc.group(2)),
            Integer.parseInt(phc.group(3)),
            expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** True when the stored hash was made with another cost than the configured one. */
  public boolean needsRehash(String encoded) {
    Matcher phc = encoded == null ? null : PHC.matcher(encoded);
    return phc == null
        || !phc.matches()
        || Integer.parseInt(phc.group(1)) != cost.memoryKiB()
        || Integer.parseInt(phc.group(2)) != cost.iterations()
        || Integer.parseInt(phc.group(3)) != cost.parallelism();
  }

  private static byte[] derive(
      String password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKiB)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
