package dev.steward.access;

import static dev.steward.access.AccessFixture.CLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.ForbiddenException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.NotFoundException;
import dev.steward.principal.ClientKind;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.principal.Role;
import dev.steward.store.Engine;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiTokensTest {
  private static final Duration DAYS_90 = Duration.ofDays(90);

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void create_forUser_returnsTheSecretOnceAndStoresOnlyItsHash(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      StaffUser auditor = f.user("olga", Role.AUDITOR, "a long password 1");

      IssuedToken issued =
          f.tokens.create(
              CLI, TokenOwner.staff(auditor.id()), "ci", List.of("audit:read"), DAYS_90);

      assertThat(issued.secret()).matches("stw_[A-Za-z0-9_-]{43}");
      assertThat(issued.token().scopes()).containsExactly(Permission.AUDIT_READ);
      assertThat(issued.token().expiresAt()).isEqualTo(f.clock.instant().plus(DAYS_90));
      String stored =
          f.database
              .jdbi()
              .withHandle(
                  h ->
                      h.select("select token_hash from api_token where id = ?", issued.token().id())
                          .mapTo(String.class)
                          .one());
      assertThat(stored).isEqualTo(Secrets.sha256Hex(issued.secret())).doesNotContain("stw_");
      assertThat(f.tokens.listFor(TokenOwner.staff(auditor.id())))
          .extracting(ApiToken::id)
          .containsExactly(issued.token().id());
      assertThat(f.audit.withAction("token.created").get(0).detail()).doesNotContain("stw_");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void create_unknownScope_listsTheValidOnes(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      StaffUser dpo = f.user("dana", Role.DPO, "a long password 1");

      assertThatThrownBy(
              () ->
                  f.tokens.create(
                      CLI, TokenOwner.staff(dpo.id()), "x", List.of("audit:reed"), DAYS_90))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("unknown scope 'audit:reed'")
          .hasMessageContaining("audit:read, users:manage");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void create_scopeBeyondTheRole_isRefused(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      StaffUser agent = f.user("ada", Role.AGENT, "a long password 1");

      assertThatThrownBy(
              () ->
                  f.tokens.create(
                      CLI, TokenOwner.staff(agent.id()), "x", List.of("audit:read"), DAYS_90))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("more than the owner may hold");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void create_clientTokenBeyondItsKind_isRefused(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      ClientAccount peer = f.clients.add(CLI, "peer", ClientKind.OPENDSR_CONTROLLER);
      TokenOwner owner = TokenOwner.client(peer.id());

      assertThat(f.tokens.create(CLI, owner, "dsr", List.of("opendsr:submit"), DAYS_90).token())
          .isNotNull();
      assertThatThrownBy(() -> f.tokens.create(CLI, owner, "x", List.of("subject:read"), DAYS_90))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void create_expiryMissingOrOverAYear_isRefused(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      TokenOwner owner = TokenOwner.staff(f.user("olga", Role.AUDITOR, "a long password 1").id());

      assertThatThrownBy(() -> f.tokens.create(CLI, owner, "x", List.of("audit:read"), null))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(
              () -> f.tokens.create(CLI, owner, "x", List.of("audit:read"), Duration.ofDays(366)))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void create_byANarrowToken_cannotWidenItsOwnScopes(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      StaffUser dpo = f.user("dana", Role.DPO, "a long password 1");
      Principal narrow =
          new Principal.Staff(
              dpo.id(), Role.DPO, Set.of(Permission.TOKENS_MANAGE), java.util.UUID.randomUUID());

      assertThatThrownBy(
              () ->
                  f.tokens.create(
                      narrow, TokenOwner.staff(dpo.id()), "x", List.of("audit:read"), DAYS_90))
          .isInstanceOf(ForbiddenException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void revoke_someoneElsesTokenWithoutUsersManage_looksNotFound(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      StaffUser olga = f.user("olga", Role.AUDITOR, "a long password 1");
      StaffUser dana = f.user("dana", Role.DPO, "a long password 1");
      IssuedToken olgas =
          f.tokens.create(CLI, TokenOwner.staff(olga.id()), "ci", List.of("audit:read"), DAYS_90);
      Principal danaCaller = new Principal.Staff(dana.id(), Role.DPO, Role.DPO.permissions(), null);

      assertThatThrownBy(() -> f.tokens.revoke(danaCaller, olgas.token().id()))
          .isInstanceOf(NotFoundException.class);
      assertThat(f.tokens.revoke(CLI, olgas.token().id()).revokedAt()).isNotNull();
      assertThat(f.audit.withAction("token.revoked")).hasSize(1);
    }
  }
}
