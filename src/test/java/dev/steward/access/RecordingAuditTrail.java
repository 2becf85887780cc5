package dev.steward.access;

import dev.steward.audit.AuditTrail;
import dev.steward.principal.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps audit entries in memory, for tests to read back what a feature recorded. */
public final class RecordingAuditTrail implements AuditTrail {
  public record Entry(
      Principal actor,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String detail) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  @Override
  public void record(
      Principal actor,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String detail) {
    entries.add(new Entry(actor, action, objectType, objectId, outcome, detail));
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  public List<Entry> withAction(String action) {
    return entries.stream().filter(e -> e.action().equals(action)).toList();
  }
}
