package io.guardwall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.flow.ReportJson;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.BlocklistEntry;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** Prints command results on stdout, as text for a person or as one JSON document. */
final class Output {

  private final PrintWriter out;
  private final Format format;

  Output(PrintWriter out, Format format) {
    this.out = out;
    this.format = format;
  }

  /** A printer for a replay's events and end, in this output's format or as a summary. */
  ReplayPrinter replay(boolean summary) {
    if (summary) {
      return new ReplaySummary(out);
    }
    return format == Format.JSON ? new JsonReplay(out) : new TextReport(out);
  }

  /** A replay's JSON after its {@code events} array. */
  static ObjectNode replayEnd(ReplayCommand.ReplayResult result) {
    DryRunRuleGroup plan = result.rendered();
    ObjectNode doc = Jackson.objectNode();
    doc.set("blocklist", entries(result.blocklist()));
    doc.set("ruleGroup", plan.ruleGroup());
    ObjectNode capacity = doc.putObject("capacity");
    capacity.put("used", plan.capacityUsed()).put("total", plan.capacity());
    ArrayNode evicted = capacity.putArray("evicted");
    plan.evicted().forEach(e -> evicted.add(e.cidr().value()));
    ArrayNode notifications = doc.putArray("notifications");
    result.messages().forEach(m -> notifications.add(ReportJson.notification(m)));
    ArrayNode errors = doc.putArray("errors");
    result.errors().forEach(errors::add);
    return doc;
  }

  void process(ProcessCommand.ProcessSummary s) {
    ObjectNode doc = Jackson.objectNode();
    doc.put("events", s.tally().events());
    doc.put("findings", s.tally().findings());
    ArrayNode failed = doc.putArray("failedEvents");
    s.tally().failedEvents().forEach(e -> failed.add(ReportJson.event(e)));
    ArrayNode failedFindings = doc.putArray("failedFindings");
    s.tally().failedFindings().forEach(f -> failedFindings.add(f.id() + ": " + f.error()));
    ArrayNode blocked = doc.putArray("newlyBlocked");
    s.run().newlyBlocked().forEach(b -> blocked.add(b.cidr().value()));
    doc.put("reconciles", s.reconciles());
    ArrayNode errors = doc.putArray("errors");
    s.errors().forEach(errors::add);
    if (format == Format.JSON) {
      json(doc);
    } else {
      new TextReport(out).process(doc);
    }
  }

  void entries(List<BlocklistEntry> entries, Instant now) {
    if (format == Format.JSON) {
      json(entries(entries));
    } else {
      new TextReport(out).entries(entries, now);
    }
  }

  /** One line of text, or a JSON object holding {@code key: value}. */
  void message(String key, JsonNode value, String text) {
    if (format == Format.JSON) {
      json(Jackson.objectNode().set(key, value));
    } else {
      out.println(text);
    }
    out.flush();
  }

  /** A text report for a person, or {@code json} as the one JSON document. */
  void document(JsonNode json, String text) {
    if (format == Format.JSON) {
      json(json);
    } else {
      out.println(text);
    }
    out.flush();
  }

  static ArrayNode entries(List<BlocklistEntry> entries) {
    ArrayNode array = Jackson.arrayNode();
    entries.forEach(e -> array.add(ReportJson.entry(e)));
    return array;
  }

  private void json(JsonNode doc) {
    out.println(InertJson.pretty(doc));
    out.flush();
  }
}
