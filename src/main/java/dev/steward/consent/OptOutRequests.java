package dev.steward.consent;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.principal.Principal;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityIndex;
import dev.steward.vault.IdentityType;
import dev.steward.vault.Vault;
import dev.steward.web.OptionalField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The public "Do Not Sell or Share" and "Limit the Use of My Sensitive Personal Information" API:
 * no account, no verification (11 CCR 7026(d), 7027; RULES.md, "Verification levels"). A device, an
 * identity, or both; the answer is the same whether Steward knows the person or not. An identity
 * leads to the vault subject that holds it, without proof and without linking anything (the law
 * asks none for an opt-out); one Steward does not know is kept by its keyed hash, so decisions
 * about it deny once it becomes known. Thread-safe.
 */
public final class OptOutRequests {
  private static final Set<IdentityType> IDENTITIES =
      Set.of(IdentityType.EMAIL, IdentityType.PHONE);

  private final Jdbi jdbi;
  private final IdentityIndex index;
  private final Vault vault;
  private final OptOuts optOuts;
  private final ConsentStates states;

  public OptOutRequests(
      Jdbi jdbi, IdentityIndex index, Vault vault, OptOuts optOuts, ConsentStates states) {
    this.jdbi = jdbi;
    this.index = index;
    this.vault = vault;
    this.optOuts = optOuts;
    this.states = states;
  }

  /** What the caller sends; {@code kinds} defaults to sale/sharing. */
  public record OptOutBody(
      @OptionalField String device,
      @OptionalField IdentityBody identity,
      @OptionalField List<String> kinds) {}

  /** An email address or phone number, normalised and hashed, never stored in clear. */
  public record IdentityBody(String type, String value) {}

  /** The same answer for every accepted call. */
  public record Recorded(String status, List<String> kinds, String source) {}

  /** A device's opt-outs in force, and what recorded each. */
  public record DeviceState(String device, Map<String, String> optedOut) {}

  /**
   * Records the opt-out; {@code gpc} when the call carried {@code Sec-GPC: 1}, which is then its
   * recorded source. Every problem is found before anything is written.
   */
  public Recorded optOut(Principal actor, OptOutBody body, boolean gpc) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<OptOutKind> kinds = kinds(body.kinds(), problems);
    Set<Party> parties = new LinkedHashSet<>();
    if (body.device() != null) {
      if (Party.isDeviceId(body.device())) {
        parties.add(new Party(Party.Kind.DEVICE, body.device()));
      } else {
        problems.add(new FieldProblem("device", "not a device id: 16 to 128 of A-Z a-z 0-9 - _"));
      }
    }
    String hash = null;
    if (body.identity() != null) {
      hash = hash(body.identity(), problems);
    }
    if (body.device() == null && body.identity() == null) {
      problems.add(new FieldProblem("device", "give a device id, an identity, or both"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems.get(0).message(), problems);
    }
    OptOuts.Source source = gpc ? OptOuts.Source.GPC : OptOuts.Source.API;
    String identityHash = hash;
    jdbi.useTransaction(
        handle -> {
          Set<Party> reached = new LinkedHashSet<>(parties);
          if (identityHash != null) {
            reached.add(Party.identity(identityHash));
            vault
                .subjectReachedBy(handle, List.of(identityHash))
                .ifPresent(subject -> reached.add(Party.subject(subject)));
          }
          optOuts.optOut(handle, actor, reached, kinds, source, null);
        });
    return new Recorded("recorded", kinds.stream().map(OptOutKind::code).toList(), source.code());
  }

  /** The device's opt-outs in force (its own and those of the subjects linked to it). */
  public DeviceState state(String device) {
    Party party = Party.device(device, "device");
    PartyState state = states.state(party);
    Map<String, String> optedOut = new java.util.TreeMap<>();
    state.optOuts().forEach((kind, source) -> optedOut.put(kind.code(), source));
    return new DeviceState(device, optedOut);
  }

  /**
   * When a {@code Sec-GPC: 1} signal was first honoured as this device's opt-out of sale/sharing,
   * for the Do Not Sell page to say so (11 CCR 7025(c)(6): the business may display whether it
   * processed the signal).
   */
  public java.util.Optional<java.time.Instant> gpcHonoured(String device) {
    Party party = Party.device(device, "device");
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "select min(occurred_at) from opt_out_event where party = :party and kind ="
                        + " :kind and source = :source and action = 'opt_out'")
                .bind("party", party.key())
                .bind("kind", OptOutKind.SALE_SHARING.code())
                .bind("source", OptOuts.Source.GPC.code())
                .mapTo(java.time.Instant.class)
                .findOne());
  }

  private static Set<OptOutKind> kinds(List<String> given, List<FieldProblem> problems) {
    if (given == null || given.isEmpty()) {
      return EnumSet.of(OptOutKind.SALE_SHARING);
    }
    Set<OptOutKind> kinds = EnumSet.noneOf(OptOutKind.class);
    for (int i = 0; i < given.size(); i++) {
      String code = given.get(i);
      try {
        kinds.add(OptOutKind.of(code == null ? "" : code));
      } catch (IllegalArgumentException e) {
        problems.add(
            new FieldProblem(
                "kinds[" + i + "]", "not one of sale_sharing, sensitive_use, direct_marketing"));
      }
    }
    return kinds;
  }

  private String hash(IdentityBody identity, List<FieldProblem> problems) {
    IdentityType type =
        IDENTITIES.stream().filter(t -> t.id().equals(identity.type())).findFirst().orElse(null);
    if (type == null) {
      problems.add(new FieldProblem("identity.type", "email or phone"));
      return null;
    }
    if (identity.value() == null || identity.value().isBlank()) {
      problems.add(new FieldProblem("identity.value", "required"));
      return null;
    }
    try {
      return index.hash(new Identity(type, identity.value()));
    } catch (InvalidInputException e) {
      problems.add(new FieldProblem("identity.value", "not a valid " + type.id()));
      return null;
    }
  }
}
