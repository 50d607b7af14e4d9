package io.guardwall.core.policy;

import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.Finding;
import io.guardwall.core.model.IpSource;
import io.guardwall.core.model.RemoteIp;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.text.InertText;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides what guardwall does with a finding: which remote addresses to block and whether to send
 * an alert; immutable and thread-safe.
 */
public final class Policy {

  /** Sources that show the address talking to the workload: blocked at any severity. */
  private static final Set<IpSource> TRAFFIC =
      EnumSet.of(IpSource.NETWORK_CONNECTION, IpSource.PORT_PROBE);

  private final GuardwallConfig config;
  private final Supplier<SafetyRule> safety;

  public Policy(GuardwallConfig config) {
    this(config, () -> SafetyRule.of(config));
  }

  /** The policy judging addresses by the rule {@code safety} supplies at each decision. */
  public Policy(GuardwallConfig config, Supplier<SafetyRule> safety) {
    this.config = config;
    this.safety = safety;
  }

  /**
   * One decision per remote address of {@code finding}, in order; {@code routed} tells whether the
   * finding matched the block route.
   */
  public List<IpDecision> decide(Finding finding, boolean routed) {
    Optional<String> findingSkip = blockSkipReason(finding, routed);
    return finding.remoteIps().stream()
        .map(
            ip -> findingSkip.map(r -> IpDecision.skip(ip, r)).orElseGet(() -> decide(finding, ip)))
        .toList();
  }

  /**
   * Why {@code finding} is not worth an alert, or empty when it is (subject to de-duplication);
   * {@code routed} tells whether the finding matched the notify route.
   */
  public Optional<String> notifySkipReason(Finding finding, boolean routed) {
    Optional<String> common = commonSkipReason(finding);
    if (common.isPresent()) {
      return common;
    }
    if (!meetsNotifyThreshold(finding)) {
      return Optional.of(
          "severity "
              + finding.severity().level()
              + " is below the notify threshold "
              + config.notifyThreshold());
    }
    return routed ? Optional.empty() : Optional.of("finding does not match the notify route");
  }

  /**
   * A sentence for {@code finding}'s alert when the workload, not the remote, is the actor (a port
   * scan by the instance, outbound brute force, ...); empty otherwise.
   */
  public Optional<String> actorNote(Finding finding) {
    return ThreatSides.actorNote(finding);
  }

  /** Whether {@code finding}'s severity is at or above the notify threshold. */
  public boolean meetsNotifyThreshold(Finding finding) {
    return finding.severity().level().atLeast(config.notifyThreshold());
  }

  private Optional<String> blockSkipReason(Finding finding, boolean routed) {
    Optional<String> common = commonSkipReason(finding);
    if (common.isPresent()) {
      return common;
    }
    if (finding.type().startsWith("Policy:")) {
      return Optional.of("Policy findings never block");
    }
    if (finding.sample() && !config.blockSamples()) {
      return Optional.of("sample finding (blockSamples is off)");
    }
    return routed ? Optional.empty() : Optional.of("finding does not match the block route");
  }

  private Optional<String> commonSkipReason(Finding finding) {
    if (finding.archived()) {
      return Optional.of("finding is archived, suppressed or resolved");
    }
    if (!config.accepts(finding.accountId())) {
      return Optional.of(
          finding.accountId() == null
              ? "finding names no account, and only the configured accounts are accepted"
              : "account " + finding.accountId() + " is not in the accepted accounts");
    }
    return Optional.empty();
  }

  private IpDecision decide(Finding finding, RemoteIp ip) {
    Optional<String> addressSkip = addressSkipReason(ip).or(() -> ownAddress(finding, ip));
    if (addressSkip.isPresent()) {
      return IpDecision.skip(ip, addressSkip.get());
    }
    SideJudgement side = SideJudgement.of(finding, ip);
    if (!side.attacker() && !config.blockVictims()) {
      return IpDecision.skip(ip, side.reason() + " (blockVictims is off)");
    }
    SeverityLevel level = finding.severity().level();
    if (!TRAFFIC.contains(ip.source()) && !level.atLeast(config.apiBlockThreshold())) {
      return IpDecision.skip(
          ip,
          describe(ip)
              + " at "
              + level
              + " is below the block threshold "
              + config.apiBlockThreshold());
    }
    return IpDecision.block(ip, describe(ip) + " at " + level + because(side));
  }

  /** Never the finding's own resource: blocking it would cut off the workload itself. */
  private static Optional<String> ownAddress(Finding finding, RemoteIp ip) {
    String resource =
        finding.resource() == null ? "the resource" : InertText.of(finding.resource());
    return finding
        .resourceFacts()
        .owning(ip.address())
        .map(
            own ->
                "own address of the finding's resource ("
                    + resource
                    + " has "
                    + own.display()
                    + ")");
  }

  private static String because(SideJudgement side) {
    String reason = side.reason();
    String blocked = side.attacker() ? "" : " (blocked: blockVictims is on)";
    return reason.isEmpty() ? blocked : "; " + reason + blocked;
  }

  private Optional<String> addressSkipReason(RemoteIp ip) {
    return safety.get().check(ip.address()).map(Violation::message);
  }

  private static String describe(RemoteIp ip) {
    String what = ip.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return ip.direction() == null ? what : what + " " + ip.direction();
  }
}
