package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.store.Database;
import dev.steward.store.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward retention run [--dry-run]} and {@code verify-certificate} beside a store. */
class RetentionCommandTest {
  @TempDir Path dir;

  private String url() {
    return StoreSettings.h2FileUrl(dir.resolve("data").resolve("steward"));
  }

  @BeforeEach
  void createTheStore() {
    Database.open(StoreSettings.of(url())).close();
  }

  private CliExitCodesTest.Outcome run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dir.resolve("data").toString();
    return CliExitCodesTest.run(all);
  }

  @Test
  void dryRunChangesNothing_runDeletes_andItsCertificateVerifiesUntilChanged() throws IOException {
    Path people = Files.writeString(dir.resolve("people.csv"), "email\nold@example.com\n");
    Path mapping = Files.writeString(dir.resolve("mapping.yaml"), ImportCommandTest.MAPPING);
    assertThat(run("import", people.toString(), "--mapping", mapping.toString()).code()).isZero();
    // The relationship ended seven years ago: the bundled rule keeps data six years after.
    try (Database store = Database.open(StoreSettings.of(url()))) {
      store
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate("update vault_subject set relationship_end = :end")
                      .bind("end", LocalDate.now().minusYears(7))
                      .execute());
    }

    CliExitCodesTest.Outcome dry = run("retention", "run", "--dry-run");
    CliExitCodesTest.Outcome sweep = run("retention", "run");
    CliExitCodesTest.Outcome again = run("retention", "run");

    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains("2 would be deleted, 0 kept by legal holds")
        .contains("relationship-plus-six-years: 2 due {vault=2}");
    assertThat(sweep.code()).as(sweep.err()).isZero();
    assertThat(sweep.out()).contains("2 deleted, 0 kept by legal holds, 0 failed");
    assertThat(again.out()).contains("0 deleted");
    String certificate;
    try (Database store = Database.open(StoreSettings.of(url()))) {
      certificate =
          store
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select certificate from retention_run order by started_at"
                                  + " limit 1")
                          .mapTo(String.class)
                          .one());
    }
    Path file = Files.writeString(dir.resolve("certificate.json"), certificate);
    Path changed =
        Files.writeString(
            dir.resolve("changed.json"), certificate.replace("\"deleted\" : 2", "\"deleted\" : 1"));

    CliExitCodesTest.Outcome verified = run("retention", "verify-certificate", file.toString());
    CliExitCodesTest.Outcome refused = run("retention", "verify-certificate", changed.toString());

    assertThat(verified.code()).as(verified.err()).isZero();
    assertThat(verified.out()).contains("ok: the certificate of run");
    assertThat(changed).isNotEqualTo(file);
    assertThat(Files.readString(changed)).isNotEqualTo(certificate);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("does not match its sha256");
  }
}
