package dev.steward.fulfilment;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Staff instructions of a request, sealed under its key; the last ones given count. */
final class InstructionRows {
  private static final String WHAT = "instructions";

  private final Jdbi jdbi;
  private final Sealing sealing;

  InstructionRows(Jdbi jdbi, Sealing sealing) {
    this.jdbi = jdbi;
    this.sealing = sealing;
  }

  void put(UUID requestId, Instructions instructions, Instant now) {
    byte[] sealed = sealing.sealJson(requestId, WHAT, instructions);
    jdbi.useTransaction(
        handle -> {
          handle
              .createUpdate("delete from fulfilment_instruction where request_id = :id")
              .bind("id", requestId)
              .execute();
          handle
              .createUpdate(
                  "insert into fulfilment_instruction (request_id, sealed, recorded_at)"
                      + " values (:id, :sealed, :now)")
              .bind("id", requestId)
              .bind("sealed", sealed)
              .bind("now", now)
              .execute();
        });
  }

  Instructions get(UUID requestId) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createQuery("select sealed from fulfilment_instruction where request_id = :id")
                    .bind("id", requestId)
                    .mapTo(byte[].class)
                    .findOne())
        .map(
            ciphertext ->
                sealing.openJson(requestId, WHAT, ciphertext, new TypeReference<Instructions>() {}))
        .orElse(Instructions.NONE);
  }
}
