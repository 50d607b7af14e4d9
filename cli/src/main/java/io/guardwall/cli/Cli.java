package io.guardwall.cli;

import io.guardwall.core.model.Cidr;

/** Argument conversions shared by the commands. */
final class Cli {

  private Cli() {}

  /** A CIDR or single address from the command line; a clear usage error otherwise. */
  static Cidr cidr(String text) {
    try {
      return text.contains("/") ? Cidr.parse(text) : Cidr.ofAddress(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
