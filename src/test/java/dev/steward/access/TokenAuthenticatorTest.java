package dev.steward.access;

import static dev.steward.access.AccessFixture.CLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.UnauthenticatedException;
import dev.steward.principal.ClientKind;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.principal.Role;
import dev.steward.store.Engine;
import dev.steward.store.Generations;
import dev.steward.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TokenAuthenticatorTest {

  @Test
  void bearer_readsTheCredentialsOfAnyCaseAndSpacing_andRefusesOtherSchemes() {
    String token = "stw_" + "a".repeat(43);
    assertThat(TokenAuthenticator.bearer("Bearer " + token)).isEqualTo(token);
    assertThat(TokenAuthenticator.bearer("  bEaReR \t " + token + " ")).isEqualTo(token);
    for (String header : List.of("Basic " + token, "Bearer", "Bearer   ", token, "Bearertoken")) {
      assertThatThrownBy(() -> TokenAuthenticator.bearer(header))
          .isInstanceOf(UnauthenticatedException.class)
          .hasMessage("the bearer token is not valid");
    }
  }

  @Test
  void tokenShape_isThePrefixAnd43Base64UrlCharacters() {
    assertThat(Secrets.looksLikeToken(Secrets.newToken())).isTrue();
    assertThat(Secrets.looksLikeSessionToken(Secrets.newSessionToken())).isTrue();
    assertThat(Secrets.looksLikeToken("stw_" + "Az09_-".repeat(7) + "x")).isTrue();
    assertThat(Secrets.looksLikeToken("stw_" + "a".repeat(42) + "=")).isFalse();
    assertThat(Secrets.looksLikeToken("stw_" + "a".repeat(42) + "é")).isFalse();
    assertThat(Secrets.looksLikeToken("stw_" + "a".repeat(42))).isFalse();
    assertThat(Secrets.looksLikeToken("sts_" + "a".repeat(43))).isFalse();
    assertThat(Secrets.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Secrets.sha256Hex("abc")).isEqualTo(Secrets.sha256Hex("abc"));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void authenticate_validStaffToken_isTheStaffPrincipalWithItsScopes(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      StaffUser dpo = f.user("dana", Role.DPO, "a long password 1");
      IssuedToken issued =
          f.tokens.create(
              CLI, TokenOwner.staff(dpo.id()), "ci", List.of("policy:read"), Duration.ofDays(1));

      Principal principal = f.authenticator.authenticate("Bearer " + issued.secret());

      assertThat(principal)
          .isEqualTo(
              new Principal.Staff(
                  dpo.id(),
                  Role.DPO,
                  java.util.Set.of(Permission.POLICY_READ),
                  issued.token().id()));
      assertThat(principal.has(Permission.POLICY_READ)).isTrue();
      assertThat(principal.has(Permission.AUDIT_READ)).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void authenticate_clientToken_isLimitedToItsKind(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      ClientAccount crm = f.clients.add(CLI, "crm", ClientKind.INTEGRATION);
      IssuedToken issued =
          f.tokens.create(
              CLI,
              TokenOwner.client(crm.id()),
              "sync",
              List.of("request:submit", "subject:read"),
              Duration.ofDays(1));

      Principal principal = f.authenticator.authenticate("bearer " + issued.secret());

      assertThat(principal).isInstanceOf(Principal.Client.class);
      assertThat(principal.has(Permission.SUBJECT_READ)).isTrue();
      assertThat(principal.has(Permission.SUBJECT_ERASE)).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void authenticate_revokedExpiredDisabledOrMalformed_allGetTheSameAnswer(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      StaffUser dpo = f.user("dana", Role.DPO, "a long password 1");
      StaffUser alex = f.user("alex", Role.ANALYST, "a long password 1");
      TokenOwner owner = TokenOwner.staff(dpo.id());
      IssuedToken revoked =
          f.tokens.create(CLI, owner, "a", List.of("policy:read"), Duration.ofDays(1));
      IssuedToken expiring =
          f.tokens.create(CLI, owner, "b", List.of("policy:read"), Duration.ofHours(1));
      IssuedToken ofDisabled =
          f.tokens.create(
              CLI, TokenOwner.staff(alex.id()), "c", List.of("policy:read"), Duration.ofDays(1));
      f.tokens.revoke(CLI, revoked.token().id());
      f.users.disable(CLI, alex.id());
      f.clock.advance(Duration.ofHours(1));

      for (String header :
          List.of(
              "Bearer " + revoked.secret(),
              "Bearer " + expiring.secret(),
              "Bearer " + ofDisabled.secret(),
              "Bearer stw_" + "A".repeat(43),
              "Bearer not-a-token",
              "Basic YWRtaW46YWRtaW4=")) {
        assertThatThrownBy(() -> f.authenticator.authenticate(header))
            .isInstanceOf(UnauthenticatedException.class)
            .hasMessage("the bearer token is not valid");
      }
      assertThat(f.authenticator.authenticate(null)).isInstanceOf(Principal.Anonymous.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void authenticate_repeatedWithinAMinute_writesLastUseOnce(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      StaffUser dpo = f.user("dana", Role.DPO, "a long password 1");
      IssuedToken issued =
          f.tokens.create(
              CLI, TokenOwner.staff(dpo.id()), "ci", List.of("policy:read"), Duration.ofDays(1));
      Instant first = f.clock.instant();

      f.authenticator.authenticate("Bearer " + issued.secret());
      f.clock.advance(Duration.ofSeconds(30));
      f.authenticator.authenticate("Bearer " + issued.secret());
      Instant afterHalfAMinute = f.tokens.find(issued.token().id()).orElseThrow().lastUsedAt();
      f.clock.advance(Duration.ofSeconds(31));
      f.authenticator.authenticate("Bearer " + issued.secret());
      Instant afterAMinute = f.tokens.find(issued.token().id()).orElseThrow().lastUsedAt();

      assertThat(afterHalfAMinute).isEqualTo(first);
      assertThat(afterAMinute).isEqualTo(f.clock.instant());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void authenticate_afterARevocationOrDisablingOnThisNode_refusesTheNextCallAtOnce(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      StaffUser dpo = f.user("dana", Role.DPO, "a long password 1");
      StaffUser alex = f.user("alex", Role.ANALYST, "a long password 1");
      ClientAccount crm = f.clients.add(CLI, "crm", ClientKind.INTEGRATION);
      IssuedToken revoked = token(f, TokenOwner.staff(dpo.id()), "policy:read");
      IssuedToken ofUser = token(f, TokenOwner.staff(alex.id()), "policy:read");
      IssuedToken ofClient = token(f, TokenOwner.client(crm.id()), "subject:read");
      for (IssuedToken issued : List.of(revoked, ofUser, ofClient)) {
        f.authenticator.authenticate("Bearer " + issued.secret());
      }

      f.tokens.revoke(CLI, revoked.token().id());
      f.users.disable(CLI, alex.id());
      f.clients.disable(CLI, crm.id());

      for (IssuedToken issued : List.of(revoked, ofUser, ofClient)) {
        assertThatThrownBy(() -> f.authenticator.authenticate("Bearer " + issued.secret()))
            .isInstanceOf(UnauthenticatedException.class);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void authenticate_afterARevocationOnAnotherNode_refusesWithinTheGenerationsMaxAge(Engine engine) {
    String url = TestDatabases.freshUrl(engine);
    try (AccessFixture here = new AccessFixture(url);
        AccessFixture there = new AccessFixture(url)) {
      StaffUser dpo = here.user("dana", Role.DPO, "a long password 1");
      IssuedToken issued = token(here, TokenOwner.staff(dpo.id()), "policy:read");
      IssuedToken other = token(here, TokenOwner.staff(dpo.id()), "policy:read");
      here.authenticator.authenticate("Bearer " + issued.secret());
      here.authenticator.authenticate("Bearer " + other.secret());

      there.tokens.revoke(CLI, issued.token().id());
      Duration refusedAfter = untilRefused(here.authenticator, issued);

      // MAX_AGE, with room for a slow machine's scheduling; never the old unbounded wait.
      assertThat(refusedAfter).isLessThan(Generations.MAX_AGE.plusSeconds(2));
      assertThatThrownBy(() -> here.authenticator.authenticate("Bearer " + issued.secret()))
          .isInstanceOf(UnauthenticatedException.class);
      assertThat(here.authenticator.authenticate("Bearer " + other.secret()))
          .isInstanceOf(Principal.Staff.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void authenticate_aTokenInUseReachingItsExpiry_isRefused(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      StaffUser dpo = f.user("dana", Role.DPO, "a long password 1");
      IssuedToken issued =
          f.tokens.create(
              CLI, TokenOwner.staff(dpo.id()), "ci", List.of("policy:read"), Duration.ofHours(1));
      f.authenticator.authenticate("Bearer " + issued.secret());

      f.clock.advance(Duration.ofHours(1));

      assertThatThrownBy(() -> f.authenticator.authenticate("Bearer " + issued.secret()))
          .isInstanceOf(UnauthenticatedException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void authenticate_aSignedOutSessionInUse_isRefusedOnItsNextCall(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      f.user("dana", Role.DPO, "a long password 1");
      Session session = f.signIn.signIn("dana", "a long password 1");
      Principal caller = f.authenticator.authenticate("Bearer " + session.token());

      f.signIn.signOut(caller);

      assertThatThrownBy(() -> f.authenticator.authenticate("Bearer " + session.token()))
          .isInstanceOf(UnauthenticatedException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void authenticate_aRevocationThatBypassedTheCounter_isSeenOnceTheTrustRunsOut(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      Duration trust = Duration.ofMillis(300);
      TokenAuthenticator authenticator = new TokenAuthenticator(f.database, f.clock, trust);
      StaffUser dpo = f.user("dana", Role.DPO, "a long password 1");
      IssuedToken issued = token(f, TokenOwner.staff(dpo.id()), "policy:read");
      authenticator.authenticate("Bearer " + issued.secret());

      // Typed into the database during an incident: no generation is bumped.
      f.database
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "update api_token set revoked_at = ? where id = ?",
                      java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC),
                      issued.token().id()));
      Duration refusedAfter = untilRefused(authenticator, issued);

      assertThat(refusedAfter)
          .isGreaterThanOrEqualTo(Duration.ZERO)
          .isLessThan(trust.plusSeconds(2));
    }
  }

  /**
   * Presents {@code issued} every 20 ms from now until it is refused, and answers how long that
   * took; fails when it is still accepted after 10 s.
   */
  private static Duration untilRefused(TokenAuthenticator authenticator, IssuedToken issued) {
    long from = System.nanoTime();
    while (System.nanoTime() - from < Duration.ofSeconds(10).toNanos()) {
      try {
        authenticator.authenticate("Bearer " + issued.secret());
        Thread.sleep(20);
      } catch (UnauthenticatedException e) {
        return Duration.ofNanos(System.nanoTime() - from);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the token was still accepted after 10 s");
  }

  private static IssuedToken token(AccessFixture f, TokenOwner owner, String scope) {
    return f.tokens.create(CLI, owner, "t", List.of(scope), Duration.ofDays(1));
  }
}
