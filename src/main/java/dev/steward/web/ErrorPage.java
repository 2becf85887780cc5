package dev.steward.web;

/**
 * The model of {@code web/error.jte}.
 *
 * @param status the HTTP status
 * @param heading the page's heading, in the page's language
 * @param message what happened and what to do, in the page's language
 */
public record ErrorPage(int status, String heading, String message) {}
