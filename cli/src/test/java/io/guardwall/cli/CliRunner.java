package io.guardwall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the CLI in-process and keeps what it printed. */
record CliRunner(int exitCode, String out, String err) {

  static CliRunner run(String... args) {
    return runWith(Map.of(), args);
  }

  /** Runs with {@code env} as the whole environment (SLACK_WEBHOOK_URL, GUARDWALL_STATE). */
  /** Runs {@code args} against the state file {@code state} ({@code --state} appended). */
  static CliRunner withState(java.nio.file.Path state, String... args) {
    String[] full = java.util.Arrays.copyOf(args, args.length + 2);
    full[args.length] = "--state";
    full[args.length + 1] = state.toString();
    return run(full);
  }

  static CliRunner runWith(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = GuardwallCli.commandLine(env);
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
