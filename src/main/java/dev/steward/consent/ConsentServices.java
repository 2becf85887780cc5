package dev.steward.consent;

import dev.steward.audit.AuditTrail;
import dev.steward.keys.Keys;
import dev.steward.policy.PublishedPolicies;
import dev.steward.store.Database;
import dev.steward.vault.VaultServices;
import java.time.Clock;

/**
 * The consent feature as the node wires it: the cached state decisions read, the ledger, opt-outs,
 * the public opt-out API and the receipts. {@link #close} stops the change listener.
 */
public record ConsentServices(
    ConsentStates states,
    ConsentLedger ledger,
    OptOuts optOuts,
    OptOutRequests requests,
    ConsentReceipts receipts,
    ConsentRecording recording)
    implements AutoCloseable {

  public static ConsentServices open(
      Database database,
      Keys keys,
      VaultServices vault,
      PublishedPolicies policies,
      AuditTrail audit,
      Clock clock) {
    ConsentStates states = new ConsentStates(database).start();
    ConsentReceipts receipts = ConsentReceipts.of(keys);
    ConsentLedger ledger = new ConsentLedger(database.jdbi(), audit, states, receipts, clock);
    OptOuts optOuts = new OptOuts(database.jdbi(), audit, states, clock);
    OptOutRequests requests =
        new OptOutRequests(database.jdbi(), vault.index(), vault.vault(), optOuts, states);
    ConsentRecording recording = new ConsentRecording(database.jdbi(), ledger, policies, clock);
    return new ConsentServices(states, ledger, optOuts, requests, receipts, recording);
  }

  public ConsentRoutes routes() {
    return new ConsentRoutes(requests, ledger, recording);
  }

  @Override
  public void close() {
    states.close();
  }
}
