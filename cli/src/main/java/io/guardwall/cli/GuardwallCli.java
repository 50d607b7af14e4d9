package io.guardwall.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code guardwall} command: one subcommand per operation. */
@Command(
    name = "guardwall",
    mixinStandardHelpOptions = true,
    version = "guardwall 0.1.0",
    description =
        "Blocks attacking IPs from GuardDuty findings in Network Firewall, with Slack alerts.",
    subcommands = {
      ReplayCommand.class,
      ListCommand.class,
      BlockCommand.class,
      UnblockCommand.class,
      ReconcileCommand.class,
      StatusCommand.class,
      ProcessCommand.class,
      InitCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GuardwallCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line; returns the exit code (0 ok, 1 the work failed, 2 bad usage). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, for callers that redirect its output. */
  public static CommandLine commandLine() {
    return new CommandLine(new GuardwallCli())
        .setExecutionExceptionHandler(new ErrorHandler())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
