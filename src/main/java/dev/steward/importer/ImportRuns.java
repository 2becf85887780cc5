package dev.steward.importer;

import dev.steward.error.ConflictException;
import dev.steward.store.UniqueViolation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code import_run}: one row per (file, mapping), its checkpoint and counts. */
final class ImportRuns {
  private static final String COLUMNS =
      "id, last_line, last_offset, rejects_bytes, created, updated, rejected, finished_at";

  private ImportRuns() {}

  /** Where a run stands: the last committed line and offset, and what it did so far. */
  record Run(
      UUID id,
      long lastLine,
      long lastOffset,
      long rejectsBytes,
      long created,
      long updated,
      long rejected,
      boolean finished) {

    Run advance(
        long line,
        long offset,
        long rejectsLength,
        long newCreated,
        long newUpdated,
        long newRejected) {
      return new Run(
          id,
          line,
          offset,
          rejectsLength,
          created + newCreated,
          updated + newUpdated,
          rejected + newRejected,
          false);
    }
  }

  /** The run of this file with this mapping, made if there is none yet. */
  static Run startOrResume(
      Jdbi jdbi, String fileHash, String mappingHash, String fileName, Instant now) {
    Optional<Run> existing = find(jdbi, fileHash, mappingHash);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate(
                      "insert into import_run (id, file_hash, mapping_hash, file_name, started_at,"
                          + " updated_at, last_line, last_offset, rejects_bytes, created, updated,"
                          + " rejected) values (:id, :file, :mapping, :name, :now, :now, 0, 0, 0,"
                          + " 0, 0, 0)")
                  .bind("id", UUID.randomUUID())
                  .bind("file", fileHash)
                  .bind("mapping", mappingHash)
                  .bind("name", fileName.length() > 1000 ? fileName.substring(0, 1000) : fileName)
                  .bind("now", now)
                  .execute());
    } catch (RuntimeException e) {
      if (!UniqueViolation.causedBy(e)) {
        throw e;
      }
    }
    return find(jdbi, fileHash, mappingHash).orElseThrow();
  }

  /**
   * Moves the checkpoint inside a batch's transaction. Refuses when the stored checkpoint is not
   * where this run left it: another process is importing the same file with the same mapping.
   */
  static void checkpoint(Handle handle, Run from, Run to, Instant now) {
    int updated =
        handle
            .createUpdate(
                "update import_run set last_line = :line, last_offset = :offset,"
                    + " rejects_bytes = :rejects, created = :created, updated = :updated,"
                    + " rejected = :rejected, updated_at = :now"
                    + " where id = :id and last_offset = :from")
            .bind("line", to.lastLine())
            .bind("offset", to.lastOffset())
            .bind("rejects", to.rejectsBytes())
            .bind("created", to.created())
            .bind("updated", to.updated())
            .bind("rejected", to.rejected())
            .bind("now", now)
            .bind("id", from.id())
            .bind("from", from.lastOffset())
            .execute();
    if (updated != 1) {
      throw new ConflictException(
          "import run "
              + from.id()
              + " moved on elsewhere: the same file is being imported by"
              + " another process with the same mapping");
    }
  }

  static void finish(Jdbi jdbi, UUID id, Instant now) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate("update import_run set finished_at = :now where id = :id")
                .bind("now", now)
                .bind("id", id)
                .execute());
  }

  private static Optional<Run> find(Jdbi jdbi, String fileHash, String mappingHash) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "select "
                        + COLUMNS
                        + " from import_run"
                        + " where file_hash = :file and mapping_hash = :mapping")
                .bind("file", fileHash)
                .bind("mapping", mappingHash)
                .map(
                    (rs, ctx) ->
                        new Run(
                            rs.getObject(1, UUID.class),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getObject(8, OffsetDateTime.class) != null))
                .findOne());
  }
}
