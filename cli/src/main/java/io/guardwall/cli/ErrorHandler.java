package io.guardwall.cli;

import io.guardwall.core.config.ConfigException;
import picocli.CommandLine;

/**
 * Turns an exception a command let escape into one line on stderr: exit 2 for bad usage or
 * configuration, 1 for work that failed.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    new Diagnostics(cmd.getErr()).fatal(e.getMessage() != null ? e.getMessage() : e.toString());
    return e instanceof ConfigException || e instanceof UsageException ? 2 : 1;
  }
}
