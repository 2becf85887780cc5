package dev.steward.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.principal.Principal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventTest {

  @Test
  void of_principal_takesActorTypeAndId() {
    UUID session = UUID.randomUUID();
    AuditEvent event =
        AuditEvent.of(
            new Principal.SubjectSession(session, "ref"), "request.submit", "request", "r-1", "ok");

    assertThat(event.actorType()).isEqualTo("subject-session");
    assertThat(event.actorId()).isEqualTo(session.toString());
    assertThat(event.detail()).isNull();
  }

  @Test
  void withDetail_blank_meansNone() {
    AuditEvent event = AuditFixture.event(1).withDetail("  ");

    assertThat(event.detail()).isNull();
  }

  @Test
  void new_actionNotACode_isRefusedNamingTheField() {
    assertThatThrownBy(
            () -> new AuditEvent("user", "u", "Read Subject", "subject", "s", "ok", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("audit action must be a lower-case code");
  }

  @Test
  void new_objectIdTooLong_isRefused() {
    assertThatThrownBy(
            () -> new AuditEvent("user", "u", "a", "subject", "x".repeat(129), "ok", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("audit objectId cannot be longer than 128 characters");
  }

  @Test
  void new_controlCharacterOrBrokenSurrogate_isRefused() {
    assertThatThrownBy(() -> new AuditEvent("user", "u", "a", "subject", "s\u0000", "ok", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuditEvent("user", "u", "a", "subject", "s\uD834", "ok", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
