package io.guardwall.cli;

import com.fasterxml.jackson.databind.node.TextNode;
import io.guardwall.core.text.InertText;
import picocli.CommandLine.Command;

/** {@code guardwall init}: creates the store when it is missing. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the store when it is missing: the DynamoDB table (key pk, on-demand, TTL on"
          + " expiresAt, index audit, as the CDK stack creates it) or the SQLite file; adds the"
          + " audit index to a DynamoDB table created by an older init."
    })
final class InitCommand extends StateCommand {

  @Override
  int call(Backend backend, Output out) {
    backend.init();
    String store = backendOptions.storeSpec(host().env());
    out.message("store", TextNode.valueOf(store), "ready: " + InertText.of(store));
    return 0;
  }
}
