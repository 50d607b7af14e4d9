package io.guardwall.cli;

import static io.guardwall.cli.TextReport.inert;

import io.guardwall.core.flow.EventReport;
import io.guardwall.core.flow.FindingReport;
import io.guardwall.core.policy.IpDecision;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a replay as counts: events and findings, decisions per reason, the most often blocked
 * addresses and the rule group's size. Holds counts, not reports. Not thread-safe.
 */
final class ReplaySummary implements ReplayPrinter {

  static final int TOP = 10;
  static final int TRACKED = 10_000;
  private static final int SHOWN_FAILURES = 10;

  private final PrintWriter out;
  private final Map<String, Integer> decisions = new TreeMap<>();
  // Bounded: a backfill may block millions of distinct addresses.
  private final TopCounts blocked = new TopCounts(TRACKED);
  private final List<String> failures = new ArrayList<>();
  private long events;
  private long findings;
  private long failed;

  ReplaySummary(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void event(EventReport e) {
    events++;
    if (e.error() != null) {
      fail("event " + e.source() + " #" + e.index() + ": " + e.error());
    }
    e.findings().forEach(this::finding);
  }

  private void finding(FindingReport f) {
    findings++;
    if (f.error() != null) {
      fail("finding " + f.id() + ": " + f.error());
    }
    for (IpDecision d : f.ips()) {
      decisions.merge((d.block() ? "block  " : "skip   ") + d.reason(), 1, Integer::sum);
      if (d.block()) {
        blocked.add(d.ip().address().display());
      }
    }
  }

  private void fail(String what) {
    failed++;
    if (failures.size() < SHOWN_FAILURES) {
      failures.add(what);
    }
  }

  @Override
  public void end(ReplayCommand.ReplayResult result) {
    out.printf("Replayed %d events, %d findings; %d unreadable%n", events, findings, failed);
    failures.forEach(f -> out.println("  " + inert(f)));
    out.println("Decisions (addresses):");
    decisions.forEach((reason, n) -> out.printf("  %7d  %s%n", n, inert(reason)));
    List<Map.Entry<String, Long>> top = blocked.top(TOP);
    if (blocked.exact()) {
      out.printf("Top blocked addresses (%d of %d):%n", top.size(), blocked.distinct());
    } else {
      out.printf(
          "Top blocked addresses (%d of more than %d; counts may miss up to %d each):%n",
          top.size(), blocked.distinct(), blocked.maxDropped());
    }
    top.forEach(e -> out.printf("  %-39s %d findings%n", e.getKey(), e.getValue()));
    DryRunRuleGroup plan = result.rendered();
    out.printf(
        "Blocklist: %d active. Rule group (dry run): %d CIDRs after merging, capacity used %d of"
            + " %d, %d left out.%n",
        result.blocklist().size(),
        plan.blocked().size(),
        plan.capacityUsed(),
        plan.capacity(),
        plan.evicted().size());
    out.printf("Slack messages: %d%n", result.messageCount());
    result.errors().forEach(e -> out.println("error: " + inert(e)));
    out.flush();
  }
}
