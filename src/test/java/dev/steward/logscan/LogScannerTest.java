package dev.steward.logscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogScannerTest {
  @TempDir Path root;

  static String combined(String ip, String user, String path, String cookie) {
    return ip
        + " - "
        + user
        + " [10/Oct/2026:13:55:36 +0000] \"GET "
        + path
        + " HTTP/1.1\" 200 2326 \"https://example.com/\" \"Mozilla/5.0 (X11; Linux x86_64)\" \""
        + cookie
        + "\"\n";
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    if (file.toString().endsWith(".gz")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } else {
      Files.writeString(file, text);
    }
  }

  LogSettings settings() {
    return LogSettings.parse(
        "web-logs",
        Map.of("root", root.toString(), "combined_extra_fields", List.of("cookie"), "threads", 2),
        Map.of());
  }

  static List<LogIdentity> alice() {
    return List.of(
        new LogIdentity(IdentityType.IP, "203.0.113.7"),
        new LogIdentity(IdentityType.EMAIL, "Alice@Example.com"),
        new LogIdentity(IdentityType.COOKIE, "sid=c0ffee42"),
        new LogIdentity(IdentityType.ACCOUNT, "acct-1001"));
  }

  @Test
  void scan_combinedJsonlAndGzip_findsEachIdentityInItsFieldsOnly() throws IOException {
    write(
        root.resolve("nginx/access.log"),
        combined("203.0.113.7", "-", "/a", "-")
            + combined("203.0.113.70", "-", "/b", "-")
            + combined("198.51.100.1", "alice@example.COM", "/c", "-")
            + combined("198.51.100.1", "-", "/d?email=alice@example.com", "-")
            + combined("198.51.100.2", "-", "/e", "sid=c0ffee42")
            + combined("198.51.100.3", "-", "/f", "sid=c0ffee4"));
    String first =
        "{\"ts\":\"2026-10-10T00:00:00Z\",\"user\":{\"id\":\"acct-1001\"},\"ip\":\"10.0.0.1\"}\n";
    String second =
        "{\"ts\":\"2026-10-10T00:00:01Z\",\"user\":{\"id\":\"acct-10011\"},\"ip\":\"10.0.0.1\"}\n";
    write(
        root.resolve("app/events.jsonl.gz"),
        first
            + second
            + "{\"ts\":\"2026-10-10T00:00:02Z\",\"note\":\"acct-1001\",\"ip\":\"203.0.113.7\"}");

    ScanResult result = new LogScanner(settings()).scan(Wanted.of(alice()), true);

    assertThat(result.matches())
        .extracting(LineMatch::location)
        .containsExactly(
            "app/events.jsonl.gz@0",
            "app/events.jsonl.gz@" + (first.length() + second.length()),
            "nginx/access.log@0",
            "nginx/access.log@" + offsetOfLine(2),
            "nginx/access.log@" + offsetOfLine(4));
    assertThat(result.linesPerSubject()).containsExactly(5);
    assertThat(result.matches().get(0).fields()).containsExactly("user.id");
    assertThat(result.matches().get(1).fields()).containsExactly("ip");
    assertThat(result.matches().get(4).line()).contains("sid=c0ffee42");
  }

  private long offsetOfLine(int index) throws IOException {
    List<String> lines = Files.readAllLines(root.resolve("nginx/access.log"));
    long offset = 0;
    for (int i = 0; i < index; i++) {
      offset += lines.get(i).length() + 1;
    }
    return offset;
  }

  @Test
  void scan_fewOrManySubjects_findTheSameLinesAcrossSegments() throws IOException {
    Random random = new Random(7);
    StringBuilder text = new StringBuilder();
    List<String> emails = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      emails.add("user" + i + "@example.org");
    }
    for (int line = 0; line < 20_000; line++) {
      String email = random.nextInt(3) == 0 ? emails.get(random.nextInt(emails.size())) : "-";
      text.append(
          combined(
              "10.0." + random.nextInt(256) + "." + random.nextInt(256),
              email,
              "/p/" + random.nextInt(1000),
              "sid=" + Integer.toHexString(random.nextInt())));
    }
    write(root.resolve("big.log"), text.toString());
    // The file has no newline at its end: the last line must still be read.
    Files.writeString(
        root.resolve("tail.log"), "192.0.2.1 - user5@example.org [x] \"GET /\" 200 1");
    LogScanner segmented = new LogScanner(settings(), 64 * 1024);
    LogScanner whole = new LogScanner(settings().withThreads(1));

    ScanResult one =
        segmented.scan(
            Wanted.of(List.of(new LogIdentity(IdentityType.EMAIL, "user5@example.org"))), false);
    Wanted.Builder many = Wanted.builder();
    many.subject(List.of(new LogIdentity(IdentityType.EMAIL, "user5@example.org")));
    for (int i = 0; i < 1000; i++) {
      many.subject(List.of(new LogIdentity(IdentityType.EMAIL, "other" + i + "@example.net")));
    }
    ScanResult all = whole.scan(many.build(), false);

    long expected =
        text.toString().lines().filter(l -> l.contains(" user5@example.org ")).count() + 1;
    assertThat(
            new FastPass(Wanted.of(List.of(new LogIdentity(IdentityType.EMAIL, "x@y.z"))))
                .usesNeedles())
        .isTrue();
    assertThat(one.linesPerSubject()[0]).isEqualTo(expected);
    assertThat(all.linesPerSubject()[0]).isEqualTo(expected);
    assertThat(all.matches())
        .extracting(LineMatch::location)
        .containsExactlyElementsOf(one.matches().stream().map(LineMatch::location).toList());
  }

  @Test
  void files_skipHiddenTemporaryAndManifestFiles() throws IOException {
    write(root.resolve("a.log"), "x\n");
    write(root.resolve(".hidden/b.log"), "x\n");
    write(root.resolve("c.log" + LogScanner.TEMPORARY_SUFFIX), "x\n");
    write(root.resolve(LogScanner.MANIFEST), "{}");
    assertThat(new LogScanner(settings()).files()).containsExactly(root.resolve("a.log"));
  }
}
