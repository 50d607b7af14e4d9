package io.guardwall.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The hostile-input corpus under {@code src/test/resources/hostile}: its files, the blocks the
 * valid controls must produce, and the files that still fail on a known defect; immutable.
 *
 * @param files every corpus file, in name order
 * @param expectedBlocks the CIDRs a file's replay must render, by file name
 * @param knownFailures why a file still fails, by file name
 */
record HostileCorpus(
    List<HostileFile> files,
    Map<String, List<String>> expectedBlocks,
    Map<String, String> knownFailures) {

  static final Path ROOT = Path.of("src", "test", "resources", "hostile");

  static HostileCorpus load() {
    return new HostileCorpus(
        listFiles(),
        expectedBlocks(read("expected-blocks.txt")),
        knownFailures(read("known-failures.txt")));
  }

  /** One corpus file. */
  record HostileFile(Path path, String name, String folder, Path config) {

    static HostileFile of(Path path) {
      String name = ROOT.relativize(path).toString().replace('\\', '/');
      Path config = path.resolveSibling("_config.json");
      return new HostileFile(
          path, name, name.substring(0, name.indexOf('/')), Files.exists(config) ? config : null);
    }
  }

  private static List<HostileFile> listFiles() {
    try (Stream<Path> s = Files.walk(ROOT)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getParent().equals(ROOT))
          .filter(p -> !p.getFileName().toString().startsWith("_"))
          .sorted()
          .map(HostileFile::of)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, List<String>> expectedBlocks(List<String[]> lines) {
    Map<String, List<String>> expected = new HashMap<>();
    lines.forEach(l -> expected.put(l[0], List.of(l[1].split("\\s+"))));
    return Map.copyOf(expected);
  }

  private static Map<String, String> knownFailures(List<String[]> lines) {
    Map<String, String> known = new HashMap<>();
    lines.forEach(l -> known.put(l[0], l[1]));
    return Map.copyOf(known);
  }

  /** The lines of a list file, comments and blank lines left out, split after the file name. */
  private static List<String[]> read(String listFile) {
    try {
      return Files.readAllLines(ROOT.resolve(listFile)).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .map(l -> l.split("\\s+", 2))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
