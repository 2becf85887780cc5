package dev.steward.policy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a policy file and the files it includes into one merged top-level mapping.
 *
 * <p>{@code include:} lists paths relative to the including file. Each included file holds
 * top-level sections like the main file; a list section (purposes, categories ...) that appears in
 * several files is concatenated in reading order, and any other key may be written only once. Every
 * node keeps the file it was written in, so problems point into the included file.
 */
final class PolicyFiles {
  static final long MAX_BYTES = 1024 * 1024;
  static final int MAX_FILES = 100;
  static final String INCLUDE = "include";

  private final List<Problem> problems;
  private final Map<Path, String> snapshot;
  private final Map<Path, String> texts = new LinkedHashMap<>();
  private final Map<String, Node.Entry> merged = new LinkedHashMap<>();
  private final Deque<Path> including = new ArrayDeque<>();
  private int filesRead;
  private Location rootLocation;

  private PolicyFiles(List<Problem> problems, Map<Path, String> snapshot) {
    this.problems = problems;
    this.snapshot = snapshot;
  }

  /** The merged root of the file at {@code path}, or null when none could be read. */
  static Node.Mapping load(Path path, List<Problem> problems) {
    return read(path, problems).root();
  }

  /** The merged root and the text of every file that was read, keyed by its path as named. */
  static Loaded read(Path path, List<Problem> problems) {
    PolicyFiles files = new PolicyFiles(problems, null);
    files.readFile(path, path.toString(), Location.start(path.toString()));
    return new Loaded(files.result(), files.texts);
  }

  /** Reads a stored snapshot: the same files, from memory instead of the disk. */
  static Node.Mapping load(PolicySnapshot snapshot, List<Problem> problems) {
    Map<Path, String> files = new LinkedHashMap<>();
    snapshot.files().forEach((name, text) -> files.put(Path.of(name).normalize(), text));
    PolicyFiles reader = new PolicyFiles(problems, files);
    Path main = Path.of(snapshot.mainFile()).normalize();
    reader.readFile(main, main.toString(), Location.start(main.toString()));
    return reader.result();
  }

  /** The root of a text that has no file of its own (the bundled policy); includes are refused. */
  static Node.Mapping loadText(String name, String text, List<Problem> problems) {
    PolicyFiles files = new PolicyFiles(problems, null);
    files.readText(null, name, text);
    return files.result();
  }

  /** What {@link #read} found. */
  record Loaded(Node.Mapping root, Map<Path, String> texts) {}

  private Node.Mapping result() {
    return rootLocation == null ? null : new Node.Mapping(rootLocation, merged);
  }

  private void readFile(Path path, String name, Location includedAt) {
    Path real = path.toAbsolutePath().normalize();
    if (including.contains(real)) {
      problems.add(includedAt.error("'" + name + "' includes itself", "remove the cycle"));
      return;
    }
    if (++filesRead > MAX_FILES) {
      problems.add(includedAt.error("more than " + MAX_FILES + " policy files included", ""));
      return;
    }
    String text =
        snapshot == null ? readChecked(path, name, includedAt) : fromSnapshot(path, includedAt);
    if (text != null) {
      texts.put(path.normalize(), text);
      including.push(real);
      readText(path, name, text);
      including.pop();
    }
  }

  private String fromSnapshot(Path path, Location includedAt) {
    String text = snapshot.get(path.normalize());
    if (text == null) {
      problems.add(includedAt.error("the stored policy has no file " + path, ""));
    }
    return text;
  }

  /** The file's text, or null when it is missing, too large, binary or not UTF-8 (reported). */
  private String readChecked(Path path, String name, Location includedAt) {
    try {
      if (!Files.isRegularFile(path)) {
        problems.add(includedAt.error("no such file: " + name, "check the path and its spelling"));
        return null;
      }
      if (Files.size(path) > MAX_BYTES) {
        problems.add(
            Location.start(name)
                .error(
                    "the file is larger than " + MAX_BYTES / 1024 + " KiB",
                    "split it with include:"));
        return null;
      }
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
              .toString();
      if (text.indexOf('\0') >= 0) {
        problems.add(Location.start(name).error("the file is binary, not YAML text", ""));
        return null;
      }
      return text;
    } catch (CharacterCodingException e) {
      problems.add(Location.start(name).error("the file is not UTF-8 text", "save it as UTF-8"));
      return null;
    } catch (IOException e) {
      problems.add(includedAt.error("cannot read " + name + ": " + e.getMessage(), ""));
      return null;
    }
  }

  private void readText(Path path, String name, String text) {
    Node root = YamlReader.read(name, text, problems);
    if (root == null) {
      return;
    }
    if (!(root instanceof Node.Mapping mapping)) {
      problems.add(
          root.location()
              .error(
                  "a policy file must be a mapping of sections, but this is " + root.kind(),
                  "start with 'version:' and the other top-level sections"));
      return;
    }
    if (rootLocation == null) {
      rootLocation = mapping.location();
    }
    for (Node.Entry entry : mapping.entries().values()) {
      if (entry.key().equals(INCLUDE)) {
        merged.putIfAbsent(INCLUDE, entry);
        include(path, entry);
      } else {
        merge(entry);
      }
    }
  }

  private void include(Path includer, Node.Entry entry) {
    List<Node> targets =
        entry.value() instanceof Node.Sequence sequence ? sequence.items() : List.of(entry.value());
    for (Node target : targets) {
      if (!(target instanceof Node.Scalar scalar) || scalar.isEmpty()) {
        problems.add(
            target.location().error("an include names a file path", "e.g. 'purposes.yaml'"));
      } else if (includer == null) {
        problems.add(target.location().error("this policy cannot include files", ""));
      } else {
        Path parent = includer.getParent() == null ? Path.of("") : includer.getParent();
        Path resolved = parent.resolve(scalar.text()).normalize();
        readFile(resolved, resolved.toString(), target.location());
      }
    }
  }

  private void merge(Node.Entry entry) {
    Node.Entry earlier = merged.get(entry.key());
    if (earlier == null) {
      merged.put(entry.key(), entry);
    } else if (earlier.value() instanceof Node.Sequence a
        && entry.value() instanceof Node.Sequence b) {
      List<Node> items = new ArrayList<>(a.items());
      items.addAll(b.items());
      merged.put(
          entry.key(),
          new Node.Entry(
              entry.key(), earlier.keyLocation(), new Node.Sequence(a.location(), items)));
    } else {
      Location first = earlier.keyLocation();
      problems.add(
          entry
              .keyLocation()
              .error(
                  "'" + entry.key() + "' is already set in " + first.file() + ":" + first.line(),
                  "only list sections may appear in several files"));
    }
  }
}
