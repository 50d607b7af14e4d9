package io.guardwall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.slack.FakeTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the CLI in-process and keeps what it printed; Slack's pace runs on a fake clock unless the
 * caller passes its own {@link Host}, so no run waits on the real one.
 */
record CliRunner(int exitCode, String out, String err) {

  static CliRunner run(String... args) {
    return runWith(Map.of(), args);
  }

  /** Runs {@code args} against the state file {@code state} ({@code --state} appended). */
  static CliRunner withState(java.nio.file.Path state, String... args) {
    String[] full = java.util.Arrays.copyOf(args, args.length + 2);
    full[args.length] = "--state";
    full[args.length + 1] = state.toString();
    return run(full);
  }

  /** Runs with {@code env} as the whole environment (SLACK_WEBHOOK_URL, GUARDWALL_STATE). */
  static CliRunner runWith(Map<String, String> env, String... args) {
    return runIn(new Host(env, FakeTime.advancing()), args);
  }

  /** Runs in {@code host}: its environment, and the clock Slack's pace waits on. */
  static CliRunner runIn(Host host, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = GuardwallCli.commandLine(host);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CliRunner(code, out.toString(), err.toString());
  }

  JsonNode json() {
    try {
      return new ObjectMapper().readTree(out);
    } catch (Exception e) {
      throw new AssertionError("stdout is not one JSON document:\n" + out, e);
    }
  }
}
