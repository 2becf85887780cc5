package dev.steward.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The pages' words: every {@code i18n/<feature>_<lang>.properties} file on Steward's own class path
 * (UTF-8), merged per {@link PageLanguage}. A feature adds its words by adding its own pair of
 * files; nothing else registers them. A key defined by two files of the same language, or a
 * language with no file at all, is refused at start-up. Immutable and thread-safe once loaded.
 */
public final class Messages {
  static final String FOLDER = "i18n/";
  private final Map<PageLanguage, Map<String, String>> words;

  private Messages(Map<PageLanguage, Map<String, String>> words) {
    this.words = words;
  }

  /** Loads every bundle next to Steward's classes (the jar, or the build's class folder). */
  public static Messages load() {
    Map<PageLanguage, Map<String, String>> words = new EnumMap<>(PageLanguage.class);
    Map<String, String> origins = new TreeMap<>();
    for (PageLanguage language : PageLanguage.values()) {
      words.put(language, new TreeMap<>());
    }
    for (String resource : bundleResources()) {
      String file = resource.substring(FOLDER.length());
      PageLanguage language = PageLanguage.ofBundleFile(file).orElse(null);
      if (language == null) {
        continue;
      }
      Properties properties = read(resource);
      for (String key : properties.stringPropertyNames()) {
        String previous = origins.put(language + "|" + key, file);
        if (previous != null) {
          throw new IllegalStateException(
              "the message key '" + key + "' is defined in both " + previous + " and " + file);
        }
        words.get(language).put(key, properties.getProperty(key));
      }
    }
    words.replaceAll((language, map) -> Collections.unmodifiableMap(map));
    return new Messages(words);
  }

  /** The words of one language, keyed. */
  public Map<String, String> of(PageLanguage language) {
    return words.get(language);
  }

  /** The text of {@code key} in {@code language}, {@code {0}}-style arguments filled in. */
  public Text text(PageLanguage language) {
    return new Text(language, words.get(language));
  }

  private static Properties read(String resource) {
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /**
   * The bundle files where Steward's own classes come from: a folder while building and testing,
   * the shaded jar in production. Listing that location keeps bundles self-registering without
   * scanning every jar of the class path.
   */
  static List<String> bundleResources() {
    Path location;
    try {
      location =
          Path.of(Messages.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate Steward's classes", e);
    }
    List<String> found = new ArrayList<>();
    try {
      if (Files.isDirectory(location)) {
        Path folder = location.resolve(FOLDER);
        if (Files.isDirectory(folder)) {
          try (Stream<Path> files = Files.list(folder)) {
            files
                .map(p -> FOLDER + p.getFileName())
                .filter(name -> name.endsWith(".properties"))
                .forEach(found::add);
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          jar.stream()
              .map(JarEntry::getName)
              .filter(name -> name.startsWith(FOLDER) && name.endsWith(".properties"))
              .filter(name -> name.indexOf('/', FOLDER.length()) < 0)
              .forEach(found::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the message bundles in " + location, e);
    }
    Collections.sort(found);
    return found;
  }
}
