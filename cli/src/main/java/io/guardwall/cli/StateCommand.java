package io.guardwall.cli;

import io.guardwall.core.reconcile.ReconcileResult;
import io.guardwall.core.reconcile.RetryPolicy;
import io.guardwall.core.reconcile.TargetReport;
import io.guardwall.core.reconcile.TargetsReconciler;
import io.guardwall.core.reconcile.TargetsResult;
import io.guardwall.core.text.InertText;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of the commands that work on kept state: SQLite or DynamoDB, dry-run or real firewall. */
abstract class StateCommand implements Callable<Integer> {

  @Mixin CommonOptions options;
  @Mixin BackendOptions backendOptions;
  @Spec CommandSpec spec;

  final Clock clock = Clock.systemUTC();

  @Override
  public final Integer call() {
    if (backendOptions.severalTargets() && !takesSeveralTargets()) {
      throw new UsageException(
          "--firewall: only reconcile and status take several targets, prefix lists or WAF IP"
              + " sets");
    }
    validate();
    Diagnostics diagnostics = Diagnostics.of(spec);
    try (Backend backend =
        Backend.of(options.config(), backendOptions, host(), clock, diagnostics::warning)) {
      return call(backend, new Output(spec.commandLine().getOut(), options.format));
    }
  }

  abstract int call(Backend backend, Output out);

  /** Whether the command runs over several targets ({@code --firewall} given more than once). */
  boolean takesSeveralTargets() {
    return false;
  }

  /**
   * Reconciles ({@code write}) or compares every target {@code --firewall} names, prints a block
   * per target and names each failed one on stderr; 1 when any failed or is not {@code ok}, else 0.
   */
  int acrossTargets(Backend backend, Output out, boolean write, Predicate<TargetReport> ok) {
    List<String> specs = backendOptions.firewalls();
    boolean dryRun = specs.stream().allMatch(BackendOptions.DRY_RUN::equals);
    RetryPolicy retry = dryRun ? RetryPolicy.immediate(3) : RetryPolicy.defaults();
    TargetsReconciler reconciler = backend.guardwall.targets(backend.targets(specs), retry);
    TargetsResult result = write ? reconciler.reconcile() : reconciler.status();
    TargetsReport.print(out, result, write);
    Diagnostics diagnostics = Diagnostics.of(spec);
    result.failures().forEach(t -> diagnostics.error(String.valueOf(t.error())));
    return result.targets().stream().allMatch(t -> !t.failed() && ok.test(t)) ? 0 : 1;
  }

  /** Checks the options before any store is opened; throws {@link UsageException}. */
  void validate() {}

  /** What the command runs in. */
  Host host() {
    return GuardwallCli.host(spec);
  }

  /**
   * Brings the rule group to the desired state and says on stderr what it holds, naming what the
   * capacity left out and what the safety rule refused.
   */
  ReconcileResult reconcile(Backend backend) {
    return report(backend, backend.guardwall.reconcile());
  }

  /** Says on stderr what the rule group holds after {@code r}. */
  ReconcileResult report(Backend backend, ReconcileResult r) {
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "rule group%s: %d CIDRs, capacity used %d of %d%n",
        backend.dryRun ? " (dry run)" : r.updated() ? " updated" : " unchanged",
        r.plan().blocked().size(),
        r.plan().capacityUsed(),
        r.plan().capacity());
    List<String> leftOut = r.plan().evicted().stream().map(e -> e.cidr().value()).toList();
    if (!leftOut.isEmpty()) {
      err.printf("left out for capacity (%d): %s%n", leftOut.size(), Cli.abbreviate(leftOut));
    }
    r.plan()
        .refused()
        .forEach(v -> err.println("refused by the safety rule: " + InertText.of(v.message())));
    err.flush();
    return r;
  }
}
