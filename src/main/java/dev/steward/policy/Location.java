package dev.steward.policy;

/** A position in a policy file; line and column count from 1. */
record Location(String file, int line, int column) {

  static Location start(String file) {
    return new Location(file, 1, 1);
  }

  Problem error(String message, String hint) {
    return new Problem(Problem.Severity.ERROR, file, line, column, message, hint);
  }

  Problem warning(String message, String hint) {
    return new Problem(Problem.Severity.WARNING, file, line, column, message, hint);
  }
}
