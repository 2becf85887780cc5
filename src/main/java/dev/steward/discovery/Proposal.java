package dev.steward.discovery;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The YAML a discovery run proposes for review: policy {@code systems} entries with their
 * categories and connector block, and the dataset description's skeleton (tables, identity columns,
 * categories, an erasure action to decide). Every value found is left out; the proposal names
 * columns, never contents. Stateless.
 */
public final class Proposal {
  private Proposal() {}

  /** The proposal for {@code report}, as the system {@code systemId}. */
  public static String yaml(DiscoveryReport report, String systemId) {
    StringBuilder out = new StringBuilder();
    out.append("# Proposed by steward discover for ")
        .append(report.target())
        .append(". Review every line: confidence is in the comments,\n")
        .append("# erasure actions are placeholders, and columns it missed are not here.\n");
    Set<String> categories = new TreeSet<>();
    report.findings().forEach(f -> categories.add(f.type().category()));
    out.append("systems:\n");
    out.append("  - id: ").append(systemId).append('\n');
    out.append("    name: ").append(systemId).append('\n');
    out.append("    categories: [").append(String.join(", ", categories)).append("]\n");
    out.append("    connector:\n");
    if (report.database()) {
      out.append("      type: sql\n");
      out.append("      url_env: ").append(envName(systemId)).append("_JDBC_URL\n");
      out.append("      password_env: ").append(envName(systemId)).append("_PASSWORD\n");
      out.append("      dataset: ").append(systemId).append("-dataset.yaml\n");
      out.append("\n# ").append(systemId).append("-dataset.yaml\n");
      out.append("dataset:\n  tables:\n");
      Map<String, List<Finding>> byTable = new LinkedHashMap<>();
      report
          .findings()
          .forEach(
              f -> byTable.computeIfAbsent(f.source(), k -> new java.util.ArrayList<>()).add(f));
      for (Map.Entry<String, List<Finding>> table : byTable.entrySet()) {
        out.append("    ").append(table.getKey()).append(":\n");
        List<Finding> identities =
            table.getValue().stream().filter(f -> identityType(f.type()) != null).toList();
        if (!identities.isEmpty()) {
          out.append("      identities:\n");
          Set<String> seen = new LinkedHashSet<>();
          for (Finding f : identities) {
            if (seen.add(f.column())) {
              out.append("        ")
                  .append(f.column())
                  .append(": {type: ")
                  .append(identityType(f.type()))
                  .append(", normalise: ")
                  .append(
                      f.type() == PersonalDataType.EMAIL
                          ? "lowercase"
                          : f.type() == PersonalDataType.PHONE ? "e164" : "none")
                  .append("}\n");
            }
          }
        }
        out.append("      columns:\n");
        Set<String> seen = new LinkedHashSet<>();
        for (Finding f : table.getValue()) {
          if (seen.add(f.column())) {
            out.append("        ")
                .append(f.column())
                .append(": {category: ")
                .append(f.type().category())
                .append(", erasure: ")
                .append(erasure(f.type()))
                .append("}  # ")
                .append(f.type().id())
                .append(", confidence ")
                .append(f.confidence())
                .append('\n');
          }
        }
      }
    } else {
      out.append("      type: logs\n");
      out.append("      root: ").append(report.target()).append('\n');
      Map<String, Set<String>> fields = new LinkedHashMap<>();
      for (Finding f : report.findings()) {
        String type =
            switch (f.type()) {
              case IPV4, IPV6 -> "ip";
              case EMAIL -> "email";
              default -> null;
            };
        if (type != null) {
          fields.computeIfAbsent(type, k -> new TreeSet<>()).add(f.column());
        }
      }
      if (!fields.isEmpty()) {
        out.append("      fields:\n");
        fields.forEach(
            (type, names) ->
                out.append("        ")
                    .append(type)
                    .append(": [")
                    .append(String.join(", ", names))
                    .append("]\n"));
      }
      out.append("      retention: {delete_after: 90d, pseudonymise_ip_after: 7d}  # to decide\n");
      out.append("# found:\n");
      for (Finding f : report.findings()) {
        out.append("#   ")
            .append(f.source())
            .append(' ')
            .append(f.column())
            .append(": ")
            .append(f.type().id())
            .append(", confidence ")
            .append(f.confidence())
            .append('\n');
      }
    }
    return out.toString();
  }

  private static String identityType(PersonalDataType type) {
    return switch (type) {
      case EMAIL -> "email";
      case PHONE -> "phone";
      case US_SSN, UK_NINO, CN_RESIDENT_ID -> "national_id";
      default -> null;
    };
  }

  private static String erasure(PersonalDataType type) {
    return switch (type) {
      case EMAIL, PHONE, NAME -> "delete_row";
      case PAYMENT_CARD, IBAN, US_SSN, UK_NINO, CN_RESIDENT_ID -> "mask";
      default -> "set_null";
    };
  }

  private static String envName(String id) {
    return id.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
