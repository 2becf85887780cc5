package dev.steward.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test inputs: a fixed clock, and a small valid policy to break one line at a time. */
final class Fixtures {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
  static final String NAME = "policy.yaml";

  private Fixtures() {}

  static PolicyChecker checker() {
    return new PolicyChecker(CLOCK);
  }

  static String minimal() {
    return resource("policy/minimal.yaml");
  }

  static CheckReport check(String yaml) {
    return checker().check(NAME, yaml);
  }

  /** The minimal policy with {@code before} replaced by {@code after}; fails if absent. */
  static CheckReport checkMinimalWith(String before, String after) {
    String minimal = minimal();
    if (!minimal.contains(before)) {
      throw new AssertionError("fixture text not found: " + before);
    }
    return check(minimal.replace(before, after));
  }

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
