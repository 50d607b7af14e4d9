package io.guardwall.cli;

import io.guardwall.core.flow.ReportJson;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.policy.Violation;
import io.guardwall.core.reconcile.TargetReport;
import io.guardwall.core.reconcile.TargetsResult;
import io.guardwall.core.text.InertText;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a reconcile or status of every target: a block per target in text, a {@code targets} array
 * in JSON. Stateless.
 */
final class TargetsReport {

  private TargetsReport() {}

  /** Prints {@code result} on {@code out}; {@code wrote} says whether it was a reconcile. */
  static void print(Output out, TargetsResult result, boolean wrote) {
    String text =
        result.targets().stream().map(t -> text(t, wrote)).collect(Collectors.joining("\n"));
    out.document(ReportJson.targets(result, wrote), text);
  }

  /**
   * One line on what a reconcile did to {@code t}, then a line each for what its room left out,
   * what the safety rule refused, and why it failed: what a command that writes says on stderr.
   */
  static String summary(TargetReport t) {
    StringBuilder s = new StringBuilder(header(t, true));
    if (!t.failed()) {
      s.append(", ").append(t.blocked().size()).append(" CIDRs, room ").append(room(t.budget()));
    }
    List<String> evicted = evicted(t);
    if (!evicted.isEmpty()) {
      s.append(
          String.format("%n  left out for room (%d): %s", evicted.size(), Cli.abbreviate(evicted)));
    }
    refused(t).forEach(r -> s.append("\n  refused by the safety rule: ").append(InertText.of(r)));
    if (t.error() != null) {
      s.append("\n  error: ").append(InertText.of(t.error()));
    }
    return s.toString();
  }

  private static String header(TargetReport t, boolean wrote) {
    return InertText.of(t.name()) + " (" + t.kind().label() + "): " + ReportJson.state(t, wrote);
  }

  private static List<String> cidrs(List<Cidr> cidrs) {
    return cidrs.stream().map(Cidr::value).toList();
  }

  static List<String> evicted(TargetReport t) {
    return t.evicted().stream().map(e -> e.cidr().value()).toList();
  }

  private static List<String> refused(TargetReport t) {
    return t.refused().stream().map(Violation::message).toList();
  }

  private static String text(TargetReport t, boolean wrote) {
    List<String> evicted = evicted(t);
    return String.format(
        "%s%nCIDRs blocked %d, room %s%nmissing (%d): %s%nextra (%d): %s%n"
            + "left out for room (%d): %s%nrefused by the safety rule (%d): %s%nerror: %s",
        header(t, wrote),
        t.blocked().size(),
        room(t.budget()),
        t.missing().size(),
        Cli.abbreviate(cidrs(t.missing())),
        t.extra().size(),
        Cli.abbreviate(cidrs(t.extra())),
        evicted.size(),
        Cli.abbreviate(evicted),
        t.refused().size(),
        InertText.of(String.join("; ", refused(t))),
        t.error() == null ? "none" : InertText.of(t.error()));
  }

  private static String room(CidrBudget b) {
    return b == null ? "unknown" : b.total() + " (IPv4 " + b.ipv4() + ", IPv6 " + b.ipv6() + ")";
  }
}
