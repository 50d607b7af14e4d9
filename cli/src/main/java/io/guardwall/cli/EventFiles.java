package io.guardwall.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds event files below the paths a user names and reads the events in them: a file holds one
 * event, a JSON array of events, {@code aws guardduty get-findings} output, or one event per line.
 */
final class EventFiles {

  /** Larger files are reported, not read: no real event file comes near it. */
  static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  // Trailing tokens must fail the whole-file parse, or a one-event-per-line file would be read as
  // its first line alone.
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private EventFiles() {}

  /**
   * The files named or found below the folders named, each folder's files in name order.
   *
   * @throws UsageException when a path does not exist or cannot be read
   */
  static List<Path> expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new UsageException("no such file or folder: " + path);
      }
      if (!Files.isReadable(path)) {
        throw new UsageException("cannot read: " + path);
      }
      files.addAll(Files.isDirectory(path) ? walk(path) : List.of(path));
    }
    return files;
  }

  private static List<Path> walk(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(EventFiles::isEventFile).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new UsageException("cannot read folder " + dir + ": " + e.getMessage());
    }
  }

  private static boolean isEventFile(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson");
  }

  /** The events of one file; a file or line that cannot be read becomes one failed input. */
  static List<EventInput> read(Path file) {
    String source = file.toString();
    String text;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        return List.of(EventInput.failed(source, 0, "file larger than 256 MiB, not read"));
      }
      text = Files.readString(file);
    } catch (IOException | UncheckedIOException e) {
      return List.of(EventInput.failed(source, 0, "cannot read file: " + e.getMessage()));
    }
    return parse(source, text);
  }

  static List<EventInput> parse(String source, String text) {
    try {
      return split(source, JSON.readTree(text));
    } catch (JsonProcessingException whole) {
      return text.strip().contains("\n")
          ? lines(source, text)
          : List.of(EventInput.failed(source, 0, "not JSON: " + brief(whole)));
    }
  }

  private static List<EventInput> split(String source, JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return List.of(EventInput.failed(source, 0, "empty file"));
    }
    JsonNode list = findingsPage(node);
    if (!list.isArray()) {
      return List.of(EventInput.ok(source, 0, list));
    }
    List<EventInput> events = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      events.add(EventInput.ok(source, i, list.get(i)));
    }
    return events;
  }

  /** The findings of a GuardDuty API page ({@code Findings}, or {@code findings} as in the API). */
  private static JsonNode findingsPage(JsonNode node) {
    if (!node.isObject() || node.size() != 1) {
      return node;
    }
    JsonNode findings = node.has("Findings") ? node.get("Findings") : node.get("findings");
    return findings != null && findings.isArray() ? findings : node;
  }

  private static List<EventInput> lines(String source, String text) {
    List<EventInput> events = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        events.add(line(source, i, lines[i]));
      }
    }
    return events;
  }

  private static EventInput line(String source, int index, String line) {
    try {
      return EventInput.ok(source, index, JSON.readTree(line));
    } catch (JsonProcessingException e) {
      return EventInput.failed(source, index, "line " + (index + 1) + " is not JSON: " + brief(e));
    }
  }

  private static String brief(JsonProcessingException e) {
    String location =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + " column "
                + e.getLocation().getColumnNr();
    return e.getOriginalMessage() + location;
  }
}
