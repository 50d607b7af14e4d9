package io.guardwall.core.flow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.model.Actor;
import io.guardwall.core.model.AllowedCidr;
import io.guardwall.core.model.AuditRecord;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.CidrBudget;
import io.guardwall.core.policy.IpDecision;
import io.guardwall.core.policy.Violation;
import io.guardwall.core.reconcile.TargetReport;
import io.guardwall.core.reconcile.TargetsResult;
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

  /**
   * A reconcile ({@code wrote}) or status of every enforcement point: a {@code targets} array, one
   * object per target in the order configured.
   */
  public static ObjectNode targets(TargetsResult result, boolean wrote) {
    ObjectNode doc = Jackson.objectNode();
    ArrayNode targets = doc.putArray("targets");
    result.targets().forEach(t -> targets.add(target(t, wrote)));
    return doc;
  }

  /** What a target's report says it is: failed, updated or unchanged, in sync or out of sync. */
  public static String state(TargetReport t, boolean wrote) {
    if (t.failed()) {
      return "failed";
    }
    if (wrote) {
      return t.updated() ? "updated" : "unchanged";
    }
    return t.inSync() ? "in sync" : "out of sync";
  }

  private static ObjectNode target(TargetReport t, boolean wrote) {
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
    ArrayNode cidrs = o.putArray("cidrs");
    t.blocked().forEach(c -> cidrs.add(c.value()));
    ArrayNode missing = o.putArray("missing");
    t.missing().forEach(c -> missing.add(c.value()));
    ArrayNode extra = o.putArray("extra");
    t.extra().forEach(c -> extra.add(c.value()));
    ArrayNode evicted = o.putArray("evicted");
    t.evicted().forEach(e -> evicted.add(e.cidr().value()));
    ArrayNode refused = o.putArray("refused");
    t.refused().forEach(v -> refused.add(violation(v)));
    return o.put("error", t.error());
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
