package dev.steward.request;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The languages letters are written in. */
enum Language {
  EN("en", DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK)),
  ZH_CN("zh-CN", DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.SIMPLIFIED_CHINESE));

  private final String tag;
  private final DateTimeFormatter dates;

  Language(String tag, DateTimeFormatter dates) {
    this.tag = tag;
    this.dates = dates;
  }

  String tag() {
    return tag;
  }

  String date(LocalDate date) {
    return dates.format(date);
  }

  /** {@code en} when absent. */
  static Language parse(String text) {
    if (text == null) {
      return EN;
    }
    for (Language language : values()) {
      if (language.tag.equalsIgnoreCase(text)) {
        return language;
      }
    }
    throw new InvalidInputException(
        "language must be en or zh-CN",
        List.of(new FieldProblem("language", "not a language letters are written in")));
  }
}
