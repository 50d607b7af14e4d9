package io.guardwall.cli;

import io.guardwall.core.reconcile.TargetReport;
import io.guardwall.core.reconcile.TargetsResult;
import java.io.PrintWriter;
import java.time.Clock;
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
    validate();
    Diagnostics diagnostics = Diagnostics.of(spec);
    try (Backend backend =
        Backend.of(options.config(), backendOptions, host(), clock, diagnostics::warning)) {
      return call(backend, new Output(spec.commandLine().getOut(), options.format));
    }
  }

  abstract int call(Backend backend, Output out);

  /**
   * Prints {@code result} of a reconcile ({@code wrote}) or status, a block per target, and names
   * each failed target on stderr; 1 when any failed or is not {@code ok}, else 0.
   */
  int perTarget(TargetsResult result, Output out, boolean wrote, Predicate<TargetReport> ok) {
    TargetsReport.print(out, result, wrote);
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
   * Brings every target to the desired state and says on stderr, a line per target, what it holds,
   * naming what its room left out, what the safety rule refused and why a target failed.
   */
  TargetsResult reconcile(Backend backend) {
    TargetsResult r = backend.guardwall.reconcile();
    PrintWriter err = spec.commandLine().getErr();
    r.targets().forEach(t -> err.println(TargetsReport.summary(t)));
    err.flush();
    return r;
  }
}
