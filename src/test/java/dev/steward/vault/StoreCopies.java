package dev.steward.vault;

import dev.steward.store.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Takes a copy of a data store the way an operator's backup would, and reads the encrypted records
 * back out of the copy: the H2 file copied while the database is closed, or {@code pg_dump} of the
 * PostgreSQL schema.
 */
final class StoreCopies {
  /** One encrypted record as found in a copy. */
  record SealedRow(UUID id, UUID subjectId, byte[] ciphertext) {}

  private StoreCopies() {}

  /** The H2 data file behind a {@code jdbc:h2:file:} URL. */
  static Path h2File(String url) {
    String path = url.substring("jdbc:h2:file:".length());
    return Path.of(path.substring(0, path.indexOf(';')) + ".mv.db");
  }

  /** Copies the (closed) H2 file and reads the records from the copy. */
  static List<SealedRow> copyOfH2(String url) throws IOException, SQLException {
    Path copy = Files.createTempDirectory("steward-backup-").resolve("backup.mv.db");
    Files.copy(h2File(url), copy, StandardCopyOption.COPY_ATTRIBUTES);
    String copyUrl =
        "jdbc:h2:file:"
            + copy.toString().replace(".mv.db", "")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    List<SealedRow> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(copyUrl);
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("select id, subject_id, value_ciphertext from vault_record")) {
      while (rs.next()) {
        rows.add(
            new SealedRow(
                rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBytes(3)));
      }
    }
    return rows;
  }

  /** Runs {@code pg_dump} of the schema in the URL and reads the vault_record rows of the dump. */
  static List<SealedRow> pgDump(String url) throws IOException, InterruptedException {
    String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    Path dump = Files.createTempFile("steward-backup-", ".sql");
    Process process =
        new ProcessBuilder(
                "pg_dump",
                "-h",
                "127.0.0.1",
                "-p",
                "5432",
                "-U",
                "postgres",
                "-d",
                "test",
                "-n",
                schema,
                "-f",
                dump.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pg_dump failed: " + output);
    }
    List<String> lines = Files.readAllLines(dump);
    List<SealedRow> rows = new ArrayList<>();
    boolean inTable = false;
    List<String> columns = List.of();
    for (String line : lines) {
      if (line.startsWith("COPY " + schema + ".vault_record ")) {
        inTable = true;
        String list = line.substring(line.indexOf('(') + 1, line.indexOf(')'));
        columns = List.of(list.split(", "));
      } else if (inTable && line.equals("\\.")) {
        inTable = false;
      } else if (inTable) {
        String[] fields = line.split("\t");
        String hex = fields[columns.indexOf("value_ciphertext")];
        rows.add(
            new SealedRow(
                UUID.fromString(fields[columns.indexOf("id")]),
                UUID.fromString(fields[columns.indexOf("subject_id")]),
                HexFormat.of().parseHex(hex.substring("\\\\x".length()))));
      }
    }
    return rows;
  }

  /** A plain-text {@code pg_dump} of the schema named in a test PostgreSQL URL. */
  static Path pgDumpFile(String url) throws IOException, InterruptedException {
    Path dump = Files.createTempFile("steward-backup-", ".sql");
    Process process =
        new ProcessBuilder(
                "pg_dump",
                "-h",
                "127.0.0.1",
                "-p",
                "5432",
                "-U",
                "postgres",
                "-d",
                "test",
                "-n",
                schema(url),
                "-f",
                dump.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pg_dump failed: " + output);
    }
    return dump;
  }

  private static String schema(String url) {
    return url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
  }

  static List<SealedRow> copy(VaultFixture fixture) throws Exception {
    if (fixture.engine == Engine.H2) {
      fixture.closeDatabases();
      try {
        return copyOfH2(fixture.storeUrl);
      } finally {
        fixture.open();
      }
    }
    return pgDump(fixture.storeUrl);
  }
}
