package io.megaphone.job;

import java.util.List;
import java.util.Optional;

/** What the command line said, before merging with a job file: raw strings, nothing checked yet. */
public record CliOverrides(
    Optional<String> jobFile,
    List<String> inputs,
    Optional<String> brands,
    Optional<String> out,
    List<String> sets) {

  public CliOverrides {
    inputs = List.copyOf(inputs);
    sets = List.copyOf(sets);
  }

  public static CliOverrides none() {
    return new CliOverrides(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), List.of());
  }
}
