package dev.steward.logscan;

import dev.steward.fulfilment.DataItem;
import dev.steward.fulfilment.DataSystem;
import dev.steward.fulfilment.ErasureScope;
import dev.steward.fulfilment.KeptItem;
import dev.steward.fulfilment.Operation;
import dev.steward.fulfilment.SubjectRef;
import dev.steward.fulfilment.SystemResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A directory tree of web server logs as a {@link DataSystem}. The subject's identities (from
 * {@link SubjectIdentities}) drive a {@link LogScanner} scan:
 *
 * <ul>
 *   <li><b>access</b>: one item per matching line, grouped by file in file and offset order; the
 *       item id is {@code file@offset} and its value the line.
 *   <li><b>erase</b>: each file holding a match is rewritten with the identities redacted (or the
 *       lines dropped, {@code erasure: drop_line}); a second run finds nothing and changes nothing.
 *       When an exemption keeps the logs' category, nothing is changed and the kept lines are
 *       listed.
 *   <li><b>deleteOlderThan</b>: for the logs' category, deletes whole files last modified before
 *       the cut-off; for the IP category, pseudonymises the IPs of those files instead.
 * </ul>
 *
 * Evidence is counts, file names and SHA-256 checksums, never a line. Thread-safe: rewrites of one
 * system are serialised.
 */
public final class LogSystem implements DataSystem {
  private final LogSettings settings;
  private final SubjectIdentities identities;
  private final LogScanner scanner;
  private final Clock clock;
  private final Object writing = new Object();

  public LogSystem(LogSettings settings, SubjectIdentities identities, Clock clock) {
    this.settings = settings;
    this.identities = identities;
    this.scanner = new LogScanner(settings);
    this.clock = clock;
  }

  /** The one line the connector registry needs: settings from a policy file's map. */
  public static LogSystem fromSettings(
      String id, Map<String, Object> settings, SubjectIdentities identities, Clock clock) {
    return new LogSystem(LogSettings.parse(id, settings), identities, clock);
  }

  @Override
  public String id() {
    return settings.id();
  }

  @Override
  public Set<Operation> capabilities() {
    return EnumSet.of(Operation.ACCESS, Operation.ERASE, Operation.DELETE_BY_AGE);
  }

  public LogSettings settings() {
    return settings;
  }

  @Override
  public SystemResult access(SubjectRef subject) {
    List<LogIdentity> wanted = identities.of(subject);
    ScanResult result = scanner.scan(Wanted.of(wanted), true);
    List<DataItem> items = new ArrayList<>();
    Map<String, Instant> written = new java.util.HashMap<>();
    for (LineMatch match : result.matches()) {
      Instant modified = written.computeIfAbsent(match.file(), this::lastModified);
      items.add(
          new DataItem(
              id(),
              match.location(),
              settings.category(),
              id(),
              Set.of(),
              "",
              modified,
              match.line()));
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("identities", wanted.size());
    counts.put("files_scanned", result.files());
    counts.put("files_matched", result.linesPerFile().size());
    counts.put("lines", result.matches().size());
    return new SystemResult(
        "found " + result.matches().size() + " lines in " + result.linesPerFile().size() + " files",
        counts,
        result.linesPerFile().entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue())
            .toList(),
        List.of(),
        items);
  }

  @Override
  public SystemResult erase(SubjectRef subject, ErasureScope scope) {
    List<LogIdentity> wanted = identities.of(subject);
    Wanted compiled = Wanted.of(wanted);
    ScanResult found = scanner.scan(compiled, false);
    for (ErasureScope.Keep keep : scope.keep()) {
      if (keep.category().equals(settings.category())) {
        Instant until = clock.instant().plus(java.time.Duration.ofDays(365L * keep.years()));
        List<KeptItem> kept =
            found.matches().stream()
                .map(
                    m ->
                        new KeptItem(
                            id(), m.location(), keep.category(), keep.exemptionId(), until))
                .toList();
        return new SystemResult(
            "kept " + kept.size() + " lines under " + keep.exemptionId(),
            Map.of("lines_kept", kept.size()),
            List.of(),
            kept,
            List.of());
      }
    }
    String reason = "erasure " + subject.requestId();
    List<String> evidence = new ArrayList<>();
    long lines = 0;
    synchronized (writing) {
      for (String name : found.linesPerFile().keySet()) {
        Path file = settings.root().resolve(name);
        try {
          LogRewriter.Rewrite rewrite =
              LogRewriter.rewrite(
                  file, name, new LogRewriter.Erasure(settings, compiled), reason, clock.instant());
          if (rewrite != null) {
            lines += rewrite.lines();
            evidence.add(evidence(rewrite));
          }
        } catch (IOException e) {
          throw new LogsUnavailableException(
              id(), "cannot rewrite " + name + ": " + e.getMessage());
        }
      }
    }
    return SystemResult.done(
        (settings.dropLines() ? "dropped " : "redacted ")
            + lines
            + " lines in "
            + evidence.size()
            + " files",
        Map.of(
            "files_rewritten",
            evidence.size(),
            "lines_changed",
            (int) lines,
            "files_scanned",
            found.files()),
        evidence);
  }

