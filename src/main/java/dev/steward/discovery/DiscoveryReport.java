package dev.steward.discovery;

import java.util.List;
import java.util.Locale;

/**
 * What a discovery run found, with the YAML it proposes. Holds no sampled value.
 *
 * @param target the JDBC URL without credentials, or the directory
 * @param database true for a database, false for a directory
 * @param sources tables or files read
 * @param columns columns or fields sampled
 */
public record DiscoveryReport(
    String target, boolean database, int sources, int columns, List<Finding> findings) {
  public DiscoveryReport {
    findings = List.copyOf(findings);
  }

  /** A plain-text table of the findings, one per line. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%s: %d %s, %d %s sampled, %d with personal data%n",
            target,
            sources,
            database ? "tables" : "files",
            columns,
            database ? "columns" : "fields",
            findings.size()));
    out.append(
        String.format(
            Locale.ROOT,
            "%-32s %-24s %-16s %10s %9s%n",
            database ? "table" : "file",
            database ? "column" : "field",
            "type",
            "confidence",
            "matched"));
    for (Finding f : findings) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-32s %-24s %-16s %10.2f %4d/%-4d%s%n",
              f.source(),
              f.column(),
              f.type().id(),
              f.confidence(),
              f.recognised(),
              f.sampled(),
              f.nameAgrees() ? " (name)" : ""));
    }
    return out.toString();
  }
}
