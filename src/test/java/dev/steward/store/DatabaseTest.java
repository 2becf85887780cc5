package dev.steward.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.ConfigurationException;
import dev.steward.error.StoreUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseTest {

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void open_emptyDatabase_migratesAndAnswersReady(Engine engine) {
    try (Database database = TestDatabases.open(engine)) {
      assertThat(database.isReady()).isTrue();
      assertThat(database.engine()).isEqualTo(engine);
      Long heads =
          database
              .jdbi()
              .withHandle(h -> h.select("select count(*) from audit_head").mapTo(Long.class).one());
      assertThat(heads).isEqualTo(1L);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void open_twice_keepsTheSchemaAndData(Engine engine) {
    String url = TestDatabases.freshUrl(engine);
    try (Database first = Database.open(StoreSettings.of(url))) {
      first.jdbi().useHandle(h -> h.execute("update audit_head set seq = 7 where id = 1"));
    }
    try (Database second = Database.open(StoreSettings.of(url))) {
      Long seq =
          second
              .jdbi()
              .withHandle(h -> h.select("select seq from audit_head").mapTo(Long.class).one());
      assertThat(seq).isEqualTo(7L);
    }
  }

  @Test
  void open_malformedUrl_isAConfigurationProblem() {
    assertThatThrownBy(() -> Database.open(StoreSettings.of("postgres://nowhere")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("unsupported database URL");
  }

  @Test
  void open_unreachableServer_saysSoInOneLine() {
    StoreSettings settings =
        new StoreSettings(
            "jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret", 2, Duration.ofSeconds(2));
    assertThatThrownBy(() -> Database.open(settings))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("cannot reach the database at")
        .hasMessageNotContaining("secret")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
