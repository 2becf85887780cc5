package dev.steward.error;

import java.util.List;

/** The request itself is malformed: unreadable JSON, a bad header, a wrong parameter shape. */
public class BadRequestException extends InvalidInputException {
  public BadRequestException(String message) {
    super("bad-request", 400, message, List.of());
  }
}
