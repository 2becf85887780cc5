package dev.steward.i18n;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English sentences left in a text meant to be Chinese. A sentence is a run of at least three
 * Latin words, two of them all lower case: "the person is told why" is one, while a company's name
 * ("ChinaCache Networks (UK) Limited"), an address, a law's short name ("UK GDPR", "Shine the
 * Light"), a code, an e-mail address, a URL or a path is not. Names the caller knows (legal names,
 * addresses) are removed first.
 */
public final class LatinSentences {
  private static final Pattern MARKUP = Pattern.compile("(?s)<head>.*?</head>|<[^>]*>");
  private static final Pattern URLS =
      Pattern.compile("(https?|mailto):\\S+|\\S+@\\S+|\\(#[^)]*\\)|(?<![\\w/])/[\\w-]+/\\S+");
  private static final Pattern SEGMENT = Pattern.compile("[^\\n\\p{IsHan}。，、；：（）《》“”|]+");
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’-]*");

  private LatinSentences() {}

  /** Every segment of {@code text} that reads as an English sentence, trimmed. */
  public static List<String> in(String text, Collection<String> names) {
    String plain = MARKUP.matcher(text).replaceAll("\n");
    plain = plain.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
    List<String> longestFirst =
        names.stream()
            .filter(n -> !n.isBlank())
            .sorted(Comparator.comparing(String::length).reversed())
            .toList();
    for (String name : longestFirst) {
      plain = plain.replace(name, " ");
    }
    plain = URLS.matcher(plain).replaceAll(" ");
    List<String> found = new ArrayList<>();
    Matcher segment = SEGMENT.matcher(plain);
    while (segment.find()) {
      String candidate = segment.group().strip();
      if (isSentence(candidate)) {
        found.add(candidate);
      }
    }
    return found;
  }

  private static boolean isSentence(String segment) {
    Matcher word = WORD.matcher(segment);
    int words = 0;
    int lower = 0;
    while (word.find()) {
      words++;
      String w = word.group();
      if (w.length() >= 2 && w.equals(w.toLowerCase(java.util.Locale.ROOT))) {
        lower++;
      }
    }
    return words >= 3 && lower >= 2;
  }
}
