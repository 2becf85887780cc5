package dev.steward.request;

import dev.steward.mail.LetterTemplate;
import dev.steward.mail.OutgoingMail;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The letters of the request workflow in English and Simplified Chinese: plain-text templates under
 * {@code classpath:letters/<language>/}, the first line the subject, {@code {{name}}} placeholders
 * filled from the values given. Every template is loaded and checked at start-up. Thread-safe.
 */
final class Letters {
  /** The letters a request can cause. */
  enum Kind {
    ACKNOWLEDGEMENT,
    /** The acknowledgement sent to an authorized agent, who acts for the person. */
    ACKNOWLEDGEMENT_AGENT,
    CODE,
    LINK,
    EXTENSION,
    COMPLETION,
    DENIAL,
    DUPLICATE;

    String file() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Map<Language, Map<Kind, LetterTemplate>> templates = new EnumMap<>(Language.class);
  private final Map<Language, Properties> names = new EnumMap<>(Language.class);

  Letters() {
    for (Language language : Language.values()) {
      Map<Kind, LetterTemplate> byKind = new EnumMap<>(Kind.class);
      for (Kind kind : Kind.values()) {
        byKind.put(
            kind, LetterTemplate.load("letters/" + language.tag() + "/" + kind.file() + ".txt"));
      }
      templates.put(language, byKind);
      Properties properties = new Properties();
      try (InputStreamReader reader =
          new InputStreamReader(open(language, "names.properties"), StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      names.put(language, properties);
    }
  }

  /** A word or sentence of the letters, e.g. {@code type.access}; the key itself if missing. */
  String name(Language language, String key) {
    return names.get(language).getProperty(key, key);
  }

  OutgoingMail render(
      Kind kind, Language language, String to, UUID requestId, Map<String, String> values) {
    LetterTemplate.Filled filled = templates.get(language).get(kind).fill(values);
    return OutgoingMail.text(
            "letter." + kind.file().replace('_', '-'), to, filled.subject(), filled.body())
        .relatedTo("request", requestId.toString());
  }

  private static InputStream open(Language language, String file) {
    String path = "letters/" + language.tag() + "/" + file;
    InputStream in = Letters.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("the letter template " + path + " is missing");
    }
    return in;
  }
}
