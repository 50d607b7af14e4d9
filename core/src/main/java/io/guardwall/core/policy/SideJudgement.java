package io.guardwall.core.policy;

import io.guardwall.core.model.Finding;
import io.guardwall.core.model.RemoteIp;
import io.guardwall.core.model.ResourceRole;
import io.guardwall.core.text.InertText;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the finding's type ({@link ThreatSides}), resource role and connection direction say about
 * one remote address: the attacker, the workload's victim or peer, or an API caller not known to be
 * hostile; immutable.
 *
 * @param detail what the finding says, for the reason; null when there is nothing to add
 * @param resource the finding's resource, to name what to isolate; may be null
 */
record SideJudgement(Verdict verdict, @Nullable String detail, @Nullable String resource) {

  /** Whether the remote address is the attacker. */
  enum Verdict {
    ATTACKER,
    WORKLOAD_ACTS,
    CALLER
  }

  SideJudgement {
    Objects.requireNonNull(verdict, "verdict");
  }

  static SideJudgement of(Finding finding, RemoteIp ip) {
    return of(finding, ip.direction());
  }

  /** The judgement for a remote address seen in {@code direction} (null when not known). */
  static SideJudgement of(Finding finding, @Nullable String direction) {
    ThreatSides.Row row = ThreatSides.rowFor(finding.type());
    String resource = finding.resource();
    return switch (row.side()) {
      case REMOTE -> new SideJudgement(Verdict.ATTACKER, row.why(), resource);
      case WORKLOAD -> new SideJudgement(Verdict.WORKLOAD_ACTS, row.why(), resource);
      case CALLER -> new SideJudgement(Verdict.CALLER, row.why(), resource);
      case BY_ROLE -> byRole(row, finding.resourceFacts().role(), direction, resource);
    };
  }

  /** ACTOR or an outbound connection: the workload acts and the remote may be its victim. */
  private static SideJudgement byRole(
      ThreatSides.Row row,
      ResourceRole role,
      @Nullable String direction,
      @Nullable String resource) {
    String what = ThreatSides.DEFAULT.equals(row) ? "" : ", " + row.why();
    if (role == ResourceRole.ACTOR) {
      return new SideJudgement(Verdict.WORKLOAD_ACTS, "resourceRole ACTOR" + what, resource);
    }
    if (isOutbound(direction)) {
      return new SideJudgement(Verdict.WORKLOAD_ACTS, "outbound connection" + what, resource);
    }
    String detail =
        !ThreatSides.DEFAULT.equals(row)
            ? row.why() + " against the workload"
            : role == ResourceRole.TARGET ? "resourceRole TARGET" : null;
    return new SideJudgement(Verdict.ATTACKER, detail, resource);
  }

  boolean attacker() {
    return verdict == Verdict.ATTACKER;
  }

  boolean workloadActs() {
    return verdict == Verdict.WORKLOAD_ACTS;
  }

  /** Why the address is or is not the threat, for a decision. */
  String reason() {
    return switch (verdict) {
      case ATTACKER -> detail == null ? "" : detail;
      case WORKLOAD_ACTS ->
          "the workload is the actor ("
              + detail
              + "): this address may be its victim, not the attacker; consider isolating "
              + isolate();
      case CALLER ->
          detail
              + ": the caller is not known to be hostile, and a VPC firewall does not stop AWS"
              + " API calls";
    };
  }

  /** The sentence a finding alert carries when the workload is the actor. */
  String alertNote() {
    return "The workload is the actor ("
        + detail
        + "): its remote addresses may be victims, not attackers. Consider isolating "
        + isolate()
        + ".";
  }

  private String isolate() {
    return resource == null || resource.isBlank()
        ? "the affected resource"
        : InertText.of(resource);
  }

  private static boolean isOutbound(@Nullable String direction) {
    String d = direction == null ? "" : direction.strip().toUpperCase(Locale.ROOT);
    return d.equals("OUTBOUND") || d.equals("OUT");
  }
}
