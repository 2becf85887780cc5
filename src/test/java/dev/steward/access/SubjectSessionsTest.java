package dev.steward.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.UnauthenticatedException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SubjectSessionsTest {

  private static SubjectSessions.Opened open(AccessFixture f) {
    SubjectSessions sessions = new SubjectSessions(f.database.jdbi(), f.clock);
    return f.database.jdbi().inTransaction(handle -> sessions.open(handle, "email", "ab12"));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void authenticate_liveSessionToken_isTheSubjectSessionOfItsIdentityHash(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      SubjectSessions.Opened opened = open(f);

      Principal principal = f.authenticator.authenticate("Bearer " + opened.token());

      assertThat(opened.token()).startsWith("sts_");
      assertThat(principal).isEqualTo(opened.principal());
      assertThat(((Principal.SubjectSession) principal).subjectRef()).isEqualTo("ab12");
      assertThat(principal.has(Permission.REQUEST_READ)).isFalse();
      assertThat(opened.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(30)));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void session_storesOnlyTheSha256OfItsToken(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      SubjectSessions.Opened opened = open(f);

      String stored =
          f.database
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery("select token_hash from subject_session")
                          .mapTo(String.class)
                          .one());

      assertThat(stored).isEqualTo(Secrets.sha256Hex(opened.token())).doesNotContain("sts_");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void authenticate_after30Minutes_isUnauthenticated(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      SubjectSessions.Opened opened = open(f);
      f.clock.advance(Duration.ofMinutes(30));

      assertThatThrownBy(() -> f.authenticator.authenticate("Bearer " + opened.token()))
          .isInstanceOf(UnauthenticatedException.class)
          .hasMessage(TokenAuthenticator.INVALID);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void authenticate_revokedSession_isUnauthenticated(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      SubjectSessions.Opened opened = open(f);
      new SubjectSessions(f.database.jdbi(), f.clock).revoke(opened.principal());

      assertThatThrownBy(() -> f.authenticator.authenticate("Bearer " + opened.token()))
          .isInstanceOf(UnauthenticatedException.class)
          .hasMessage(TokenAuthenticator.INVALID);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void authenticate_unknownSessionToken_getsTheSameAnswerAsAnyBadToken(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      String unknown = "sts_" + "A".repeat(43);

      assertThatThrownBy(() -> f.authenticator.authenticate("Bearer " + unknown))
          .isInstanceOf(UnauthenticatedException.class)
          .hasMessage(TokenAuthenticator.INVALID);
    }
  }
}
