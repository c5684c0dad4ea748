package io.megaphone.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import io.megaphone.testing.Cli;
import io.megaphone.testing.Cli.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code megaphone generate} usage errors: exit code 2 and one exact line on stderr, before anything is written and
 * before Spark starts (a passing validation would start and stop a session, so every case here must fail first).
 */
class GenerateCommandTest {
  private static final String NL = System.lineSeparator();

  @TempDir
  Path tmp;

  private static Outcome execute(String... args) {
    return Cli.execute(args);
  }

  /** Runs {@code generate ARGS --out TMP/out} and expects exit 2, {@code message} alone on stderr, no output. */
  private void assertUsageError(String message, String... args) {
    Path out = tmp.resolve("out");
    List<String> all = new ArrayList<>(List.of("generate"));
    all.addAll(List.of(args));
    all.addAll(List.of("--out", out.toString()));
    Outcome o = execute(all.toArray(String[]::new));
    assertThat(o.err()).isEqualTo("megaphone generate: " + message + NL);
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.out()).isEmpty();
    assertThat(out).as("nothing written").doesNotExist();
  }

  @Test
  void zeroPosts() {
    assertUsageError("--posts must be at least 1 (got 0)", "--posts", "0");
  }

  @Test
  void postsThatAreNotACount() {
    assertUsageError("'abc' is not a count (examples: 100000, 250k, 10M)", "--posts", "abc");
  }

  @Test
  void unknownFormat() {
    assertUsageError("--format 'xml' cannot be generated; choose one of " + String.join(", ", GeneratorOptions.FORMATS),
        "--posts", "1000", "--format", "xml");
  }

  @Test
  void postsPerFileNotAMultipleOfTheBlock() {
    assertUsageError("--posts-per-file must be a positive multiple of 1000 (got 1500)", "--posts", "10000",
        "--posts-per-file", "1500");
  }

  @Test
  void endBeforeStart() {
    assertUsageError("--end must be at least one day after --start (2021-06-01T00:00:00Z .. 2021-01-01T00:00:00Z)",
        "--posts", "1000", "--start", "2021-06-01", "--end", "2021-01-01");
  }

  @Test
  void nonEmptyOutWithoutOverwrite() throws IOException {
    Path out = tmp.resolve("taken");
    Files.createDirectories(out);
    Path kept = Files.writeString(out.resolve("keep.txt"), "mine");
    Outcome o = execute("generate", "--posts", "1000", "--out", out.toString());
    assertThat(o.err()).isEqualTo("megaphone generate: --out " + out + " is not empty (add --overwrite to replace it)"
        + NL);
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.out()).isEmpty();
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.toList()).as("the folder is left alone").containsExactly(kept);
    }
    assertThat(Files.readString(kept)).isEqualTo("mine");
  }
}
