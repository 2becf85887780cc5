package dev.steward.policy;

/** A region that contact routes serve, e.g. {@code eea} or {@code rest_of_world}. */
public record Region(String id, String name) {}
