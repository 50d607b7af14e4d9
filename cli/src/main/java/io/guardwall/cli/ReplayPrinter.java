package io.guardwall.cli;

import io.guardwall.core.flow.EventReport;

/** Prints a replay as it runs: each event as it is decided, then the end of the run. */
interface ReplayPrinter {

  void event(EventReport event);

  void end(ReplayCommand.ReplayResult result);
}
