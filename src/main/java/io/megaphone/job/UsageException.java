package io.megaphone.job;

/** A problem with what the user asked for (exit code 2). The message is one line naming the culprit. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
