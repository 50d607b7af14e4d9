package io.guardwall.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.flow.ReportJson;
import io.guardwall.core.flow.UnblockOutcome;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.Cidr;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code guardwall unblock}: removes an entry, pinned or not. */
@Command(
    name = "unblock",
    mixinStandardHelpOptions = true,
    description = {
      "Removes a CIDR from the blocklist, then renders the rule group (dry run).",
      "Exit 1 when there is no such entry; entries that still cover the address are named."
    })
final class UnblockCommand extends StateCommand {

  @Parameters(paramLabel = "CIDR", description = "Address or CIDR as listed.")
  String cidr;

  @Override
  int call(Backend backend, Output out) {
    UnblockOutcome outcome = backend.guardwall.unblock(Cli.cidr(cidr));
    reconcile(backend);
    ObjectNode doc = Jackson.objectNode();
    if (outcome instanceof UnblockOutcome.Removed removed) {
      doc.put("removed", true).set("entry", ReportJson.entry(removed.entry()));
      out.document(doc, "unblocked " + removed.entry().cidr());
      return 0;
    }
    UnblockOutcome.NotBlocked none = (UnblockOutcome.NotBlocked) outcome;
    doc.put("removed", false);
    none.coveredBy().stream().map(Cidr::value).forEach(doc.putArray("coveredBy")::add);
    out.document(doc, notBlocked(none.cidr(), none.coveredBy()));
    return 1;
  }

  private static String notBlocked(Cidr target, List<Cidr> covering) {
    if (covering.isEmpty()) {
      return "not in the blocklist: " + target;
    }
    return target
        + " is not an entry of its own, but "
        + (covering.size() == 1 ? "the entry " : "the entries ")
        + covering.stream().map(Cidr::value).toList()
        + " still block it: unblock "
        + (covering.size() == 1 ? "that entry" : "those entries")
        + " instead";
  }
}
