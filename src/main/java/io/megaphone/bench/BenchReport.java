package io.megaphone.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes OUT/bench.csv (one row per measured step) and OUT/bench.md (the same, readable, with the ratios). */
public final class BenchReport {
  static final String[] HEADER = {"posts", "format", "step", "wall_s", "posts_per_s", "peak_heap_mb",
      "peak_live_heap_mb", "input_bytes", "ratio", "ratio_to", "note"};

  private BenchReport() {}

  public static void write(List<BenchRow> rows, Path out, String context) {
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve("bench.csv"), csv(rows), StandardCharsets.UTF_8);
      Files.writeString(out.resolve("bench.md"), markdown(rows, context), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bench report to " + out, e);
    }
  }

  static String csv(List<BenchRow> rows) {
    StringWriter s = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(s, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(HEADER).get())) {
      for (BenchRow r : rows) {
        p.printRecord(r.posts(), r.format(), r.step(), fmt("%.3f", r.wallSeconds()), fmt("%.0f", r.postsPerSecond()),
            mb(r.peakHeapBytes()), mb(r.peakLiveHeapBytes()), r.inputBytes() < 0 ? "" : r.inputBytes(),
            r.ratio() == null ? "" : fmt("%.3f", r.ratio()), r.ratioTo(), r.note());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s.toString();
  }

  static String markdown(List<BenchRow> rows, String context) {
    StringBuilder md = new StringBuilder("# Megaphone benchmark\n\n");
    Runtime rt = Runtime.getRuntime();
    long ram = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    md.append(String.format(Locale.ROOT, "- Run: %s%n- Machine: %d cores, %.1f GiB RAM, %s %s; Java %s, max heap %.0f MiB%n",
        Instant.now().truncatedTo(ChronoUnit.SECONDS), rt.availableProcessors(), ram / 1073741824.0,
        System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
        rt.maxMemory() / 1048576.0));
    md.append(context);
    md.append("""
        - Every step of one size ran in this process and Spark session, on the same input, one after the other
          (after an unmeasured warm-up): ratios compare runs of the same minute on the same machine.
        - Heap is the driver JVM's (in local mode it runs the executors too): *peak* is the most in use
          (sampled every 20 ms, garbage included), *live* the most still in use after a collection.

        | posts | format | step | wall s | posts/s | peak heap MB | live heap MB | input MB | ratio | note |
        |---:|---|---|---:|---:|---:|---:|---:|---|---|
        """);
    for (BenchRow r : rows) {
      md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %.1f | %,.0f | %s | %s | %s | %s | %s |%n", r.posts(),
          r.format(), r.step(),
          r.wallSeconds(), r.postsPerSecond(), mb(r.peakHeapBytes()), mb(r.peakLiveHeapBytes()),
          r.inputBytes() < 0 ? "" : fmt("%,.0f", r.inputBytes() / 1048576.0),
          r.ratio() == null ? "" : fmt("%.2f× ", r.ratio()) + shortName(r.ratioTo()), r.note().replace("|", "\\|")));
    }
    md.append("\n").append(summary(rows));
    return md.toString();
  }

  /** Per size: the pipeline's total, its dominant stage, and the ratios to the baselines. */
  static String summary(List<BenchRow> rows) {
    StringBuilder s = new StringBuilder("## Summary\n\n");
    rows.stream().map(r -> List.of(r.format(), r.posts())).distinct().forEach(key -> {
      long posts = (Long) key.get(1);
      List<BenchRow> mine = rows.stream().filter(r -> r.posts() == posts && r.format().equals(key.get(0))).toList();
      List<BenchRow> stages = mine.stream().filter(r -> List.of("ingest", "analyze", "report").contains(r.step())).toList();
      double total = stages.stream().mapToDouble(BenchRow::wallSeconds).sum();
      BenchRow top = stages.stream().max((a, b) -> Double.compare(a.wallSeconds(), b.wallSeconds())).orElse(null);
      if (stages.isEmpty()) {
        BenchRow first = mine.get(0);
        s.append(String.format(Locale.ROOT, "- **%s, %,d posts**: %s %.1f s (%,.0f posts/s)", key.get(0), posts,
            first.step(), first.wallSeconds(), first.postsPerSecond()));
      } else if (stages.size() == 1) {
        s.append(String.format(Locale.ROOT, "- **%s, %,d posts**: %s %.1f s (%,.0f posts/s)", key.get(0), posts,
            stages.get(0).step(), total, total > 0 ? posts / total : 0));
      } else {
        s.append(String.format(Locale.ROOT, "- **%s, %,d posts**: ingest + analyze + report = %.1f s (%,.0f posts/s)",
            key.get(0), posts, total, total > 0 ? posts / total : 0));
      }
      if (top != null && stages.size() > 1) s.append(String.format(Locale.ROOT, "; dominant stage: %s (%.0f %%)", top.step(), 100 * top.wallSeconds() / total));
      for (BenchRow r : mine) {
        if (r.ratio() != null) s.append(String.format(Locale.ROOT, "; %s = %.2f× %s", r.step(), r.ratio(), shortName(r.ratioTo())));
      }
      s.append(".\n");
    });
    return s.toString();
  }

  private static String shortName(String step) {
    if (step.startsWith("floor")) return "the bare-conversion floor";
    if (step.contains("DuckDB")) return "DuckDB";
    return step;
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "" : fmt("%.0f", bytes / 1048576.0);
  }

  private static String fmt(String f, double v) {
    return String.format(Locale.ROOT, f, v);
  }
}
