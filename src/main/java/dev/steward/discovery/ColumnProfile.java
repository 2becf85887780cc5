package dev.steward.discovery;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sampled values of one column, counted per recognised type, and the findings they support. A type
 * with no checksum (name, address, date of birth, phone given as bare digits) needs the column name
 * to agree or a clear majority of values; a checksummed type needs only its values. Not
 * thread-safe.
 */
final class ColumnProfile {
  /** Findings below this confidence are not reported. */
  static final double THRESHOLD = 0.5;

  private static final Set<PersonalDataType> WEAK =
      Set.of(PersonalDataType.NAME, PersonalDataType.ADDRESS, PersonalDataType.DATE_OF_BIRTH);

  private final String source;
  private final String column;
  private final Set<PersonalDataType> hints;
  private final Map<PersonalDataType, Integer> counts = new EnumMap<>(PersonalDataType.class);
  private int sampled;

  ColumnProfile(String source, String column) {
    this.source = source;
    this.column = column;
    this.hints = ColumnHints.of(column);
  }

  void add(Set<PersonalDataType> types) {
    sampled++;
    for (PersonalDataType type : types) {
      counts.merge(type, 1, Integer::sum);
    }
  }

  int sampled() {
    return sampled;
  }

  List<Finding> findings() {
    List<Finding> findings = new ArrayList<>();
    for (PersonalDataType type : PersonalDataType.values()) {
      int recognised = counts.getOrDefault(type, 0);
      boolean named = hints.contains(type);
      double share = sampled == 0 ? 0 : (double) recognised / sampled;
      double confidence;
      if (named) {
        // The name says so: values that agree make it near certain; none at all still leave a
        // likely column (empty, or values in a form no detector knows).
        confidence = recognised > 0 ? Math.min(0.99, 0.6 + 0.4 * share) : sampled == 0 ? 0.5 : 0.3;
      } else if (WEAK.contains(type)) {
        confidence = share >= 0.6 ? 0.5 + 0.3 * share : 0;
      } else {
        confidence = share >= 0.3 ? Math.min(0.98, 0.4 + 0.6 * share) : 0;
      }
      if (type == PersonalDataType.IPV6 && named && recognised == 0) {
        continue;
      }
      if (type == PersonalDataType.IPV4
          && named
          && recognised == 0
          && counts.containsKey(PersonalDataType.IPV6)) {
        continue;
      }
      if (confidence >= THRESHOLD) {
        findings.add(
            new Finding(source, column, type, round(confidence), sampled, recognised, named));
      }
    }
    // A column is one thing: keep the most confident type, and any tie.
    double best = findings.stream().mapToDouble(Finding::confidence).max().orElse(0);
    findings.removeIf(f -> f.confidence() < best);
    return findings;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
