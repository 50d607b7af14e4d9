package io.guardwall.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

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
      ExtendCommand.class,
      PinCommand.class,
      AllowCommand.class,
      DisallowCommand.class,
      AllowedCommand.class,
      HistoryCommand.class,
      ReconcileCommand.class,
      StatusCommand.class,
      ProcessCommand.class,
      InitCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GuardwallCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Host host;

  GuardwallCli(Host host) {
    this.host = host;
  }

  public static void main(String[] args) {
    // UTF-8 whatever the locale: under LANG=C Java would print every non-ASCII character as '?'.
    PrintStream out = utf8(FileDescriptor.out);
    PrintStream err = utf8(FileDescriptor.err);
    System.setOut(out);
    System.setErr(err);
    CommandLine cli = commandLine();
    cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    System.exit(cli.execute(args));
  }

  /** Runs a command line; returns the exit code (0 ok, 1 the work failed, 2 bad usage). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, for callers that redirect its output. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** The command line with {@code env} as its environment (SLACK_WEBHOOK_URL, GUARDWALL_STATE). */
  static CommandLine commandLine(Map<String, String> env) {
    return commandLine(Host.of(env));
  }

  /** The command line run in {@code host}'s environment and on its clock. */
  static CommandLine commandLine(Host host) {
    return new CommandLine(new GuardwallCli(host))
        .setExecutionExceptionHandler(new ErrorHandler())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** What the command line {@code spec} belongs to runs in. */
  static Host host(CommandSpec spec) {
    return ((GuardwallCli) spec.root().userObject()).host;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  private static PrintStream utf8(FileDescriptor fd) {
    return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
  }
}
