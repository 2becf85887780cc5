package dev.steward.logscan;

import static dev.steward.logscan.LogScannerTest.combined;
import static dev.steward.logscan.LogScannerTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.fulfilment.DataItem;
import dev.steward.fulfilment.ErasureScope;
import dev.steward.fulfilment.SubjectRef;
import dev.steward.fulfilment.SystemResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSystemTest {
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private static final SubjectRef SUBJECT =
      new SubjectRef(UUID.randomUUID(), "customers", UUID.randomUUID());

  @TempDir Path root;

  LogSystem system(Map<String, Object> extra) {
    Map<String, Object> settings = new HashMap<>(extra);
    settings.put("root", root.toString());
    settings.put("combined_extra_fields", List.of("cookie"));
    return new LogSystem(
        LogSettings.parse("web", settings, Map.of("LOG_KEY", "0123456789abcdef0123")),
        subject -> LogScannerTest.alice(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  void seed() throws IOException {
    write(
        root.resolve("2026/11/access.log.gz"),
        combined("203.0.113.7", "-", "/a", "-") + combined("198.51.100.9", "-", "/b", "-"));
    write(
        root.resolve("2026/12/access.log"),
        combined("198.51.100.9", "ALICE@example.com", "/c", "-")
            + combined("198.51.100.9", "bob@example.com", "/d", "sid=c0ffee42"));
    Files.setLastModifiedTime(
        root.resolve("2026/11/access.log.gz"), FileTime.from(NOW.minus(Duration.ofDays(40))));
  }

  static String read(Path file) throws IOException {
    try (InputStream in =
        file.toString().endsWith(".gz")
            ? new GZIPInputStream(Files.newInputStream(file))
            : Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void access_returnsTheLinesGroupedByFileWithTheirLocations() throws IOException {
    seed();
    SystemResult result = system(Map.of()).access(SUBJECT);

    assertThat(result.items())
        .extracting(DataItem::id)
        .containsExactly(
            "2026/11/access.log.gz@0",
            "2026/12/access.log@0",
            "2026/12/access.log@"
                + combined("198.51.100.9", "ALICE@example.com", "/c", "-").length());
    assertThat(result.items().get(0).value()).startsWith("203.0.113.7 - -");
    assertThat(result.items().get(0).category()).isEqualTo("device.visit");
    assertThat(result.counts()).containsEntry("lines", 3).containsEntry("files_matched", 2);
    assertThat(result.ids()).containsExactly("2026/11/access.log.gz: 1", "2026/12/access.log: 2");
  }

  @Test
  void erase_redactsTheMatchesKeepsTheRestAndIsIdempotent() throws IOException {
    seed();
    LogSystem system = system(Map.of());
    FileTime before = Files.getLastModifiedTime(root.resolve("2026/11/access.log.gz"));

    SystemResult first = system.erase(SUBJECT, new ErasureScope(false, List.of()));
    SystemResult second = system.erase(SUBJECT, new ErasureScope(false, List.of()));

    assertThat(first.counts())
        .containsEntry("files_rewritten", 2)
        .containsEntry("lines_changed", 3);
    assertThat(first.ids())
        .allMatch(id -> id.matches(".* sha256:[0-9a-f]{64} -> sha256:[0-9a-f]{64} .*"));
    assertThat(second.counts()).containsEntry("files_rewritten", 0);
    assertThat(read(root.resolve("2026/11/access.log.gz")))
        .startsWith("[redacted] - - [10/Oct")
        .contains("198.51.100.9 - -");
    assertThat(read(root.resolve("2026/12/access.log")))
        .contains("198.51.100.9 - [redacted] [")
        .contains("bob@example.com")
        .contains("\"[redacted]\"")
        .doesNotContainIgnoringCase("alice")
        .doesNotContain("c0ffee42");
    assertThat(Files.getLastModifiedTime(root.resolve("2026/11/access.log.gz"))).isEqualTo(before);
    String manifest = Files.readString(root.resolve("2026/12/" + LogScanner.MANIFEST));
    assertThat(manifest).contains("\"access.log\"").contains("sha256_before").contains("erasure ");
    assertThat(manifest).contains(LogRewriter.sha256Of(root.resolve("2026/12/access.log")));
    assertThat(system.access(SUBJECT).items()).isEmpty();
  }

  @Test
  void erase_dropLine_removesTheWholeLines() throws IOException {
    seed();
    system(Map.of("erasure", "drop_line")).erase(SUBJECT, new ErasureScope(false, List.of()));
    assertThat(read(root.resolve("2026/12/access.log")).lines()).isEmpty();
    assertThat(read(root.resolve("2026/11/access.log.gz")).lines()).hasSize(1);
  }

  @Test
  void erase_keptCategory_changesNothingAndListsTheKeptLines() throws IOException {
    seed();
    SystemResult result =
        system(Map.of())
            .erase(
                SUBJECT,
                new ErasureScope(
                    false, List.of(new ErasureScope.Keep("device.visit", "security", "fraud", 1))));
    assertThat(result.kept()).hasSize(3);
    assertThat(read(root.resolve("2026/12/access.log"))).contains("ALICE@example.com");
  }

  @Test
  void deleteOlderThan_logCategory_deletesOnlyOldFiles() throws IOException {
    seed();
    SystemResult result =
        system(Map.of()).deleteOlderThan("device.visit", NOW.minus(Duration.ofDays(30)));
    assertThat(result.counts()).containsEntry("files_deleted", 1);
    assertThat(result.ids().get(0)).startsWith("2026/11/access.log.gz sha256:");
    assertThat(root.resolve("2026/11/access.log.gz")).doesNotExist();
    assertThat(root.resolve("2026/12/access.log")).exists();
  }

  @Test
  void deleteOlderThan_ipCategory_truncatesAddressesOnce() throws IOException {
    seed();
    LogSystem system = system(Map.of());
    SystemResult first =
        system.deleteOlderThan("device.ip_address", NOW.minus(Duration.ofDays(30)));
    SystemResult second =
        system.deleteOlderThan("device.ip_address", NOW.minus(Duration.ofDays(30)));
    assertThat(first.counts())
        .containsEntry("files_rewritten", 1)
        .containsEntry("lines_changed", 2);
    assertThat(second.counts()).containsEntry("files_rewritten", 0);
    assertThat(read(root.resolve("2026/11/access.log.gz")))
        .startsWith("203.0.113.0 - -")
        .contains("198.51.100.0 - -");
    assertThat(read(root.resolve("2026/12/access.log"))).contains("198.51.100.9");
  }

  @Test
  void applyRetention_keyedHash_replacesAddressesWithPseudonyms() throws IOException {
    write(
        root.resolve("app.jsonl"),
        "{\"ip\":\"2001:db8::1\",\"path\":\"/\"}\n{\"ip\":\"203.0.113.7\"}\n");
    Files.setLastModifiedTime(
        root.resolve("app.jsonl"), FileTime.from(NOW.minus(Duration.ofDays(8))));
    LogSystem system =
        system(
            Map.of(
                "retention",
                Map.of(
                    "pseudonymise_ip_after", "7d",
                    "ip_pseudonymisation", "keyed_hash",
                    "key_env", "LOG_KEY")));
    system.applyRetention();
    String text = read(root.resolve("app.jsonl"));
    assertThat(text)
        .matches(
            "(?s)\\{\"ip\":\"ip-[0-9a-f]{16}\",\"path\":\"/\"}\n\\{\"ip\":\"ip-[0-9a-f]{16}\"}\n");
    system.applyRetention();
    assertThat(read(root.resolve("app.jsonl"))).isEqualTo(text);
  }

  @Test
  void parse_badSettings_nameTheSystemAndKey() {
    assertThatThrownBy(() -> LogSettings.parse("web", Map.of(), Map.of()))
        .isInstanceOf(InvalidLogSettingsException.class)
        .hasMessage("log system web: root: required: the directory that holds the logs");
    assertThatThrownBy(
            () -> LogSettings.parse("web", Map.of("root", "/x", "colour", "red"), Map.of()))
        .hasMessageStartingWith("log system web: colour: unknown key");
    assertThatThrownBy(
            () ->
                LogSettings.parse(
                    "web", Map.of("root", "/x", "fields", Map.of("phone", List.of("p"))), Map.of()))
        .hasMessage(
            "log system web: fields.phone: unknown identity type; use ip, email, cookie, account");
    assertThatThrownBy(
            () ->
                LogSettings.parse(
                    "web",
                    Map.of("root", "/x", "retention", Map.of("delete_after", "soon")),
                    Map.of()))
        .hasMessage(
            "log system web: retention.delete_after: must be a positive duration such as 90d, 12h or 30m, not soon");
    assertThatThrownBy(
            () ->
                LogSettings.parse(
                    "web",
                    Map.of("root", "/x", "retention", Map.of("ip_pseudonymisation", "keyed_hash")),
                    Map.of()))
        .hasMessageContaining("retention.key_env: keyed_hash needs key_env");
    assertThatThrownBy(
            () ->
                LogSettings.parse("web", Map.of("root", "/x", "formats", List.of("csv")), Map.of()))
        .hasMessage("log system web: formats: unknown format csv; use combined, jsonl");
  }
}
