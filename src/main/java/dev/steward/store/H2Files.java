package dev.steward.store;

import dev.steward.error.ConfigurationException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an embedded H2 store owner-only on POSIX file systems, like the keys directory: its
 * directory 0700 and its files 0600. The store holds the audit log, token hashes and, in the
 * keyring, every person's data key, so no other account on the host may read it.
 *
 * <p>H2 creates its files itself, with the process's umask (0644 under the usual 022), which Java
 * cannot change, and re-creates the database file when it compacts it. So, before H2 opens the
 * store, a missing directory is created 0700 and the database file is created empty with 0600 (H2
 * takes an empty file as a new database and keeps its mode); after opening and after closing, every
 * file of the store ({@code <name>.*}) is narrowed to 0600 again. An existing directory open to
 * others is reported, not changed: it may be shared (a home directory, {@code /srv}), and only the
 * operator can say whether it may be narrowed.
 */
final class H2Files {
  private static final Logger LOG = LoggerFactory.getLogger(H2Files.class);
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);
  private static final String PREFIX = "jdbc:h2:";

  private final Path base;

  private H2Files(Path base) {
    this.base = base;
  }

  /**
   * The files of an embedded H2 database at {@code jdbcUrl} ({@code jdbc:h2:file:<path>} or {@code
   * jdbc:h2:<path>}) on a POSIX file system; empty for PostgreSQL, in-memory and server databases.
   */
  static Optional<H2Files> of(String jdbcUrl) {
    if (!jdbcUrl.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
      return Optional.empty();
    }
    String name = jdbcUrl.substring(PREFIX.length());
    int settings = name.indexOf(';');
    name = settings < 0 ? name : name.substring(0, settings);
    if (name.startsWith("file:")) {
      name = name.substring("file:".length());
    }
    // mem:, tcp:, ssl:, zip:, split: ... are not one plain file of this host.
    if (name.isEmpty() || name.matches("[A-Za-z][A-Za-z0-9]+:.*")) {
      return Optional.empty();
    }
    if (name.startsWith("~")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    Path base = Path.of(name).toAbsolutePath();
    if (!base.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Optional.empty();
    }
    return Optional.of(new H2Files(base));
  }

  /** Refuses, naming the file it looked for, when there is no store to open. */
  void requireExisting() {
    Path file = file(".mv.db");
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException(
          "no Steward store at "
              + file
              + "; give the data directory a node uses with --data-dir (or STEWARD_DATA_DIR,"
              + " or --db-url), or start 'steward serve' there first to create it");
    }
  }

  /** Before H2 opens the store: the directory and the database file, owner-only. */
  void prepare() {
    Path directory = base.getParent();
    try {
      if (Files.notExists(directory)) {
        Files.createDirectories(directory, attributes("rwx------"));
      } else if (!ownerOnly(directory)) {
        LOG.warn(
            "the directory {} of the H2 store is open to group or others ({}); make it owner-only:"
                + " chmod 700 {}",
            directory,
            PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)),
            directory);
      }
      Files.createFile(file(".mv.db"), attributes("rw-------"));
    } catch (FileAlreadyExistsException existing) {
      // An existing store: narrowed after opening.
    } catch (IOException e) {
      throw new ConfigurationException(
          "cannot prepare the H2 store's files in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Narrows every file of the store that is open to group or others to 0600. */
  void narrow() {
    String prefix = base.getFileName() + ".";
    try (Stream<Path> listed = Files.list(base.getParent())) {
      List<Path> files =
          listed
              .filter(p -> p.getFileName().toString().startsWith(prefix))
              .filter(Files::isRegularFile)
              .toList();
      for (Path file : files) {
        try {
          if (!ownerOnly(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            // H2 writes the lock file anew at every open, with the umask, in the owner-only
            // directory: narrowing it is routine, not news for the operator.
            if (!file.getFileName().toString().endsWith(".lock.db")) {
              LOG.warn("{} was open to group or others; made it owner-only (0600)", file);
            }
          }
        } catch (NoSuchFileException gone) {
          // A temporary file H2 removed meanwhile.
        }
      }
    } catch (IOException e) {
      throw new ConfigurationException(
          "cannot make the H2 store's files owner-only in "
              + base.getParent()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public String toString() {
    return file(".mv.db").toString();
  }

  private Path file(String suffix) {
    return base.resolveSibling(base.getFileName() + suffix);
  }

  private static boolean ownerOnly(Path path) throws IOException {
    return Files.getPosixFilePermissions(path).stream().noneMatch(GROUP_OR_OTHERS::contains);
  }

  private static FileAttribute<Set<PosixFilePermission>> attributes(String permissions) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
  }
}
