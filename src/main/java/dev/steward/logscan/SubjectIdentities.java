package dev.steward.logscan;

import dev.steward.fulfilment.SubjectRef;
import java.util.List;

/**
 * Where a {@link LogSystem} learns whom to look for: the identities of the subject a task is about
 * (from the vault, or from the request's own identities when the vault holds no one). Called from
 * fulfilment's task threads; implementations are thread-safe.
 */
@FunctionalInterface
public interface SubjectIdentities {
  List<LogIdentity> of(SubjectRef subject);
}
