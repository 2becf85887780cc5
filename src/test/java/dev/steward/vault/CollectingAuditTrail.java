package dev.steward.vault;

import dev.steward.audit.AuditTrail;
import dev.steward.principal.Principal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps audit entries in memory so tests can look at them. */
class CollectingAuditTrail implements AuditTrail {
  record Entry(
      String actorId,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String detail) {}

  final List<Entry> entries = new CopyOnWriteArrayList<>();

  @Override
  public void record(
      Principal actor,
      String action,
      String objectType,
      String objectId,
      String outcome,
      String detail) {
    entries.add(new Entry(actor.actorId(), action, objectType, objectId, outcome, detail));
  }

  List<Entry> withAction(String action) {
    return entries.stream().filter(entry -> entry.action().equals(action)).toList();
  }
}
