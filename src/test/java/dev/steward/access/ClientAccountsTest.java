package dev.steward.access;

import static dev.steward.access.AccessFixture.CLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.ConflictException;
import dev.steward.error.InvalidInputException;
import dev.steward.principal.ClientKind;
import dev.steward.store.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClientAccountsTest {

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void add_thenList_showsTheAccountWithItsKind(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      ClientAccount account = f.clients.add(CLI, "Acme CDN customer", ClientKind.BUSINESS_CUSTOMER);

      assertThat(f.clients.list()).containsExactly(account);
      assertThat(f.clients.findByName("Acme CDN customer")).contains(account);
      assertThat(f.audit.withAction("client.created")).hasSize(1);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void add_duplicateOrBadName_isRefused(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      f.clients.add(CLI, "crm", ClientKind.INTEGRATION);

      assertThatThrownBy(() -> f.clients.add(CLI, "crm", ClientKind.INTEGRATION))
          .isInstanceOf(ConflictException.class);
      assertThatThrownBy(() -> f.clients.add(CLI, "  ", ClientKind.INTEGRATION))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void disable_account_isAudited(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      ClientAccount account = f.clients.add(CLI, "crm", ClientKind.INTEGRATION);

      assertThat(f.clients.disable(CLI, account.id()).disabled()).isTrue();
      assertThat(f.audit.withAction("client.disabled")).hasSize(1);
    }
  }
}
