package dev.steward.bench;

import dev.steward.logscan.IdentityType;
import dev.steward.logscan.LogIdentity;
import dev.steward.logscan.LogScanner;
import dev.steward.logscan.LogSettings;
import dev.steward.logscan.ScanResult;
import dev.steward.logscan.Wanted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Scans {@code DIR/access.log} for the emails in {@code PATTERNS} (one subject per line) and prints
 * the matching lines (as grep -c counts them) and the scan's own time. Run by bench/logscan.sh,
 * which times the whole process against grep.
 */
public final class LogScanBench {
  private LogScanBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    List<String> patterns = Files.readAllLines(Path.of(args[1]));
    int threads =
        args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    LogSettings settings =
        LogSettings.parse(
            "bench",
            Map.of("root", dir.toString(), "include", List.of("access.log"), "threads", threads),
            Map.of());
    Wanted.Builder wanted = Wanted.builder();
    for (String email : patterns) {
      wanted.subject(List.of(new LogIdentity(IdentityType.EMAIL, email)));
    }
    long started = System.nanoTime();
    ScanResult result = new LogScanner(settings).scan(wanted.build(), false);
    long nanos = System.nanoTime() - started;
    System.out.printf("%d %.3f%n", result.matches().size(), nanos / 1e9);
  }
}
