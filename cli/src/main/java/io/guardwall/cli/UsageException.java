package io.guardwall.cli;

/** The command line names something unusable (a missing path, a bad CIDR); exit code 2. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
