package dev.steward.policy.documents;

import dev.steward.policy.Policy;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.PublishedPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The bundled policy on a fixed clock, and a store of published versions holding only it. */
final class DocumentFixtures {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
  static final Policy BUNDLED = new PolicyChecker(CLOCK).bundled();
  static final PolicyDocuments DOCUMENTS =
      new PolicyDocuments(() -> PdfFont.locate(Optional.empty()));

  private DocumentFixtures() {}

  static String text(DocumentKind kind, DocumentLanguage language, DocumentFormat format) {
    return new String(
        DOCUMENTS.render(kind, BUNDLED, language, format).content(), StandardCharsets.UTF_8);
  }

  /** The source policy Steward's bundled file was written from, kept outside this repository. */
  static Path sourcePolicy() {
    String configured = System.getProperty("steward.source-policy");
    return configured != null
        ? Path.of(configured)
        : Path.of("..", "shared", "seed", "privacy-policy.txt");
  }

  /** Published versions: the bundled policy, once. */
  static final class BundledOnly implements PublishedPolicies {
    private final PublishedPolicy only =
        new PublishedPolicy(
            BUNDLED.version(), "0".repeat(64), Instant.parse("2025-01-01T00:00:00Z"), BUNDLED);

    @Override
    public PublishedPolicy current() {
      return only;
    }

    @Override
    public Optional<PublishedPolicy> version(String version) {
      return only.version().equals(version) ? Optional.of(only) : Optional.empty();
    }

    @Override
    public List<PublishedPolicy> all() {
      return List.of(only);
    }
  }
}
