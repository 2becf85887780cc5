package dev.steward.access;

import static dev.steward.access.AccessFixture.CLI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.ConflictException;
import dev.steward.error.InvalidInputException;
import dev.steward.principal.Role;
import dev.steward.store.Engine;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StaffUsersTest {

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ensureFirstAdmin_emptyStore_createsAdminOnceWithAOneTimePassword(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      Optional<String> first = f.users.ensureFirstAdmin();
      Optional<String> second = f.users.ensureFirstAdmin();

      assertThat(first).hasValueSatisfying(p -> assertThat(p).hasSize(20));
      assertThat(second).isEmpty();
      StaffUser admin = f.users.findByUsername("admin").orElseThrow();
      assertThat(admin.role()).isEqualTo(Role.ADMIN);
      assertThat(admin.mustChangePassword()).isTrue();
      assertThat(f.users.list()).hasSize(1);
      assertThat(f.audit.withAction("user.created"))
          .singleElement()
          .satisfies(e -> assertThat(e.objectId()).isEqualTo(admin.id().toString()));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ensureFirstAdmin_storeWithUsers_createsNothing(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      f.user("dana", Role.DPO, "a long password 1");

      assertThat(f.users.ensureFirstAdmin()).isEmpty();
      assertThat(f.users.findByUsername("admin")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void add_withoutPassword_generatesOneThatMustBeChanged(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      AddedStaffUser added = f.users.add(CLI, NewStaffUser.of("Agent.Smith", Role.AGENT));

      assertThat(added.oneTimePassword()).isPresent();
      assertThat(added.user().username()).isEqualTo("agent.smith");
      assertThat(added.user().displayName()).isEqualTo("agent.smith");
      assertThat(added.user().mustChangePassword()).isTrue();
      assertThat(f.users.find(added.user().id())).contains(added.user());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void add_takenNameInAnyCase_isAConflict(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      f.user("dana", Role.DPO, "a long password 1");

      assertThatThrownBy(() -> f.users.add(CLI, NewStaffUser.of("DANA", Role.AGENT)))
          .isInstanceOf(ConflictException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void add_badNameOrShortPassword_isRefusedNamingTheField(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      assertThatThrownBy(() -> f.users.add(CLI, NewStaffUser.of("9lives", Role.AGENT)))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.problems()).extracting("field").containsExactly("username"));
      assertThatThrownBy(() -> f.user("shorty", Role.AGENT, "short"))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.problems()).extracting("field").containsExactly("password"));
      assertThat(f.users.list()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void disable_user_isRecordedAndAudited(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      StaffUser user = f.user("alex", Role.ANALYST, "a long password 1");

      StaffUser disabled = f.users.disable(CLI, user.id());

      assertThat(disabled.disabled()).isTrue();
      assertThat(f.audit.withAction("user.disabled"))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.objectId()).isEqualTo(user.id().toString());
                assertThat(e.actor()).isEqualTo(CLI);
              });
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void changePassword_clearsTheMustChangeFlag(Engine engine) {
    try (AccessFixture f = new AccessFixture(engine)) {
      AddedStaffUser added = f.users.add(CLI, NewStaffUser.of("alex", Role.ANALYST));

      f.users.changePassword(CLI, added.user().id(), "my own long password");

      assertThat(f.users.find(added.user().id()).orElseThrow().mustChangePassword()).isFalse();
      assertThat(f.audit.withAction("user.password-changed")).hasSize(1);
    }
  }
}
