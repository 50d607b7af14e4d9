package io.guardwall.bench;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.plan.RuleGroupLayout;
import io.guardwall.core.plan.RuleGroupPlan;
import io.guardwall.core.plan.RuleGroupPlanner;
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
 * group (capacity 30,000, so everything fits), and into a group a third that size (evictions).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RenderBenchmark extends Protocol {

  @Param({"30000", "10000"})
  public int capacity;

  private final RuleGroupPlanner planner =
      new RuleGroupPlanner(
          RuleGroupLayout.defaults(),
          io.guardwall.core.policy.SafetyRule.of(
              io.guardwall.core.config.GuardwallConfig.defaults()));
  private List<BlocklistEntry> entries;

  @Setup
  public void setUp() {
    entries = SyntheticEvents.entries(15_000, 11);
  }

  @Benchmark
  public RuleGroupPlan render15000() {
    return planner.plan(entries, null, capacity);
  }
}
