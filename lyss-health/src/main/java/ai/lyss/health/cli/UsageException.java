package ai.lyss.health.cli;

/** Bad command line or configuration: exit code 2 with this message. */
final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
