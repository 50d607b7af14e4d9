package io.guardwall.aws;

import io.guardwall.core.model.Cidr;
import io.guardwall.core.port.EnforcementPoint;
import io.guardwall.core.port.FirewallConflictException;
import io.guardwall.core.port.FirewallException;
import io.guardwall.core.port.TargetKind;
import io.guardwall.core.port.TargetSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A Network Firewall stateless rule group as an enforcement point: guardwall's CIDRs are those its
 * source and destination rules both block, its room is what the other rules leave of the capacity,
 * halved (both families share it), and a write renders the CIDRs into the group with its update
 * token, everything else kept as it was. Thread-safe.
 */
final class NetworkFirewallTarget implements EnforcementPoint {

  private final String name;
  private final StatelessRuleGroup group;
  private final StatelessRuleGroupCodec codec;
  // The last group read, so that a write based on it needs no second DescribeRuleGroup.
  private final AtomicReference<@Nullable RuleGroupRead> lastRead = new AtomicReference<>();

  NetworkFirewallTarget(String name, StatelessRuleGroup group, StatelessRuleGroupCodec codec) {
    this.name = Objects.requireNonNull(name, "name");
    this.group = Objects.requireNonNull(group, "group");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public TargetKind kind() {
    return TargetKind.NETWORK_FIREWALL;
  }

  @Override
  public TargetSnapshot read() {
    RuleGroupRead read = group.describe();
    lastRead.set(read);
    try {
      return new TargetSnapshot(
          codec.blocked(read.ruleGroup()),
          codec.budget(read.ruleGroup(), read.capacity()),
          read.updateToken());
    } catch (IllegalArgumentException e) {
      throw new FirewallException("rule group " + name + " is not writable: " + e.getMessage(), e);
    }
  }

  @Override
  public void apply(TargetSnapshot base, List<Cidr> blocked) {
    base.requireFits(blocked);
    RuleGroupRead read = readFor(base);
    group.update(read, codec.render(read.ruleGroup(), blocked));
  }

  /** The group as {@code base} read it: a write renders into it, foreign rules and all. */
  private RuleGroupRead readFor(TargetSnapshot base) {
    RuleGroupRead read = lastRead.get();
    if (read == null || !read.updateToken().equals(base.version())) {
      read = group.describe();
    }
    if (!read.updateToken().equals(base.version())) {
      throw new FirewallConflictException(
          "rule group " + name + " changed since it was read", null);
    }
    return read;
  }

  @Override
  public String toString() {
    return "NetworkFirewallTarget[" + name + "]";
  }
}
