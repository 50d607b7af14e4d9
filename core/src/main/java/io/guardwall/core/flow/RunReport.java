package io.guardwall.core.flow;

import io.guardwall.core.reconcile.TargetsResult;
import io.guardwall.core.slack.BlockedIp;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The end of a run: the reconcile (null when nothing changed), the addresses newly blocked, and
 * what went wrong; immutable.
 */
public record RunReport(
    @Nullable TargetsResult reconcile, List<BlockedIp> newlyBlocked, List<String> errors) {

  public RunReport {
    newlyBlocked = List.copyOf(newlyBlocked);
    errors = List.copyOf(errors);
  }
}
