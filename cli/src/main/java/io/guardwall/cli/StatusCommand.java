package io.guardwall.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.flow.FirewallStatus;
import io.guardwall.core.json.Jackson;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code guardwall status}: desired state against the rule group, without writing. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Compares the desired state with the rule group: entries missing from the firewall, extra"
          + " addresses, entries the capacity leaves out, capacity used.",
      "Exit status 1 when the firewall is out of sync (a reconcile would change it), or when"
          + " stored entries break the safety rule.",
      "Given several --firewall (or prefix lists, WAF IP sets), compares each target and reports"
          + " per target; exit 1 also when a target cannot be read (named on stderr)."
    })
final class StatusCommand extends StateCommand {

  @Override
  boolean takesSeveralTargets() {
    return true;
  }

  @Override
  int call(Backend backend, Output out) {
    if (backendOptions.severalTargets()) {
      return acrossTargets(backend, out, false, t -> t.inSync() && t.refused().isEmpty());
    }
    FirewallStatus s = backend.guardwall.status();
    out.message("status", json(s), text(s));
    return s.inSync() && s.refused().isEmpty() ? 0 : 1;
  }

  private static ObjectNode json(FirewallStatus s) {
    ObjectNode o = Jackson.objectNode();
    o.put("inSync", s.inSync()).put("desiredEntries", s.desiredEntries());
    o.put("capacityUsed", s.capacityUsed()).put("capacity", s.capacity());
    array(o, "missing", s.missing());
    array(o, "extra", s.extra());
    array(o, "evicted", s.evicted());
    array(o, "refused", s.refused());
    return o;
  }

  private static void array(ObjectNode o, String name, List<String> values) {
    values.forEach(o.putArray(name)::add);
  }

  private static String text(FirewallStatus s) {
    return String.format(
        "%s: %d desired entries render to %d CIDRs; capacity used %d of %d%n"
            + "missing from the firewall (%d): %s%nextra in the firewall (%d): %s%n"
            + "left out for capacity (%d): %s%nrefused by the safety rule (%d): %s",
        s.inSync() ? "in sync" : "OUT OF SYNC (run reconcile)",
        s.desiredEntries(),
        s.expected().size(),
        s.capacityUsed(),
        s.capacity(),
        s.missing().size(),
        Cli.abbreviate(s.missing()),
        s.extra().size(),
        Cli.abbreviate(s.extra()),
        s.evicted().size(),
        Cli.abbreviate(s.evicted()),
        s.refused().size(),
        String.join("; ", s.refused()));
  }
}
