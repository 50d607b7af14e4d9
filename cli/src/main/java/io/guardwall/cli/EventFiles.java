package io.guardwall.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.guardwall.aws.S3Objects;
import io.guardwall.core.json.Jackson;
import io.guardwall.core.text.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds event files below the paths a user names and reads the events in them: a file holds one
 * event, a JSON array of events, {@code aws guardduty get-findings} output, or one event per line.
 * In a folder, files named {@code .json}, {@code .jsonl} or {@code .ndjson} (in any case), each
 * also gzipped with {@code .gz} after it (as GuardDuty's S3 export names its objects), are read,
 * Markdown files are passed over in silence (a folder of events often carries its README), and
 * every other file is reported as skipped; a file named directly is always read.
 */
final class EventFiles {

  /** Larger files are reported, not read: no real event file comes near it. */
  static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  private static final Set<String> EXTENSIONS = Set.of("json", "jsonl", "ndjson");
  private static final String GZ = ".gz";
  private static final Set<String> DOCUMENTATION = Set.of("md", "markdown");
  private static final String NOT_EVENT_FILE =
      "not .json, .jsonl or .ndjson, gzipped or not (name it to read it)";

  // Trailing tokens must fail the whole-file parse, or a one-event-per-line file would be read as
  // its first line alone.
  static final ObjectReader JSON =
      Jackson.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private EventFiles() {}

  /**
   * The files named or found below the folders named, each folder's files in name order; the files
   * of a folder that are not read go to {@code skipped}, one message each.
   *
   * @throws UsageException when a path does not exist, cannot be read or is not a file or folder
   */
  static List<Path> expand(List<Path> paths, Consumer<String> skipped) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      String kind = kind(path);
      switch (kind) {
        case TextFiles.FOLDER -> files.addAll(walk(readable(path, "folder"), skipped));
        case TextFiles.REGULAR_FILE -> files.add(readable(path, "file"));
        default -> throw new UsageException("not a regular file (" + kind + "): " + path);
      }
    }
    return files;
  }

  private static String kind(Path path) {
    try {
      return TextFiles.kind(path);
    } catch (IOException e) {
      throw new UsageException(
          (e.getMessage().equals(TextFiles.NO_SUCH_FILE)
                  ? "no such file or folder"
                  : e.getMessage())
              + ": "
              + path);
    }
  }

  private static Path readable(Path path, String what) {
    if (!Files.isReadable(path)) {
      throw new UsageException("cannot read " + what + ": " + path);
    }
    return path;
  }

  private static List<Path> walk(Path dir, Consumer<String> skipped) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !Files.isDirectory(p))
          .filter(p -> !DOCUMENTATION.contains(extension(p)))
          .sorted()
          .filter(p -> isSelected(p, skipped))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new UsageException("cannot read folder " + dir + ": " + e.getMessage());
    }
  }

  /** Whether a file found in a folder is read; if not, says so to {@code skipped}. */
  private static boolean isSelected(Path p, Consumer<String> skipped) {
    String why =
        !Files.isRegularFile(p)
            ? "not a regular file (" + kindOrUnknown(p) + ")"
            : isEventFile(p) ? null : NOT_EVENT_FILE;
    if (why != null) {
      skipped.accept("skipped " + p + ": " + why);
    }
    return why == null;
  }

  private static String kindOrUnknown(Path p) {
    try {
      return TextFiles.kind(p);
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  private static boolean isEventFile(Path p) {
    return isEventFile(p.getFileName().toString());
  }

  private static boolean isEventFile(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return EXTENSIONS.contains(
        extension(name.endsWith(GZ) ? name.substring(0, name.length() - GZ.length()) : name));
  }

  private static String extension(Path p) {
    return extension(p.getFileName().toString());
  }

  /** The lower-case text after the name's last dot; empty when it has none. */
  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  /**
   * The sources the command line's PATH arguments name, in order: local paths as {@link #expand}
   * finds them, and one per object under an {@code s3://bucket/prefix}, by the same rule.
   *
   * @throws UsageException when a path does not exist or cannot be read
   */
  static List<EventSource> sources(List<String> paths, Consumer<String> skipped) {
    List<EventSource> sources = new ArrayList<>();
    S3Objects s3 = null; // one client for every s3:// path, made only when one is named
    for (String path : paths) {
      if (S3Path.isS3(path)) {
        S3Path at = S3Path.parse(path);
        s3 = s3 == null ? S3Objects.create() : s3;
        sources.addAll(at.sources(s3, key -> isSelectedKey(at, key, skipped), skipped));
      } else {
        expand(List.of(Path.of(path)), skipped).forEach(f -> sources.add(new LocalEventFile(f)));
      }
    }
    return sources;
  }

  /**
   * Whether an object found under a prefix is read, by the rule for a folder's files; an object
   * named in full is always read.
   */
  private static boolean isSelectedKey(S3Path at, String key, Consumer<String> skipped) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    if (key.equals(at.prefix()) || isEventFile(name)) {
      return true;
    }
    if (!name.isEmpty() && !DOCUMENTATION.contains(extension(name))) {
      skipped.accept("skipped " + S3Path.SCHEME + at.bucket() + "/" + key + ": " + NOT_EVENT_FILE);
    }
    return false;
  }

  /** Passes every event of {@code sources} to {@code sink}, one at a time, in order. */
  static void forEach(List<EventSource> sources, Consumer<EventInput> sink) {
    sources.forEach(s -> EventReader.read(s, MAX_FILE_BYTES, sink));
  }

  /** The events of one file; a file or line that cannot be read becomes one failed input. */
  static List<EventInput> read(Path file) {
    return read(file, MAX_FILE_BYTES);
  }

  static List<EventInput> read(Path file, long maxBytes) {
    List<EventInput> events = new ArrayList<>();
    EventReader.read(new LocalEventFile(file), maxBytes, events::add);
    return events;
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
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        events.add(line(source, i, lines[i]));
      }
    }
    return events;
  }

  static EventInput line(String source, int index, String line) {
    try {
      return EventInput.ok(source, index, JSON.readTree(line));
    } catch (JsonProcessingException e) {
      return EventInput.failed(source, index, "line " + (index + 1) + " is not JSON: " + brief(e));
    }
  }

  static String brief(JsonProcessingException e) {
    String location =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + " column "
                + e.getLocation().getColumnNr();
    return describe(e.getOriginalMessage()) + location;
  }

  // Jackson words trailing text with its own class and setting names, which mean nothing here.
  private static String describe(String message) {
    return message.startsWith("Trailing token") ? "more text after the JSON value" : message;
  }
}
