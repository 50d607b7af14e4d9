package io.guardwall.core.config;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * guardwall's settings, with the documented defaults; immutable and validated. Read from JSON with
 * {@link ConfigReader}.
 *
 * @param blockDuration how long a sighting blocks an address, counted from processing (at most
 *     {@link Durations#MAX}, as {@code notificationMemory})
 * @param notifyThreshold findings at or above it are sent to Slack
 * @param apiBlockThreshold API-call, EKS and RDS findings block only at or above it
 * @param allowList CIDRs never blocked, on top of the non-public ranges
 * @param accounts accounts whose findings are accepted; empty accepts all
 * @param blockSamples whether sample findings block (they are always labelled as samples)
 * @param blockVictims whether remote addresses a finding does not name as the attacker block too:
 *     the targets and peers of a workload that acts, API callers not known to be hostile
 * @param notificationMemory how long a notified finding is remembered for de-duplication
 * @param firewall where guardwall's rules go in the rule group
 * @param maxBlockWidth the widest CIDR that may be blocked, per address family
 */
public record GuardwallConfig(
    Duration blockDuration,
    SeverityLevel notifyThreshold,
    SeverityLevel apiBlockThreshold,
    List<Cidr> allowList,
    Set<String> accounts,
    boolean blockSamples,
    boolean blockVictims,
    Duration notificationMemory,
    FirewallSettings firewall,
    BlockWidth maxBlockWidth) {

  public GuardwallConfig {
    Durations.requireWithin(blockDuration, "blockDuration", Durations.MAX);
    Durations.requireWithin(notificationMemory, "notificationMemory", Durations.MAX);
    Objects.requireNonNull(notifyThreshold, "notifyThreshold");
    Objects.requireNonNull(apiBlockThreshold, "apiBlockThreshold");
    Objects.requireNonNull(firewall, "firewall");
    Objects.requireNonNull(maxBlockWidth, "maxBlockWidth");
    allowList = List.copyOf(allowList);
    accounts = Set.copyOf(accounts);
  }

  /** The defaults documented in the README. */
  public static GuardwallConfig defaults() {
    return new GuardwallConfig(
        Duration.ofHours(12),
        SeverityLevel.MEDIUM,
        SeverityLevel.MEDIUM,
        List.of(),
        Set.of(),
        true,
        false,
        Duration.ofDays(7),
        FirewallSettings.defaults(),
        BlockWidth.defaults());
  }

  /**
   * Whether findings of {@code accountId} are accepted: any, even an unknown (null) account, when
   * no accounts are configured; otherwise only a listed one.
   */
  public boolean accepts(String accountId) {
    return accounts.isEmpty() || (accountId != null && accounts.contains(accountId));
  }
}
