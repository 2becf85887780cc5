package dev.steward.session;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.mail.LetterTemplate;
import dev.steward.mail.OutgoingMail;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sign-in code as a letter and as a text message, in English and Simplified Chinese: the letter
 * {@code letters/<language>/sign-in-code.txt} is a {@link LetterTemplate} (first line the subject),
 * the text message {@code sign-in-code.sms.txt} one line without a subject; both are loaded and
 * checked at start-up. Thread-safe.
 */
final class SignInLetters {
  static final List<String> LANGUAGES = List.of("en", "zh-CN");
  private final Map<String, LetterTemplate> letters = new LinkedHashMap<>();
  private final Map<String, String> texts = new LinkedHashMap<>();

  SignInLetters() {
    for (String language : LANGUAGES) {
      letters.put(language, LetterTemplate.load("letters/" + language + "/sign-in-code.txt"));
      texts.put(language, read(language, "sign-in-code.sms.txt").strip());
    }
  }

  /** The language tag as the templates name it; {@code en} when absent. */
  static String language(String requested) {
    if (requested == null) {
      return "en";
    }
    return LANGUAGES.stream()
        .filter(tag -> tag.equalsIgnoreCase(requested))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "language must be en or zh-CN",
                    List.of(
                        new FieldProblem("language", "not a language letters are written in"))));
  }

  OutgoingMail letter(String language, String to, String code, UUID challengeId) {
    LetterTemplate.Filled filled =
        letters
            .get(language)
            .fill(
                Map.of(
                    "code",
                    code,
                    "minutes",
                    Long.toString(SignInChallenges.CODE_LIFETIME.toMinutes())));
    return OutgoingMail.text("letter.sign-in-code", to, filled.subject(), filled.body())
        .relatedTo("sign-in-challenge", challengeId.toString());
  }

  String text(String language, String code) {
    return fill(texts.get(language), code);
  }

  private static String fill(String template, String code) {
    return template
        .replace("{{code}}", code)
        .replace("{{minutes}}", Long.toString(SignInChallenges.CODE_LIFETIME.toMinutes()));
  }

  private static String read(String language, String file) {
    String path = "letters/" + language + "/" + file;
    try (InputStream in = SignInLetters.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the letter template " + path + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
