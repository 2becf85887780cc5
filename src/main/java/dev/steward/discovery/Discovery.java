package dev.steward.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.error.ConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Samples a database or a directory of files and reports the columns and fields that likely hold
 * personal data. A database is only read: the connection is read-only, each table gives at most
 * {@code sampleRows} rows, and every identifier comes from the database's own metadata, quoted. A
 * directory's CSV (header row), JSON Lines and combined-format log files give at most {@code
 * sampleLines} lines each, gzip too. Stateless apart from its settings; thread-safe.
 */
public final class Discovery {
  private static final Set<String> SYSTEM_SCHEMAS =
      Set.of("information_schema", "pg_catalog", "pg_toast", "mysql", "performance_schema", "sys");
  private static final Pattern COMBINED =
      Pattern.compile(
          "(\\S+) (\\S+) (\\S+) \\[([^\\]]*)\\] \"((?:[^\"\\\\]|\\\\.)*)\" (\\S+) (\\S+)"
              + "(?: \"((?:[^\"\\\\]|\\\\.)*)\" \"((?:[^\"\\\\]|\\\\.)*)\")?(.*)");
  private static final Pattern EXTRA = Pattern.compile(" +(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+))");
  private static final String[] COMBINED_FIELDS = {
    "remote_addr",
    "ident",
    "remote_user",
    "time",
    "request",
    "status",
    "bytes",
    "referer",
    "user_agent"
  };
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Detectors detectors;

  public Discovery(String phoneRegion, Clock clock) {
    this.detectors = new Detectors(phoneRegion, LocalDate.now(clock));
  }

