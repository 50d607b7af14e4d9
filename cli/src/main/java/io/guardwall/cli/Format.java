package io.guardwall.cli;

/** How a command prints its results on stdout. */
enum Format {
  TEXT,
  JSON
}
