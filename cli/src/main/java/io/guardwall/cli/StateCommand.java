package io.guardwall.cli;

import io.guardwall.core.reconcile.ReconcileResult;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
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
        Backend.of(options.config(), backendOptions, env(), clock, diagnostics::warning)) {
      return call(backend, new Output(spec.commandLine().getOut(), options.format));
    }
  }

  abstract int call(Backend backend, Output out);

  /** Checks the options before any store is opened; throws {@link UsageException}. */
  void validate() {}

  /** The environment the command runs in. */
  Map<String, String> env() {
    return GuardwallCli.env(spec);
  }

  /** Brings the rule group to the desired state and says what it holds on stderr. */
  ReconcileResult reconcile(Backend backend) {
    ReconcileResult r = backend.guardwall.reconciler().request();
    spec.commandLine()
        .getErr()
        .printf(
            "rule group%s: %d CIDRs, capacity used %d of %d%s%n",
            backend.dryRun ? " (dry run)" : r.updated() ? " updated" : " unchanged",
            r.plan().blocked().size(),
            r.plan().capacityUsed(),
            r.plan().capacity(),
            r.plan().evicted().isEmpty() ? "" : ", " + r.plan().evicted().size() + " left out");
    return r;
  }
}
