package io.guardwall.cli;

import picocli.CommandLine.Command;

/** {@code guardwall list}: the active blocklist entries. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists the active blocklist entries (pinned or not yet expired).")
final class ListCommand extends StateCommand {

  @Override
  int call(Backend backend, Output out) {
    out.entries(backend.store.listActive(clock.instant()), clock.instant());
    return 0;
  }
}
