package dev.steward.policy;

/**
 * A kind of person whose data is processed.
 *
 * @param suppliedByOthers true for third parties whose details someone else gave (a spouse, a
 *     co-worker, a referee): they did not give the data themselves
 */
public record SubjectType(String id, String name, boolean suppliedByOthers) {}
