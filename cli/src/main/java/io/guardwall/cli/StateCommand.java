package io.guardwall.cli;

import io.guardwall.core.reconcile.ReconcileResult;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of the commands that work on a kept state file against the dry-run firewall. */
abstract class StateCommand implements Callable<Integer> {

  @Mixin CommonOptions options;
  @Mixin StateOption state;
  @Spec CommandSpec spec;

  final Clock clock = Clock.systemUTC();

  @Override
  public final Integer call() {
    try (LocalBackend backend =
        new LocalBackend(options.config(), state.file, System.getenv(), clock)) {
      return call(backend, new Output(spec.commandLine().getOut(), options.format));
    }
  }

  abstract int call(LocalBackend backend, Output out);

  /** Renders the desired state into the dry-run rule group and says so on stderr. */
  ReconcileResult reconcile(LocalBackend backend) {
    ReconcileResult r = backend.guardwall.reconciler().request();
    spec.commandLine()
        .getErr()
        .printf(
            "rule group (dry run): %d CIDRs, capacity used %d of %d%s%n",
            r.plan().blocked().size(),
            r.plan().capacityUsed(),
            r.plan().capacity(),
            r.plan().evicted().isEmpty() ? "" : ", " + r.plan().evicted().size() + " left out");
    return r;
  }
}
