package io.guardwall.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guardwall.cli.HostileCorpus.HostileFile;
import io.guardwall.core.testing.CidrInterval;
import io.guardwall.core.testing.NeverRendered;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Replays one corpus file against a copy of the seeded state, as JSON and as text, and lists every
 * way the outcome breaks the corpus's promises; one instance per file, not thread-safe.
 */
final class HostileFileCheck {

  /** What the state holds before every file: a pinned address and a timed /48. */
  static final List<String> SEEDED = List.of("198.51.100.200/32", "2001:db8:feed::/48");

  /** Documentation ranges the corpus uses only where blocking would be wrong. */
  static final List<String> CORPUS_NEVER = List.of("192.0.2.0/24", "2001:db8:bad::/48");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final HostileFile file;
  private final List<String> expected;
  private final Path state;
  private final List<String> problems = new ArrayList<>();

  HostileFileCheck(HostileFile file, List<String> expected, Path state) {
    this.file = file;
    this.expected = expected;
    this.state = state;
  }

  /** Every problem found; empty when the file is handled as the corpus demands. */
  List<String> problems() {
    CapturedRun replay = run("replay json", "replay", "--format", "json");
    text("replay text", run("replay text", "replay", "--format", "text"));
    CapturedRun list = run("list json", "list", "--format", "json");
    if (file.folder().equals("hostile-text")) {
      // The state keeps a finding's type: `list` must print it as inert as the replay did.
      text("list text", run("list text", "list", "--format", "text"));
    }
    json("replay json", replay).ifPresent(this::checkReport);
    json("list json", list).ifPresent(this::checkState);
    return problems.stream().distinct().toList();
  }

  private CapturedRun run(String label, String... command) {
    CapturedRun r = CapturedRun.of(arguments(command));
    if (r.thrown() != null) {
      problems.add(label + ": threw " + r.thrown());
      return r;
    }
    if (r.loggedThrowable()) {
      problems.add(label + ": logged a stack trace");
    }
    if (r.cli().exitCode() < 0 || r.cli().exitCode() > 2) {
      problems.add(label + ": exit code " + r.cli().exitCode());
    }
    problems.addAll(TerminalHygiene.crashProblems(label, r.everything()));
    problems.addAll(TerminalHygiene.textProblems(label + " diagnostics", r.diagnostics()));
    return r;
  }

  private String[] arguments(String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--state", state.toString()));
    if (file.config() != null) {
      args.addAll(List.of("--config", file.config().toString()));
    }
    if (command[0].equals("replay")) {
      args.add(file.path().toString());
    }
    return args.toArray(String[]::new);
  }

  private void text(String label, CapturedRun r) {
    if (r.cli() != null) {
      problems.addAll(TerminalHygiene.textProblems(label, r.cli().out()));
    }
  }

  private Optional<JsonNode> json(String label, CapturedRun r) {
    return r.cli() == null ? Optional.empty() : Optional.ofNullable(parse(label, r.cli().out()));
  }

  private JsonNode parse(String label, String out) {
    try {
      JsonNode doc = JSON.readTree(out);
      if (doc == null || !(doc.isObject() || doc.isArray())) {
        problems.add(label + ": stdout is not one JSON document");
        return null;
      }
      return doc;
    } catch (Exception e) {
      problems.add(label + ": stdout is not one JSON document: " + firstLine(e.getMessage()));
      return null;
    }
  }

  private void checkReport(JsonNode report) {
    List<String> rendered = texts(report.path("ruleGroup").findValues("AddressDefinition"));
    safe("rule group", rendered);
    safe("replay blocklist", cidrs(report.path("blocklist")));
    covered(rendered, SEEDED, "seeded entry missing from the rule group");
    covered(rendered, expected, "expected block missing from the rule group");
    problems.addAll(ReportRules.decisions(report));
    problems.addAll(ReportRules.ofFolder(file.folder(), report));
    problems.addAll(SlackHygiene.problems(report));
  }

  private void checkState(JsonNode list) {
    List<String> stored = cidrs(list);
    safe("state", stored);
    covered(stored, SEEDED, "seeded entry lost from the state");
    if (file.folder().equals("addresses") && stored.size() != SEEDED.size()) {
      problems.add("addresses: the state gained entries " + stored);
    }
  }

  private void safe(String where, List<String> cidrs) {
    cidrs.forEach(c -> unsafe(c).forEach(p -> problems.add(where + ": " + p)));
  }

  /** What is wrong with one rendered or stored CIDR, the corpus's own never-ranges included. */
  static List<String> unsafe(String cidr) {
    List<String> found = new ArrayList<>(NeverRendered.problems(cidr));
    CidrInterval.parse(cidr)
        .ifPresent(
            c ->
                CORPUS_NEVER.stream()
                    .filter(n -> c.overlaps(CidrInterval.of(n)))
                    .forEach(n -> found.add(cidr + ": overlaps corpus never-block " + n)));
    return found;
  }

  private void covered(List<String> have, List<String> want, String message) {
    for (String cidr : want) {
      if (have.stream().noneMatch(h -> covers(h, cidr))) {
        problems.add(message + ": " + cidr);
      }
    }
  }

  private static boolean covers(String outer, String inner) {
    Optional<CidrInterval> in = CidrInterval.parse(inner);
    return in.isPresent() && CidrInterval.parse(outer).filter(o -> o.covers(in.get())).isPresent();
  }

  private static List<String> cidrs(JsonNode entries) {
    return texts(entries.findValues("cidr"));
  }

  static List<String> texts(Iterable<JsonNode> nodes) {
    return StreamSupport.stream(nodes.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
