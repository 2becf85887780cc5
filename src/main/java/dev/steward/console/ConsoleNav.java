package dev.steward.console;

import dev.steward.principal.Permission;
import dev.steward.principal.Principal;

/**
 * The console's sections the caller's role may open, for the navigation at the top of every console
 * page; a section the role cannot use is not shown (and its pages refuse it anyway).
 *
 * @param current the section of the page shown, to mark it in the navigation
 */
public record ConsoleNav(
    String current,
    boolean requests,
    boolean subjects,
    boolean policy,
    boolean audit,
    boolean admin,
    boolean breaches,
    boolean retention,
    boolean suppression,
    boolean decisions) {
  /** The sections {@code caller} may open, with {@code current} marked. */
  public static ConsoleNav of(Principal caller, String current) {
    return new ConsoleNav(
        current,
        caller.has(Permission.REQUEST_READ),
        caller.has(Permission.SUBJECT_READ),
        caller.has(Permission.POLICY_READ),
        caller.has(Permission.AUDIT_READ),
        caller.has(Permission.USERS_MANAGE),
        caller.has(Permission.BREACH_READ),
        caller.has(Permission.RETENTION_READ),
        caller.has(Permission.SUPPRESSION_EXPORT),
        caller.has(Permission.DECISION_READ));
  }
}