  /** Samples every table the connection can see outside the system schemas. */
  public DiscoveryReport database(
      String url, String user, String password, int sampleRows, DiscoveryProgress progress) {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    String shown = url.replaceAll("(?i)(password|user)=[^&;]*", "$1=***");
    try (Connection connection = DriverManager.getConnection(url, properties)) {
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      try {
        return sample(connection, shown, sampleRows, progress);
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new ConfigurationException(
          "cannot sample " + shown + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private DiscoveryReport sample(
      Connection connection, String shown, int sampleRows, DiscoveryProgress progress)
      throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String quote = meta.getIdentifierQuoteString().strip();
    String catalog = connection.getCatalog();
    Map<List<String>, List<String[]>> tables = new LinkedHashMap<>();
    try (ResultSet rs = meta.getTables(catalog, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        String tableCatalog = rs.getString("TABLE_CAT");
        String owner = schema != null ? schema : tableCatalog;
        if (owner != null && SYSTEM_SCHEMAS.contains(owner.toLowerCase(Locale.ROOT))) {
          continue;
        }
        tables.put(
            java.util.Arrays.asList(tableCatalog, schema, rs.getString("TABLE_NAME")),
            new ArrayList<>());
      }
    }
    long total = 0;
    for (Map.Entry<List<String>, List<String[]>> table : tables.entrySet()) {
      List<String> key = table.getKey();
      try (ResultSet rs = meta.getColumns(key.get(0), key.get(1), key.get(2), "%")) {
        while (rs.next()) {
          if (sampled(rs.getInt("DATA_TYPE"))) {
            table.getValue().add(new String[] {rs.getString("COLUMN_NAME")});
          }
        }
      }
      total += table.getValue().size();
    }
    List<Finding> findings = new ArrayList<>();
    long done = 0;
    int columns = 0;
    for (Map.Entry<List<String>, List<String[]>> table : tables.entrySet()) {
      List<String[]> names = table.getValue();
      if (names.isEmpty()) {
        continue;
      }
      List<String> key = table.getKey();
      String schemaOrCatalog = key.get(1) != null ? key.get(1) : key.get(0);
      String source = key.get(1) != null ? key.get(1) + "." + key.get(2) : key.get(2);
      StringBuilder sql = new StringBuilder("SELECT ");
      for (int i = 0; i < names.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append(quoted(quote, names.get(i)[0]));
      }
      sql.append(" FROM ");
      if (schemaOrCatalog != null) {
        sql.append(quoted(quote, schemaOrCatalog)).append('.');
      }
      sql.append(quoted(quote, key.get(2)));
      List<ColumnProfile> profiles = new ArrayList<>();
      for (String[] name : names) {
        profiles.add(new ColumnProfile(source, name[0]));
      }
      try (Statement statement = connection.createStatement()) {
        statement.setMaxRows(sampleRows);
        statement.setFetchSize(Math.min(sampleRows, 500));
        statement.setQueryTimeout(60);
        try (ResultSet rs = statement.executeQuery(sql.toString())) {
          while (rs.next()) {
            for (int i = 0; i < profiles.size(); i++) {
              String value = rs.getString(i + 1);
              if (value != null && !value.isBlank()) {
                profiles.get(i).add(detectors.classify(value));
              }
            }
          }
        }
      }
      for (ColumnProfile profile : profiles) {
        findings.addAll(profile.findings());
        columns++;
        progress.update(++done, total);
      }
    }
    return new DiscoveryReport(shown, true, tables.size(), columns, findings);
  }

  private static boolean sampled(int type) {
    return switch (type) {
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB,
          Types.NCLOB,
          Types.DATE,
          Types.TIMESTAMP,
          Types.OTHER ->
          true;
      default -> false;
    };
  }

  private static String quoted(String quote, String identifier) {
    if (quote.isEmpty()) {
      return identifier;
    }
    return quote + identifier.replace(quote, quote + quote) + quote;
  }

  /** Samples every file under {@code root} that is not hidden. */
  public DiscoveryReport directory(Path root, int sampleLines, DiscoveryProgress progress) {
    if (!Files.isDirectory(root)) {
      throw new ConfigurationException(root + " is not a directory");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(
                  p ->
                      !root.relativize(p).toString().startsWith(".")
                          && !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new ConfigurationException("cannot list " + root + ": " + e.getMessage());
    }
    long total = 0;
    for (Path file : files) {
      total += file.toFile().length();
    }
    List<Finding> findings = new ArrayList<>();
    long done = 0;
    int fields = 0;
    for (Path file : files) {
      String name = root.relativize(file).toString().replace('\\', '/');
      Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
      try {
        readFile(file, name, sampleLines, profiles);
      } catch (IOException e) {
        throw new ConfigurationException("cannot read " + name + ": " + e.getMessage());
      }
      for (ColumnProfile profile : profiles.values()) {
        if (profile.sampled() > 0) {
          findings.addAll(profile.findings());
          fields++;
        }
      }
      done += file.toFile().length();
      progress.update(done, total);
    }
    return new DiscoveryReport(root.toString(), false, files.size(), fields, findings);
  }

  private void readFile(
      Path file, String name, int sampleLines, Map<String, ColumnProfile> profiles)
      throws IOException {
    String lower = name.toLowerCase(Locale.ROOT);
    InputStream raw = Files.newInputStream(file);
    try (InputStream in = lower.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      boolean csv = lower.endsWith(".csv") || lower.endsWith(".csv.gz");
      List<String> header = null;
      int lines = 0;
      for (String line = reader.readLine();
          line != null && lines < sampleLines;
          line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        lines++;
        if (csv) {
          List<String> cells = csvCells(line);
          if (header == null) {
            header = cells;
            continue;
          }
          for (int i = 0; i < cells.size() && i < header.size(); i++) {
            record(profiles, name, header.get(i), cells.get(i));
          }
        } else if (line.stripLeading().startsWith("{")) {
          try {
            flatten(JSON.readTree(line), "", profiles, name);
          } catch (IOException e) {
            // A broken line is skipped: discovery samples, it does not validate.
          }
        } else {
          Matcher matcher = COMBINED.matcher(line);
          if (matcher.matches()) {
            for (int g = 1; g <= 9; g++) {
              record(profiles, name, COMBINED_FIELDS[g - 1], matcher.group(g));
            }
            Matcher extra = EXTRA.matcher(matcher.group(10));
            int n = 1;
            while (extra.find()) {
              String value = extra.group(1) != null ? extra.group(1) : extra.group(2);
              record(profiles, name, "extra" + n++, value);
            }
          }
        }
      }
    }
  }

  private void flatten(
      JsonNode node, String prefix, Map<String, ColumnProfile> profiles, String file) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        flatten(
            entry.getValue(),
            prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(),
            profiles,
            file);
      }
    } else if (node.isArray()) {
      node.forEach(item -> flatten(item, prefix, profiles, file));
    } else if (!node.isNull()) {
      record(profiles, file, prefix, node.asText());
    }
  }

  private void record(
      Map<String, ColumnProfile> profiles, String file, String field, String value) {
    if (value == null || value.isBlank() || value.equals("-")) {
      return;
    }
    profiles.computeIfAbsent(field, f -> new ColumnProfile(file, f)).add(detectors.classify(value));
  }

  static List<String> csvCells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /** Recognises one value, for the labelled corpus. */
  Set<PersonalDataType> classify(String value) {
    return detectors.classify(value);
  }
}
