package io.guardwall.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.policy.Violation;
import io.guardwall.core.reconcile.TargetReport;
import io.guardwall.core.reconcile.TargetsResult;
import io.guardwall.core.text.InertText;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a reconcile or status over several targets: a block per target in text, a {@code targets}
 * array in JSON. Stateless.
 */
final class TargetsReport {

  private TargetsReport() {}

  /** Prints {@code result} on {@code out}; {@code wrote} says whether it was a reconcile. */
  static void print(Output out, TargetsResult result, boolean wrote) {
    ArrayNode targets = Jackson.arrayNode();
    result.targets().forEach(t -> targets.add(json(t, wrote)));
    ObjectNode doc = Jackson.objectNode();
    doc.set("targets", targets);
    String text =
        result.targets().stream().map(t -> text(t, wrote)).collect(Collectors.joining("\n"));
    out.document(doc, text);
  }

  /** What the target's line says it is: failed, updated or unchanged, in sync or out of sync. */
  static String state(TargetReport t, boolean wrote) {
    if (t.failed()) {
      return "failed";
    }
    if (wrote) {
      return t.updated() ? "updated" : "unchanged";
    }
    return t.inSync() ? "in sync" : "out of sync";
  }

  private static ObjectNode json(TargetReport t, boolean wrote) {
    ObjectNode o = Jackson.objectNode();
    o.put("name", t.name()).put("kind", t.kind().label()).put("state", state(t, wrote));
    o.put("inSync", t.inSync()).put("updated", t.updated()).put("blocked", t.blocked().size());
    CidrBudget room = t.budget();
    if (room == null) {
      o.putNull("room");
    } else {
      o.putObject("room")
          .put("total", room.total())
          .put("ipv4", room.ipv4())
          .put("ipv6", room.ipv6());
    }
    strings(o.putArray("missing"), cidrs(t.missing()));
    strings(o.putArray("extra"), cidrs(t.extra()));
    strings(o.putArray("evicted"), evicted(t));
    strings(o.putArray("refused"), refused(t));
    return o.put("error", t.error());
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static List<String> cidrs(List<Cidr> cidrs) {
    return cidrs.stream().map(Cidr::value).toList();
  }

  private static List<String> evicted(TargetReport t) {
    return t.evicted().stream().map(e -> e.cidr().value()).toList();
  }

  private static List<String> refused(TargetReport t) {
    return t.refused().stream().map(Violation::message).toList();
  }

  private static String text(TargetReport t, boolean wrote) {
    List<String> evicted = evicted(t);
    return String.format(
        "%s (%s): %s%nCIDRs blocked %d, room %s%nmissing (%d): %s%nextra (%d): %s%n"
            + "left out for room (%d): %s%nrefused by the safety rule (%d): %s%nerror: %s",
        InertText.of(t.name()),
        t.kind().label(),
        state(t, wrote),
        t.blocked().size(),
        t.budget() == null ? "unknown" : room(t.budget()),
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
    return b.total() + " (IPv4 " + b.ipv4() + ", IPv6 " + b.ipv6() + ")";
  }
}
