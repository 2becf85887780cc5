package dev.steward.access;

/** Argon2id cost; production defaults follow OWASP's minimum, tests lower them. */
public record PasswordHashing(int memoryKiB, int iterations, int parallelism) {
  public PasswordHashing {
    if (memoryKiB < 8 || iterations < 1 || parallelism < 1) {
      throw new IllegalArgumentException(
          "password hashing cost is too low: memory >= 8 KiB, iterations and parallelism >= 1");
    }
  }

  public static PasswordHashing production() {
    return new PasswordHashing(19_456, 2, 1);
  }

  public static PasswordHashing cheapForTests() {
    return new PasswordHashing(64, 1, 1);
  }
}
