package io.megaphone.spark;

/** Progress lines on stderr, so stdout stays clean for what a command prints (e.g. the report path). */
public final class Progress {
  private static volatile boolean quiet;

  private Progress() {}

  public static void setQuiet(boolean q) {
    quiet = q;
  }

  public static void say(String stage, String message) {
    if (!quiet) System.err.println("[" + stage + "] " + message);
  }
}
