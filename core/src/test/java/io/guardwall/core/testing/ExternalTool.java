package io.guardwall.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A program outside the JVM that some tests need, with the one check that stops such a test at
 * once, in one line naming the program and how to install it, instead of an IOException deep
 * inside. A missing tool fails the test (never skips it): in CI it is an error, only a clear one.
 * Each tool is probed once per JVM. Thread-safe.
 */
public enum ExternalTool {
  /** moto's server, run by MotoServer; {@code -Dmoto.python} or {@code MOTO_PYTHON} picks it. */
  MOTO(
      "python3 with moto",
      "pip install 'moto[server]', or point -Dmoto.python (MOTO_PYTHON) at a Python that has it"),
  /** Node.js, which jsii starts to run aws-cdk-lib; {@code JSII_NODE} picks it. */
  NODE(
      "node (jsii runs aws-cdk-lib on it)",
      "install Node.js 18 or later (apt-get install nodejs), or point JSII_NODE at it"),
  /** The CloudFormation linter. */
  CFN_LINT("cfn-lint", "pip install cfn-lint");

  private static final Map<ExternalTool, Optional<String>> PROBED = new ConcurrentHashMap<>();

  private final String label;
  private final String install;

  ExternalTool(String label, String install) {
    this.label = label;
    this.install = install;
  }

  /** The program to start, as configured for this JVM. */
  public String executable() {
    return switch (this) {
      case MOTO -> configured(System.getProperty("moto.python"), "MOTO_PYTHON", "python3");
      case NODE -> configured(null, "JSII_NODE", "node");
      case CFN_LINT -> "cfn-lint";
    };
  }

  /**
   * Returns when the tool answers its probe.
   *
   * @throws Missing otherwise, in one line naming the tool and how to install it
   */
  public void require() {
    Optional<String> problem = PROBED.computeIfAbsent(this, t -> problem(t.probe()));
    if (problem.isPresent()) {
      throw missing(problem.get());
    }
  }

  Missing missing(String problem) {
    return new Missing(label + " is missing (" + problem + "): " + install);
  }

  private List<String> probe() {
    return switch (this) {
      case MOTO -> List.of(executable(), "-c", "import moto.moto_server.werkzeug_app");
      case NODE, CFN_LINT -> List.of(executable(), "--version");
    };
  }

  /** Why {@code command} does not run cleanly, or empty when it exits 0 within a minute. */
  static Optional<String> problem(List<String> command) {
    String shown = String.join(" ", command);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return Optional.of(shown + " did not finish within a minute");
      }
      int exit = process.exitValue();
      return exit == 0 ? Optional.empty() : Optional.of(shown + " exited with " + exit);
    } catch (IOException e) {
      return Optional.of("cannot run " + shown);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while running " + shown);
    }
  }

  private static String configured(String property, String environment, String fallback) {
    String value = property != null ? property : System.getenv(environment);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** A tool a test needs is not there; the message is the whole story, so no stack trace. */
  public static final class Missing extends AssertionError {

    Missing(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