  @Override
  public SystemResult deleteOlderThan(String category, Instant cutoff) {
    if (category.equals(settings.category())) {
      return deleteFiles(cutoff);
    }
    if (category.equals(settings.ipCategory())) {
      return pseudonymise(cutoff);
    }
    return SystemResult.done("holds no " + category, Map.of("files", 0), List.of());
  }

  /** Runs the settings' own retention ({@code delete_after}, {@code pseudonymise_ip_after}). */
  public SystemResult applyRetention() {
    Instant now = clock.instant();
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    settings
        .deleteAfter()
        .ifPresent(
            age -> {
              SystemResult deleted = deleteFiles(now.minus(age));
              counts.putAll(deleted.counts());
              ids.addAll(deleted.ids());
            });
    settings
        .pseudonymiseIpAfter()
        .ifPresent(
            age -> {
              SystemResult done = pseudonymise(now.minus(age));
              counts.putAll(done.counts());
              ids.addAll(done.ids());
            });
    return SystemResult.done("retention applied", counts, ids);
  }

  private SystemResult deleteFiles(Instant cutoff) {
    List<String> deleted = new ArrayList<>();
    synchronized (writing) {
      for (Path file : scanner.files()) {
        try {
          if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
            String sha = LogRewriter.sha256Of(file);
            Files.delete(file);
            LogRewriter.syncDirectory(file.toAbsolutePath().getParent());
            Manifest.forget(file);
            deleted.add(scanner.relative(file) + " sha256:" + sha + " deleted");
          }
        } catch (java.nio.file.NoSuchFileException e) {
          // Deleted meanwhile (another run, the log rotator): nothing left to do.
        } catch (IOException e) {
          throw new LogsUnavailableException(
              id(), "cannot delete " + scanner.relative(file) + ": " + e.getMessage());
        }
      }
    }
    return SystemResult.done(
        "deleted " + deleted.size() + " files last written before " + cutoff,
        Map.of("files_deleted", deleted.size()),
        deleted);
  }

  private SystemResult pseudonymise(Instant cutoff) {
    IpAddresses addresses =
        new IpAddresses(settings.ipPseudonymisation(), settings.ipKey().orElse(new byte[0]));
    List<String> rewritten = new ArrayList<>();
    long lines = 0;
    Set<String> skipped = new TreeSet<>();
    synchronized (writing) {
      for (Path file : scanner.files()) {
        String name = scanner.relative(file);
        try {
          if (!Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
            continue;
          }
          String recorded = Manifest.recorded(file);
          if (recorded != null
              && recorded.equals(LogRewriter.sha256Of(file))
              && pseudonymisedBefore(file)) {
            skipped.add(name);
            continue;
          }
          LogRewriter.Rewrite rewrite =
              LogRewriter.rewrite(
                  file,
                  name,
                  new LogRewriter.Pseudonymisation(settings, addresses),
                  "ip-pseudonymisation "
                      + settings.ipPseudonymisation().name().toLowerCase(java.util.Locale.ROOT),
                  clock.instant());
          if (rewrite != null) {
            lines += rewrite.lines();
            rewritten.add(evidence(rewrite));
          }
        } catch (IOException e) {
          throw new LogsUnavailableException(
              id(), "cannot rewrite " + name + ": " + e.getMessage());
        }
      }
    }
    return SystemResult.done(
        "pseudonymised IPs in " + lines + " lines of " + rewritten.size() + " files",
        Map.of("files_rewritten", rewritten.size(), "lines_changed", (int) lines),
        rewritten);
  }

  /** When the file was last written: its lines were collected no later. */
  private Instant lastModified(String name) {
    try {
      return Files.getLastModifiedTime(settings.root().resolve(name)).toInstant();
    } catch (IOException e) {
      return clock.instant();
    }
  }

  private static boolean pseudonymisedBefore(Path file) throws IOException {
    Path manifest = file.toAbsolutePath().getParent().resolve(LogScanner.MANIFEST);
    var entry =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(manifest.toFile())
            .get(file.getFileName().toString());
    return entry != null && entry.path("reason").asText("").startsWith("ip-pseudonymisation");
  }

  private static String evidence(LogRewriter.Rewrite rewrite) {
    return rewrite.file()
        + " sha256:"
        + rewrite.sha256Before()
        + " -> sha256:"
        + rewrite.sha256After()
        + " ("
        + rewrite.lines()
        + " lines)";
  }
}
