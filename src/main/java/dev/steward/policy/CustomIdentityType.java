package dev.steward.policy;

/**
 * A kind of identity the company finds people by, beyond the built-in ones (email, phone, name,
 * postal address, customer account, IP address, device id): a loyalty card number, a membership id.
 * Values of a custom type are matched after Unicode normalisation only.
 *
 * @param id lower-case letters, digits and {@code _}, starting with a letter
 */
public record CustomIdentityType(String id, String name) {}
