package dev.steward.policy;

/**
 * A kind of person whose data is processed.
 *
 * @param suppliedByOthers true for third parties whose details someone else gave (a spouse, a
 *     co-worker, a referee): they did not give the data themselves
 * @param replacementContact true when these people are an organisation's contact (a customer's or
 *     supplier's representative): the letter completing their erasure may ask the organisation to
 *     name someone else to deal with
 */
public record SubjectType(
    String id, String name, boolean suppliedByOthers, boolean replacementContact) {
  public SubjectType(String id, String name, boolean suppliedByOthers) {
    this(id, name, suppliedByOthers, false);
  }
}
