package io.guardwall.core.config;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.model.SeverityLevel;
import io.guardwall.core.text.InertText;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * guardwall's settings, with the documented defaults; immutable and validated. Its components are
 * the configuration file's keys: {@link ConfigReader} reads it and {@link ConfigWriter} writes it.
 *
 * @param blockDuration how long a sighting blocks an address, counted from processing (at most
 *     {@link Durations#MAX}, as {@code notificationMemory})
 * @param notifyThreshold findings at or above it are sent to Slack
 * @param apiBlockThreshold API-call, EKS and RDS findings block only at or above it
 * @param allowList CIDRs never blocked, on top of the non-public ranges
 * @param accounts the 12-digit accounts whose findings are accepted, sorted; empty accepts all
 * @param blockSamples whether sample findings block (they are always labelled as samples)
 * @param blockVictims whether remote addresses a finding does not name as the attacker block too:
 *     the targets and peers of a workload that acts, API callers not known to be hostile
 * @param notificationMemory how long a notified finding is remembered for de-duplication
 * @param firewall where guardwall's rules go in the rule group
 * @param maxBlockWidth the widest CIDR that may be blocked, per address family
 * @param extendBy how much later {@code extend} moves an entry's expiry when no duration is given
 *     (at most {@link Durations#MAX})
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
    BlockWidth maxBlockWidth,
    Duration extendBy) {

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  public GuardwallConfig {
    Durations.requireWithin(blockDuration, "blockDuration", Durations.MAX);
    Durations.requireWithin(notificationMemory, "notificationMemory", Durations.MAX);
    Durations.requireWithin(extendBy, "extendBy", Durations.MAX);
    Objects.requireNonNull(notifyThreshold, "notifyThreshold");
    Objects.requireNonNull(apiBlockThreshold, "apiBlockThreshold");
    Objects.requireNonNull(firewall, "firewall");
    Objects.requireNonNull(maxBlockWidth, "maxBlockWidth");
    allowList = List.copyOf(allowList);
    accounts = accountIds(accounts);
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
        BlockWidth.defaults(),
        Duration.ofHours(24));
  }

  // Sorted, so that the configuration is written the same way every time.
  private static Set<String> accountIds(Set<String> accounts) {
    for (String account : accounts) {
      if (account == null || !ACCOUNT_ID.matcher(account).matches()) {
        throw new IllegalArgumentException(
            "accounts must be 12-digit AWS account IDs: " + InertText.of(account));
      }
    }
    return Collections.unmodifiableSortedSet(new TreeSet<>(accounts));
  }

  /**
   * Whether findings of {@code accountId} are accepted: any, even an unknown (null) account, when
   * no accounts are configured; otherwise only a listed one.
   */
  public boolean accepts(@Nullable String accountId) {
    return accounts.isEmpty() || (accountId != null && accounts.contains(accountId));
  }
}
