package io.guardwall.cli;

import io.guardwall.core.flow.EventReport;
import io.guardwall.core.flow.FindingReport;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.policy.IpDecision;
import io.guardwall.core.slack.SlackMessage;
import io.guardwall.core.text.InertText;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The human-readable form of command results; a replay's events are printed as they come. */
final class TextReport implements ReplayPrinter {

  private final PrintWriter out;

  TextReport(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void end(ReplayCommand.ReplayResult result) {
    List<SlackMessage> sent = result.messages();
    out.println();
    entries(result.blocklist(), Instant.now());
    out.println();
    ruleGroup(result.rendered());
    out.println();
    out.printf("Slack messages (%d):%n", sent.size());
    sent.forEach(this::message);
    if (!result.errors().isEmpty()) {
      out.println();
      out.println("Errors:");
      result.errors().forEach(e -> out.println("  " + inert(e)));
    }
    out.flush();
  }

  @Override
  public void event(EventReport e) {
    String routes =
        e.routes().isEmpty()
            ? "no route (ignored)"
            : e.routes().stream()
                .sorted()
                .map(r -> r.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    out.printf(
        "%s #%d: %s%n",
        inert(e.source()), e.index(), e.error() != null ? "ERROR " + inert(e.error()) : routes);
    e.findings().forEach(this::finding);
  }

  private void finding(FindingReport f) {
    out.printf("  finding %s  %s  %s%n", inert(f.id()), inert(f.type()), inert(f.severity()));
    if (f.error() != null) {
      out.println("    ERROR " + inert(f.error()));
    }
    f.warnings().forEach(w -> out.println("    warning: " + inert(w)));
    for (IpDecision d : f.ips()) {
      out.printf(
          "    %-5s %-39s %s%n",
          d.block() ? "block" : "skip", d.ip().address().display(), inert(d.reason()));
    }
    if (f.notification() != null) {
      out.println("    slack: " + inert(f.notification().describe()));
    }
  }

  void process(com.fasterxml.jackson.databind.JsonNode summary) {
    out.printf(
        "processed %d events, %d findings; %d addresses newly blocked; %d reconciles%n",
        summary.get("events").asInt(),
        summary.get("findings").asInt(),
        summary.get("newlyBlocked").size(),
        summary.get("reconciles").asInt());
    summary
        .get("failedEvents")
        .forEach(
            e ->
                out.printf(
                    "  event %s #%s: %s%n",
                    inert(e.get("file").asText()), e.get("index"), inert(e.get("error").asText())));
    summary.get("failedFindings").forEach(f -> out.println("  finding " + inert(f.asText())));
    summary.get("errors").forEach(e -> out.println("  error: " + inert(e.asText())));
    out.flush();
  }

  void entries(List<BlocklistEntry> entries, Instant now) {
    out.printf("Blocklist (%d active):%n", entries.size());
    for (BlocklistEntry e : entries) {
      out.printf(
          "  %-43s %-8s hits %-4d %s  %s%n",
          e.cidr(),
          e.highestSeverity(),
          e.hits(),
          e.pinned() ? "pinned" : "expires " + e.expiresAt(),
          inert(String.join(",", e.findingTypes())));
    }
    out.flush();
  }

  private void ruleGroup(DryRunRuleGroup plan) {
    out.printf(
        "Rule group (dry run; capacity used %d of %d, %d CIDRs after merging):%n",
        plan.capacityUsed(), plan.capacity(), plan.blocked().size());
    if (!plan.evicted().isEmpty()) {
      out.printf("  LEFT OUT for capacity: %d entries%n", plan.evicted().size());
    }
    out.println(pretty(plan.ruleGroup()));
  }

  private void message(SlackMessage m) {
    out.printf("  [%s %s]%n", m.kind().name().toLowerCase(Locale.ROOT), inert(m.findingId()));
    out.println(pretty(m.payload()));
  }

  private static String pretty(Object json) {
    return InertJson.pretty(json);
  }

  // Every value below can come from a finding, a file name or a store; none may start a line of
  // its own or send a terminal escape sequence.
  static String inert(Object value) {
    return value == null ? "" : InertText.of(value.toString());
  }
}
