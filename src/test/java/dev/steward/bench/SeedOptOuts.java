package dev.steward.bench;

import dev.steward.audit.AuditLog;
import dev.steward.config.ConfigResolver;
import dev.steward.config.StewardConfig;
import dev.steward.keys.Keys;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PolicyVersions;
import dev.steward.store.Database;
import dev.steward.vault.Identity;
import dev.steward.vault.VaultServices;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Set-up for bench/decide-filter.sh: records an opt-out of direct marketing under the keyed hash of
 * each email of a file, as rows of {@code opt_out_event}, in batches, on a stopped node's store.
 * The opt-out API would audit each one and take minutes for 200,000; what the filter reads is the
 * same rows.
 *
 * <p>Arguments: DATA_DIR STORE_URL KEYRING_URL EMAILS_FILE
 */
public final class SeedOptOuts {
  private SeedOptOuts() {}

  public static void main(String[] args) throws Exception {
    StewardConfig config =
        new ConfigResolver(System.getenv())
            .resolve(
                new ConfigResolver.Flags(
                    Path.of(args[0]),
                    null,
                    args[1].isEmpty() ? null : args[1],
                    null,
                    args[2].isEmpty() ? null : args[2]));
    Clock clock = Clock.systemUTC();
    try (Database store = Database.open(config.store());
        AuditLog audit = new AuditLog(store, clock)) {
      Keys keys = Keys.load(config.keysDir(), config.keyVariables(), store.jdbi(), clock);
      PolicyVersions policies = new PolicyVersions(store, new PolicyChecker(clock), audit, clock);
      try (VaultServices services =
              VaultServices.open(
                  store, config.keyring(), keys, policies, config.phoneRegion(), audit, clock);
          BufferedReader emails = Files.newBufferedReader(Path.of(args[3]))) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int[] seeded = {0};
        store
            .jdbi()
            .useTransaction(
                handle -> {
                  PreparedBatch batch =
                      handle.prepareBatch(
                          "insert into opt_out_event (id, party, kind, action, source,"
                              + " occurred_at) values (:id, :party, 'direct_marketing', 'opt_out',"
                              + " 'api', :now)");
                  String email;
                  while ((email = emails.readLine()) != null) {
                    batch
                        .bind("id", UUID.randomUUID())
                        .bind("party", "identity:" + services.index().hash(Identity.email(email)))
                        .bind("now", now)
                        .add();
                    if (++seeded[0] % 5000 == 0) {
                      batch.execute();
                    }
                  }
                  if (batch.size() > 0) {
                    batch.execute();
                  }
                });
        System.out.println("seeded " + seeded[0] + " opt-outs");
      }
    }
  }
}
