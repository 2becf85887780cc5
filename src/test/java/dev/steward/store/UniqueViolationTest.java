package dev.steward.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueViolationTest {
  @Test
  void causedBy_isTrue_whenAUniqueViolationIsAnyCause() {
    var wrapped = new IllegalStateException(new RuntimeException(new SQLException("dup", "23505")));

    assertThat(UniqueViolation.causedBy(wrapped)).isTrue();
  }

  @Test
  void causedBy_isFalse_forOtherIntegrityFailuresAndNonSqlFailures() {
    assertThat(UniqueViolation.causedBy(new RuntimeException(new SQLException("null", "23502"))))
        .isFalse();
    assertThat(UniqueViolation.causedBy(new IllegalStateException("23505"))).isFalse();
  }
}
