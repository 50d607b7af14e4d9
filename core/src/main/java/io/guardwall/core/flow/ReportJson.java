package io.guardwall.core.flow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.policy.IpDecision;
import io.guardwall.core.policy.Violation;
import io.guardwall.core.reconcile.ReconcileResult;
import io.guardwall.core.slack.SlackMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Renders reports and entries as the JSON documents the CLI and handlers print; thread-safe. */
public final class ReportJson {

  private ReportJson() {}

  public static ObjectNode event(EventReport e) {
    ObjectNode o = Jackson.objectNode();
    o.put("file", e.source());
    o.put("index", e.index());
    ArrayNode routes = o.putArray("routes");
    e.routes().stream().sorted().forEach(r -> routes.add(lower(r.name())));
    o.put("error", e.error());
    ArrayNode findings = o.putArray("findings");
    e.findings().forEach(f -> findings.add(finding(f)));
    return o;
  }

  static ObjectNode finding(FindingReport f) {
    ObjectNode o = Jackson.objectNode();
    o.put("id", f.id());
    o.put("type", f.type());
    o.put("severity", f.severity());
    o.put("error", f.error());
    ArrayNode ips = o.putArray("ips");
    f.ips().forEach(d -> ips.add(ip(d)));
    strings(o.putArray("warnings"), f.warnings());
    NotificationOutcome n = f.notification();
    o.put("notification", n == null ? null : n.describe());
    o.put("notificationStatus", n == null ? null : n.status());
    return o;
  }

  private static ObjectNode ip(IpDecision d) {
    ObjectNode o = Jackson.objectNode();
    o.put("address", d.ip().address().display());
    o.put("source", lower(d.ip().source().name()));
    o.put("decision", d.block() ? "block" : "skip");
    o.put("reason", d.reason());
    return o;
  }

  public static ObjectNode entry(BlocklistEntry e) {
    ObjectNode o = Jackson.objectNode();
    o.put("cidr", e.cidr().value());
    o.put("firstSeen", e.firstSeen().toString());
    o.put("lastSeen", e.lastSeen().toString());
    o.put("expiresAt", time(e.expiresAt()));
    o.put("hits", e.hits());
    o.put("highestSeverity", e.highestSeverity().name());
    strings(o.putArray("findingTypes"), e.findingTypes());
    strings(o.putArray("findingIds"), e.findingIds());
    strings(o.putArray("accounts"), e.accounts());
    strings(o.putArray("regions"), e.regions());
    ArrayNode origins = o.putArray("origins");
    e.origins().forEach(x -> origins.add(lower(x.name())));
    o.put("pinned", e.pinned());
    return o;
  }

  /** One audit record: when, who, what, on which CIDR, why, and what came of it. */
  public static ObjectNode audit(AuditRecord r) {
    ObjectNode o = Jackson.objectNode();
    o.put("at", r.at().toString());
    o.set("actor", actor(r.actor()));
    o.put("action", r.action().verb());
    o.put("cidr", r.cidr().value());
    o.put("reason", r.reason());
    o.put("done", r.done());
    o.put("status", r.status().name().toLowerCase(Locale.ROOT));
    o.put("outcome", r.outcome());
    return o;
  }

  /** An action's audit record, with the entries it changed or removed and what still blocks. */
  public static ObjectNode action(ActionOutcome outcome) {
    ObjectNode o = audit(outcome.record());
    ArrayNode entries = o.putArray("entries");
    outcome.entries().forEach(e -> entries.add(entry(e)));
    ArrayNode covered = o.putArray("coveredBy");
    outcome.coveredBy().forEach(c -> covered.add(c.value()));
    return o;
  }

  /** One CIDR of the dynamic allow-list. */
  public static ObjectNode allowed(AllowedCidr a) {
    ObjectNode o = Jackson.objectNode();
    o.put("cidr", a.cidr().value());
    o.put("reason", a.reason());
    o.set("actor", actor(a.actor()));
    o.put("at", a.at().toString());
    return o;
  }

  private static ObjectNode actor(Actor a) {
    ObjectNode o = Jackson.objectNode();
    o.put("source", lower(a.source().name()));
    o.put("id", a.id());
    o.put("name", a.name());
    return o;
  }

  /** What a reconcile rendered, what capacity left out and what the safety rule refused. */
  public static ObjectNode reconcile(ReconcileResult r) {
    ObjectNode o = Jackson.objectNode();
    o.put("updated", r.updated());
    o.set("ruleGroup", r.plan().ruleGroup());
    ObjectNode capacity = o.putObject("capacity");
    capacity.put("used", r.plan().capacityUsed()).put("total", r.plan().capacity());
    ArrayNode leftOut = o.putArray("leftOut");
    r.plan().evicted().forEach(e -> leftOut.add(entry(e)));
    ArrayNode refused = o.putArray("refused");
    r.plan().refused().forEach(v -> refused.add(violation(v)));
    return o;
  }

  /** A CIDR the safety rule refuses, and why. */
  public static ObjectNode violation(Violation v) {
    ObjectNode o = Jackson.objectNode();
    o.put("cidr", v.cidr().value());
    o.put("rule", lower(v.kind().name()));
    o.put("reason", v.message());
    return o;
  }

  public static ObjectNode notification(SlackMessage m) {
    ObjectNode o = Jackson.objectNode();
    o.put("kind", lower(m.kind().name()));
    o.put("findingId", m.findingId());
    o.set("payload", m.payload());
    return o;
  }

  private static void strings(ArrayNode array, Collection<String> values) {
    values.forEach(array::add);
  }

  private static @Nullable String time(@Nullable Instant t) {
    return t == null ? null : t.toString();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
