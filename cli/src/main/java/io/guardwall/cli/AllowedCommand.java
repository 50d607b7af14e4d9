package io.guardwall.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.flow.ReportJson;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.text.InertText;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code guardwall allowed}: the allow-lists, configured and dynamic. */
@Command(
    name = "allowed",
    mixinStandardHelpOptions = true,
    description =
        "Lists the CIDRs never blocked: the configuration's allowList and the dynamic"
            + " allow-list (who allowed each, when and why).")
final class AllowedCommand extends StateCommand {

  @Override
  int call(Backend backend, Output out) {
    List<Cidr> configured = backend.guardwall.config().allowList();
    List<AllowedCidr> dynamic = backend.guardwall.actions().allowed();
    ObjectNode doc = Jackson.objectNode();
    ArrayNode c = doc.putArray("configured");
    configured.forEach(x -> c.add(x.value()));
    ArrayNode d = doc.putArray("dynamic");
    dynamic.forEach(a -> d.add(ReportJson.allowed(a)));
    out.document(doc, text(configured, dynamic));
    return 0;
  }

  private static String text(List<Cidr> configured, List<AllowedCidr> dynamic) {
    StringBuilder s = new StringBuilder();
    configured.forEach(c -> s.append(c).append("  (configuration)\n"));
    dynamic.forEach(a -> s.append(InertText.of(line(a))).append('\n'));
    return s.isEmpty() ? "nothing is allow-listed" : s.toString().stripTrailing();
  }

  private static String line(AllowedCidr a) {
    return a.cidr() + "  by " + a.actor().describe() + " at " + a.at() + ": " + a.reason();
  }
}
