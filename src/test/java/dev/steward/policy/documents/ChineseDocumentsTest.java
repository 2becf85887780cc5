package dev.steward.policy.documents;

import static dev.steward.policy.documents.DocumentFixtures.BUNDLED;
import static dev.steward.policy.documents.DocumentFixtures.DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.i18n.LatinSentences;
import dev.steward.policy.Contact;
import dev.steward.policy.Entity;
import dev.steward.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every document Steward writes in Simplified Chinese is in Chinese, but for names and codes. */
class ChineseDocumentsTest {
  static Stream<Arguments> documents() {
    return Stream.of(DocumentKind.values())
        .flatMap(
            kind ->
                kind.formats().stream()
                    .filter(format -> format != DocumentFormat.PDF && format != DocumentFormat.JSON)
                    .map(format -> Arguments.of(kind, format)));
  }

  @ParameterizedTest
  @MethodSource("documents")
  void chineseDocument_fromTheBundledPolicy_hasNoEnglishSentence(
      DocumentKind kind, DocumentFormat format) {
    String text =
        new String(
            DOCUMENTS.render(kind, BUNDLED, DocumentLanguage.ZH_CN, format).content(),
            StandardCharsets.UTF_8);
    if (format == DocumentFormat.CSV) {
      // The header row holds column keys, codes read by programs like JSON's keys.
      text = text.substring(text.indexOf('\n') + 1);
    }

    assertThat(LatinSentences.in(text, names(BUNDLED))).isEmpty();
  }

  /** What stays as written in any language: legal names and postal addresses. */
  static List<String> names(Policy policy) {
    List<String> names = new ArrayList<>();
    for (Entity entity : policy.entities()) {
      names.add(entity.legalName());
      entity.contacts().stream()
          .map(Contact::post)
          .flatMap(java.util.Optional::stream)
          .forEach(names::add);
    }
    policy.recipients().forEach(r -> r.legalName().ifPresent(names::add));
    return names;
  }
}
