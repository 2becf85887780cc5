package dev.steward.access;

import static dev.steward.access.AccessFixture.CLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.InvalidInputException;
import dev.steward.error.RateLimitedException;
import dev.steward.error.UnauthenticatedException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.principal.Role;
import dev.steward.store.Engine;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SignInTest {
  private static final String PASSWORD = "a long password 1";

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void signIn_rightPassword_givesAnEightHourSessionWithTheRolePermissions(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      StaffUser dana = f.user("dana", Role.DPO, PASSWORD);

      Session session = f.signIn.signIn("Dana", PASSWORD);

      assertThat(session.scopes()).isEqualTo(Role.DPO.permissions());
      assertThat(session.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(8)));
      assertThat(f.tokens.find(session.tokenId()).orElseThrow().name()).isEqualTo("session");
      Principal caller = f.authenticator.authenticate("Bearer " + session.token());
      assertThat(caller.has(Permission.SUBJECT_READ)).isTrue();
      assertThat(f.audit.withAction("auth.sign-in"))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.outcome()).isEqualTo("ok");
                assertThat(e.objectId()).isEqualTo(dana.id().toString());
                assertThat(e.actor()).isInstanceOf(Principal.Anonymous.class);
              });
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void signIn_oneTimePassword_sessionMayOnlyChangeThePassword(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      String oneTime = f.users.ensureFirstAdmin().orElseThrow();

      Session session = f.signIn.signIn("admin", oneTime);
      Principal caller = f.authenticator.authenticate("Bearer " + session.token());
      f.signIn.changePassword(caller, oneTime, "the admin's own password");

      assertThat(session.mustChangePassword()).isTrue();
      assertThat(session.scopes()).containsExactly(Permission.TOKENS_MANAGE);
      assertThatThrownBy(() -> f.authenticator.authenticate("Bearer " + session.token()))
          .isInstanceOf(UnauthenticatedException.class);
      Session full = f.signIn.signIn("admin", "the admin's own password");
      assertThat(full.mustChangePassword()).isFalse();
      assertThat(full.scopes()).isEqualTo(Role.ADMIN.permissions());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void signIn_wrongPasswordUnknownOrDisabledUser_allGetTheSameAnswer(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      f.user("dana", Role.DPO, PASSWORD);
      f.users.disable(CLI, f.user("alex", Role.ANALYST, PASSWORD).id());

      assertThatThrownBy(() -> f.signIn.signIn("dana", "not the password"))
          .isInstanceOf(UnauthenticatedException.class)
          .hasMessage(SignIn.WRONG);
      assertThatThrownBy(() -> f.signIn.signIn("nobody", PASSWORD))
          .isInstanceOf(UnauthenticatedException.class)
          .hasMessage(SignIn.WRONG);
      assertThatThrownBy(() -> f.signIn.signIn("alex", PASSWORD))
          .isInstanceOf(UnauthenticatedException.class)
          .hasMessage(SignIn.WRONG);
      assertThat(f.audit.withAction("auth.sign-in"))
          .hasSize(3)
          .allSatisfy(
              e -> {
                assertThat(e.outcome()).isEqualTo("denied");
                assertThat(e.objectId() + e.detail()).doesNotContain("dana", "nobody", "alex");
              });
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void signIn_thirdFailure_delaysTheNextTryByASecond(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      f.user("dana", Role.DPO, PASSWORD);
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> f.signIn.signIn("dana", "wrong password"))
            .isInstanceOf(UnauthenticatedException.class);
      }

      assertThatThrownBy(() -> f.signIn.signIn("dana", PASSWORD))
          .isInstanceOfSatisfying(
              RateLimitedException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
      f.clock.advance(Duration.ofSeconds(1));
      assertThat(f.signIn.signIn("dana", PASSWORD).token()).startsWith("stw_");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void signIn_tenthFailure_locksTheNameForFifteenMinutes(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      f.user("dana", Role.DPO, PASSWORD);
      failTenTimes(f, "dana");

      assertThatThrownBy(() -> f.signIn.signIn("dana", PASSWORD))
          .isInstanceOfSatisfying(
              RateLimitedException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(15)));
      f.clock.advance(Duration.ofMinutes(14));
      assertThatThrownBy(() -> f.signIn.signIn("dana", PASSWORD))
          .isInstanceOf(RateLimitedException.class);
      f.clock.advance(Duration.ofMinutes(1));
      assertThat(f.signIn.signIn("dana", PASSWORD).userId()).isNotNull();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void signIn_unknownName_isThrottledAndLockedLikeAKnownOne(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      failTenTimes(f, "nobody");

      assertThatThrownBy(() -> f.signIn.signIn("NoBody", PASSWORD))
          .isInstanceOfSatisfying(
              RateLimitedException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(15)));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void changePassword_wrongCurrentPassword_isRefusedAndChangesNothing(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      f.user("dana", Role.DPO, PASSWORD);
      Session session = f.signIn.signIn("dana", PASSWORD);
      Principal caller = f.authenticator.authenticate("Bearer " + session.token());

      assertThatThrownBy(() -> f.signIn.changePassword(caller, "wrong", "a new long password"))
          .isInstanceOf(InvalidInputException.class);
      assertThat(f.authenticator.authenticate("Bearer " + session.token())).isEqualTo(caller);
      assertThat(f.signIn.signIn("dana", PASSWORD).scopes())
          .isEqualTo(Set.copyOf(Role.DPO.permissions()));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void signIn_hashOfAnOlderCost_isRehashedWithTheCurrentCost(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      StaffUser dana = f.user("dana", Role.DPO, PASSWORD);
      PasswordHasher stronger = new PasswordHasher(new PasswordHashing(128, 2, 1));
      SignIn upgraded = new SignIn(f.database, stronger, f.users, f.tokens, f.audit, f.clock);

      upgraded.signIn("dana", PASSWORD);

      String stored =
          f.database
              .jdbi()
              .withHandle(
                  h ->
                      h.select("select password_hash from staff_user where id = ?", dana.id())
                          .mapTo(String.class)
                          .one());
      assertThat(stored).startsWith("$argon2id$v=19$m=128,t=2,p=1$");
      assertThat(upgraded.signIn("dana", PASSWORD).userId()).isEqualTo(dana.id());
    }
  }

  @Test
  void signIn_unknownUser_takesAboutAsLongAsAWrongPassword() {
    try (AccessFixture f = new AccessFixture(Engine.H2)) {
      // A cost high enough that the hash, not the database, dominates each answer.
      PasswordHasher costly = new PasswordHasher(new PasswordHashing(8_192, 3, 1));
      StaffUsers users = new StaffUsers(f.database, costly, f.audit, f.clock);
      users.add(CLI, new NewStaffUser("dana", Role.DPO, Optional.empty(), Optional.of(PASSWORD)));
      SignIn signIn = new SignIn(f.database, costly, users, f.tokens, f.audit, f.clock);

      // Interleaved samples, so load from elsewhere on the machine falls on both alike.
      long[] known = new long[15];
      long[] unknown = new long[15];
      for (int i = 0; i < 3; i++) {
        once(() -> signIn.signIn("dana", "wrong password"), f); // warm-up
      }
      for (int i = 0; i < known.length; i++) {
        known[i] = once(() -> signIn.signIn("dana", "wrong password"), f);
        unknown[i] = once(() -> signIn.signIn("nobody", "wrong password"), f);
      }
      java.util.Arrays.sort(known);
      java.util.Arrays.sort(unknown);
      double ratio = (double) unknown[unknown.length / 2] / known[known.length / 2];
      // Without the dummy hash an unknown name answers in a small fraction of the time.
      assertThat(ratio).isBetween(0.4, 2.5);
    }
  }

  private static long once(Runnable failingSignIn, AccessFixture f) {
    f.clock.advance(Duration.ofMinutes(16));
    long started = System.nanoTime();
    assertThatThrownBy(failingSignIn::run).isInstanceOf(UnauthenticatedException.class);
    return System.nanoTime() - started;
  }

  /** Ten failures, waiting out each delay so every one counts. */
  private static void failTenTimes(AccessFixture f, String username) {
    for (int i = 0; i < LoginThrottle.LOCK_AT; i++) {
      assertThatThrownBy(() -> f.signIn.signIn(username, "wrong password"))
          .isInstanceOf(UnauthenticatedException.class);
      f.clock.advance(Duration.ofSeconds(60));
    }
    f.clock.advance(Duration.ofSeconds(-60));
  }
}
