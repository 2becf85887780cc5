package dev.steward.access;

import java.util.Optional;

/**
 * A user just created, and the one-time password when Steward generated it. The password exists
 * only here: show it once and drop it.
 */
public record AddedStaffUser(StaffUser user, Optional<String> oneTimePassword) {}
