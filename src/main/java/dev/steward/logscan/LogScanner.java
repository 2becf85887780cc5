package dev.steward.logscan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Finds the lines of a directory tree of logs that hold wanted identities. Files are read in
 * parallel ({@link LogSettings#threads()}); a plain file larger than {@link #SEGMENT} is read as
 * segments in parallel too; gzip files are read whole, one per thread. Stateless apart from its
 * settings; thread-safe; each scan makes and shuts down its own pool.
 */
public final class LogScanner {
  static final long SEGMENT = 32L << 20;
  static final String TEMPORARY_SUFFIX = ".steward-tmp";
  static final String MANIFEST = ".steward-manifest.json";
  private static final int BLOCK = 1 << 20;

  private final LogSettings settings;
  private final List<PathMatcher> include;
  private final long segment;

  public LogScanner(LogSettings settings) {
    this(settings, SEGMENT);
  }

  /** A scanner that cuts plain files into segments of {@code segment} bytes (tests use small). */
  LogScanner(LogSettings settings, long segment) {
    this.settings = settings;
    this.segment = segment;
    this.include =
        settings.include().stream()
            .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
            .toList();
  }

  /** The log files under the root, by path: not hidden, not our own temporary or manifest files. */
  public List<Path> files() {
    Path root = settings.root();
    if (!Files.isDirectory(root)) {
      throw new LogsUnavailableException(settings.id(), "root " + root + " is not a directory");
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(path -> !hidden(root.relativize(path)))
          .filter(
              path ->
                  include.isEmpty()
                      || include.stream().anyMatch(m -> m.matches(root.relativize(path))))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new LogsUnavailableException(settings.id(), "cannot list " + root + ": " + e);
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.endsWith(TEMPORARY_SUFFIX)) {
        return true;
      }
    }
    return false;
  }

  String relative(Path file) {
    return settings.root().relativize(file).toString().replace('\\', '/');
  }

  static boolean gzip(Path file) {
    return file.getFileName().toString().endsWith(".gz");
  }

  static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return gzip(file) ? new GZIPInputStream(in, 1 << 16) : in;
  }

  /** Scans every log file under the root. */
  public ScanResult scan(Wanted wanted, boolean keepLines) {
    return scan(files(), wanted, keepLines);
  }

  /** Scans {@code files}; {@code keepLines} keeps each matching line's text. */
  public ScanResult scan(List<Path> files, Wanted wanted, boolean keepLines) {
    FastPass pass = new FastPass(wanted);
    List<Segment> segments = new ArrayList<>();
    long bytes = 0;
    for (Path file : files) {
      long size;
      try {
        size = Files.size(file);
      } catch (IOException e) {
        throw new LogsUnavailableException(settings.id(), "cannot read " + relative(file));
      }
      bytes += size;
      if (gzip(file) || size <= segment) {
        segments.add(new Segment(file, 0, Long.MAX_VALUE, size));
      } else {
        for (long start = 0; start < size; start += segment) {
          segments.add(new Segment(file, start, Math.min(size, start + segment), size));
        }
      }
    }
    // Largest first, so one big gzip file does not start last.
    segments.sort(Comparator.comparingLong(Segment::weight).reversed());
    List<LineMatch> matches = new ArrayList<>();
    int threads = Math.min(settings.threads(), Math.max(1, segments.size()));
    if (threads == 1) {
      for (Segment segment : segments) {
        matches.addAll(scan(segment, pass, wanted, keepLines));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, LogScanner::daemon);
      try {
        List<Future<List<LineMatch>>> futures = new ArrayList<>();
        for (Segment segment : segments) {
          futures.add(pool.submit(() -> scan(segment, pass, wanted, keepLines)));
        }
        for (Future<List<LineMatch>> future : futures) {
          matches.addAll(future.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LogsUnavailableException(settings.id(), "scan interrupted");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new LogsUnavailableException(settings.id(), "scan failed: " + e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    matches.sort(Comparator.comparing(LineMatch::file).thenComparingLong(LineMatch::offset));
    long[] perSubject = new long[wanted.subjects()];
    Map<String, Integer> perFile = new TreeMap<>();
    for (LineMatch match : matches) {
      for (int subject : match.subjects()) {
        perSubject[subject]++;
      }
      perFile.merge(match.file(), 1, Integer::sum);
    }
    return new ScanResult(List.copyOf(matches), perSubject, perFile, files.size(), bytes);
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "log-scan");
    thread.setDaemon(true);
    return thread;
  }

  private List<LineMatch> scan(Segment segment, FastPass pass, Wanted wanted, boolean keepLines) {
    String name = relative(segment.file());
    LineMatcher matcher = new LineMatcher(settings, wanted);
    List<LineMatch> found = new ArrayList<>();
    FastPass.Candidates candidates =
        (block, start, end, offset) -> {
          if (matcher.match(block, start, end) > 0) {
            found.add(
                lineMatch(name, offset, matcher, wanted, keepLines ? block : null, start, end));
          }
        };
    Blocks blocks = new Blocks(BLOCK);
    try {
      if (segment.end() == Long.MAX_VALUE) {
        try (InputStream in = open(segment.file())) {
          blocks.readAll(
              Blocks.of(in),
              (block, from, to, base) -> pass.scan(block, from, to, base, candidates));
        }
      } else {
        try (FileChannel channel = FileChannel.open(segment.file(), StandardOpenOption.READ)) {
          long position = segment.start() == 0 ? 0 : segment.start() - 1;
          blocks.read(
              Blocks.of(channel, position),
              segment.start(),
              segment.end(),
              (block, from, to, base) -> pass.scan(block, from, to, base, candidates));
        }
      }
    } catch (IOException e) {
      throw new LogsUnavailableException(
          settings.id(), "cannot read " + name + ": " + e.getMessage());
    }
    return found;
  }

  static LineMatch lineMatch(
      String file,
      long offset,
      LineMatcher matcher,
      Wanted wanted,
      byte[] block,
      int start,
      int end) {
    Set<Integer> subjects = new LinkedHashSet<>();
    Set<String> fields = new LinkedHashSet<>();
    Set<IdentityType> types = new LinkedHashSet<>();
    for (int h = 0; h < matcher.hitCount; h++) {
      int identity = matcher.hitIdentity[h];
      subjects.add(wanted.subjects[identity]);
      fields.add(matcher.hitField[h]);
      types.add(wanted.types[identity]);
    }
    int[] numbers = subjects.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(numbers);
    String line =
        block == null
            ? null
            : new String(block, start, end - start, StandardCharsets.UTF_8).stripTrailing();
    return new LineMatch(file, offset, numbers, Set.copyOf(fields), List.copyOf(types), line);
  }

  private record Segment(Path file, long start, long end, long size) {
    long weight() {
      // A gzip file inflates to several times its size.
      return end == Long.MAX_VALUE && gzip(file) ? size * 6 : Math.min(end, size) - start;
    }
  }
}
