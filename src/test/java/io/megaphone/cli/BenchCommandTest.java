package io.megaphone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.bench.Benchmark;
import io.megaphone.testing.Cli;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bench command line, parsed without running anything. */
class BenchCommandTest {
  private static Benchmark.Options parse(String... args) {
    CommandLine.ParseResult r = Main.commandLine().parseArgs(args);
    return ((BenchCommand) r.subcommand().commandSpec().userObject()).options();
  }

  private static String error(String... args) {
    Cli.Outcome o = Cli.execute(args);
    assertThat(o.code()).isEqualTo(Main.USAGE);
    return o.err().strip();
  }

  @Test
  void defaultsAreTheSizesTheIssueAsksFor() {
    Benchmark.Options o = parse("bench");
    assertThat(o.sizes()).containsExactly(1_000_000L, 4_000_000L);
    assertThat(o.format()).isEqualTo("twitter-v2");
    assertThat(o.data()).isEqualTo("target/bench-data");
    assertThat(o.out()).isEqualTo("reports/bench");
    assertThat(o.baselines()).isTrue();
    assertThat(o.warmUp()).isTrue();
  }

  @Test
  void sizesAcceptSuffixes() {
    Benchmark.Options o = parse("bench", "--sizes", "250k,1.5M,16000000", "--format", "twcs", "--no-baselines",
        "--no-warm-up");
    assertThat(o.sizes()).isEqualTo(List.of(250_000L, 1_500_000L, 16_000_000L));
    assertThat(o.format()).isEqualTo("twcs");
    assertThat(o.baselines()).isFalse();
    assertThat(o.warmUp()).isFalse();
  }

  @Test
  void ingestFormatsAllMeansEveryGeneratedFormatOnOneGigabyteEach() {
    Benchmark.Options o = parse("bench", "--ingest-formats", "all");
    assertThat(o.ingestFormats()).isEqualTo(io.megaphone.generate.GeneratorOptions.FORMATS);
    assertThat(o.familyBytes()).isEqualTo(1L << 30);
    assertThat(parse("bench", "--ingest-formats", "twcs,twcs", "--family-bytes", "500M").ingestFormats())
        .containsExactly("twcs");
    assertThat(parse("bench", "--family-bytes", "1.5G").familyBytes()).isEqualTo(1_610_612_736L);
    assertThat(parse("bench").ingestFormats()).isEmpty();
    assertThat(error("bench", "--family-bytes", "lots"))
        .isEqualTo("megaphone bench: --family-bytes: 'lots' is not a size (examples: 1G, 500M)");
    assertThat(error("bench", "--family-bytes", "10k")).isEqualTo("megaphone bench: --family-bytes: 10k is below 1M");
  }

  @Test
  void badOptionsAreOneLineUsageErrors() {
    assertThat(error("bench", "--sizes", "10")).isEqualTo("megaphone bench: --sizes: 10 is below 1000 posts");
    assertThat(error("bench", "--sizes", "lots")).isEqualTo("megaphone bench: 'lots' is not a count (examples: 100000, 250k, 10M)");
    assertThat(error("bench", "--format", "xml"))
        .isEqualTo("megaphone bench: --format 'xml' cannot be generated; choose one of "
            + String.join(", ", io.megaphone.generate.GeneratorOptions.FORMATS));
  }
}
