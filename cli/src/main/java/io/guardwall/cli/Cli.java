package io.guardwall.cli;

import io.guardwall.core.config.Durations;
import io.guardwall.core.model.Cidr;
import java.time.Duration;
import java.util.List;

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

  /** A duration option within bounds; a usage error naming the option otherwise. */
  static Duration duration(Duration d, String option, Duration max) {
    try {
      return Durations.requireWithin(d, option, max);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** At most 20 values on one line, then how many more. */
  static String abbreviate(List<String> values) {
    return values.size() <= 20
        ? String.join(" ", values)
        : String.join(" ", values.subList(0, 20)) + " …and " + (values.size() - 20) + " more";
  }
}
