package io.guardwall.cli;

import io.guardwall.core.flow.ReportJson;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.text.InertText;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code guardwall history}: the audit trail. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description =
        "Lists the actions people took (unblock, extend, pin, allow, disallow), oldest"
            + " first: when, who, what, on which CIDR, why, and the outcome.")
final class HistoryCommand extends StateCommand {

  @Option(
      names = "--since",
      paramLabel = "INSTANT",
      description = "Only actions at or after this ISO-8601 instant (2026-11-20T00:00:00Z).")
  Instant since;

  @Option(
      names = "--cidr",
      paramLabel = "CIDR",
      description = "Only actions on CIDRs that overlap this one.")
  String cidr;

  @Override
  int call(Backend backend, Output out) {
    List<AuditRecord> records =
        backend
            .guardwall
            .actions()
            .history(since == null ? Instant.EPOCH : since, cidr == null ? null : Cli.cidr(cidr));
    var doc = Jackson.arrayNode();
    records.forEach(r -> doc.add(ReportJson.audit(r)));
    out.document(doc, text(records));
    return 0;
  }

  private static String text(List<AuditRecord> records) {
    StringBuilder s = new StringBuilder();
    records.forEach(r -> s.append(InertText.of(r.at() + "  " + r.describe())).append('\n'));
    return s.isEmpty() ? "no actions recorded" : s.toString().stripTrailing();
  }
}
