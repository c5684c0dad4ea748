package io.megaphone.job;

/** One input of a job: a format name and a path (file, folder or glob). */
public record InputSpec(String format, String path) {
  @Override
  public String toString() {
    return format + "=" + path;
  }
}
