package io.guardwall.bench;

import io.guardwall.aws.NetworkFirewallRendering;
import io.guardwall.aws.RuleGroupLayout;
import io.guardwall.core.config.GuardwallConfig;
import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import io.guardwall.core.plan.StatelessCapacity;
import io.guardwall.core.plan.TargetSelector;
import io.guardwall.core.policy.SafetyRule;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Time to render the desired state into a rule group: 15,000 entries into the largest stateless
 * group (capacity 30,000, so everything fits), and into a group a third that size (evictions). It
 * covers what fits (core's selection) and the Network Firewall rendering (aws) shown as JSON.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RenderBenchmark extends Protocol {

  @Param({"30000", "10000"})
  public int capacity;

  private final TargetSelector selector =
      new TargetSelector(SafetyRule.of(GuardwallConfig.defaults()));
  private final RuleGroupLayout layout = RuleGroupLayout.defaults();
  private List<BlocklistEntry> entries;

  @Setup
  public void setUp() {
    entries = SyntheticEvents.entries(15_000, 11);
  }

  @Benchmark
  public Object render15000() {
    List<Cidr> blocked =
        selector.select(entries, StatelessCapacity.ofEmptyGroup(capacity)).blocked();
    return NetworkFirewallRendering.ofEmptyGroup(layout, blocked).ruleGroupJson();
  }
}
