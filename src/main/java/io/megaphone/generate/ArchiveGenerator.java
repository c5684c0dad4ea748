package io.megaphone.generate;

import io.megaphone.archive.OutputLayout;
import io.megaphone.spark.Phase;
import io.megaphone.spark.Progress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * {@code megaphone generate}: writes OUT/data/part-NNNNN.* (one Spark task per file, each streaming its
 * blocks), then OUT/brands.csv, OUT/crises.csv (its crisis windows), OUT/job.yaml and, last, OUT/truth.json —
 * its presence means the archive is complete. Memory per task is one block of posts, whatever the archive's size.
 */
public final class ArchiveGenerator {
  private static final String STAGE = "generate";

  private ArchiveGenerator() {}

  public record Result(String out, long posts, long files, long bytes, String jobFile, String truthFile) {}

  /** Refuses a non-empty output folder unless {@code overwrite}, which empties it. Call before Spark starts. */
  public static void prepareOutput(GeneratorOptions o) {
    try {
      Path root = new Path(o.out());
      FileSystem fs = root.getFileSystem(new Configuration());
      if (fs.exists(root) && fs.listStatus(root).length > 0) {
        if (!o.overwrite()) {
          throw new io.megaphone.job.UsageException("--out " + o.out() + " is not empty (add --overwrite to replace it)");
        }
        fs.delete(root, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + o.out(), e);
    }
  }

  /**
   * Whether OUT already holds a complete archive generated with these options (same generator version, seed,
   * size, format and period): the bench reuses it instead of writing it again.
   */
  public static boolean isComplete(GeneratorOptions o) {
    Path truth = new Path(o.out(), "truth.json");
    try (FileSystem fs = FileSystem.newInstance(truth.toUri(), new Configuration())) {
      if (!fs.exists(truth)) return false;
      com.fasterxml.jackson.databind.JsonNode g;
      try (var in = fs.open(truth)) {
        g = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("generator");
      }
      return g.path("version").asInt() == Truth.VERSION && g.path("seed").asLong() == o.seed()
          && g.path("posts").asLong() == o.posts() && g.path("format").asText().equals(o.format())
          && g.path("brands").asInt() == o.brands() && g.path("start").asText().equals(o.start().toString())
          && g.path("end").asText().equals(o.end().toString());
    } catch (IOException e) {
      return false;
    }
  }

  public static Result run(SparkSession spark, GeneratorOptions o) {
    World world = new World(o);
    Path root = new Path(new OutputLayout(o.out(), new Configuration()).root());
    Progress.say(STAGE, String.format(Locale.ROOT, "%,d posts in %s, %d brands, %d accounts, %d file(s), seed %d → %s",
        o.posts(), o.format(), world.brands.size(), world.accounts.size(), o.files(), o.seed(), root));
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<World> shared = sc.broadcast(world);
    String rootName = root.toString();
    List<Long> files = LongStream.range(0, o.files()).boxed().toList();
    TruthCounters truth;
    try (Phase p = Phase.start(spark, STAGE, "write " + o.files() + " data file(s)")) {
      truth = sc.parallelize(files, files.size()).map(f -> writeFile(shared.value(), rootName, f))
          .reduce(TruthCounters::merge);
    }
    Configuration conf = new Configuration();
    write(root, "brands.csv", GeneratedFiles.brandsCsv(world), conf);
    write(root, "crises.csv", GeneratedFiles.crisesCsv(world), conf);
    write(root, "job.yaml", GeneratedFiles.jobYaml(o, world, truth.lastCreatedAt), conf);
    long bytes = dataBytes(root, conf);
    write(root, "truth.json", Truth.json(world, truth, bytes), conf);
    Progress.say(STAGE, String.format(Locale.ROOT, "%,d posts, %,d bytes of %s data", o.posts(), bytes, o.format()));
    return new Result(root.toString(), o.posts(), o.files(), bytes, new Path(root, "job.yaml").toString(),
        new Path(root, "truth.json").toString());
  }

  static String dataFileName(GeneratorOptions o, long file) {
    return String.format(Locale.ROOT, "data/part-%05d%s", file, o.dataExtension());
  }

  private static TruthCounters writeFile(World w, String root, long file) throws IOException {
    GeneratorOptions o = w.options;
    TruthCounters truth = new TruthCounters(w.brands.size(), w.platforms.size());
    BlockGenerator gen = new BlockGenerator(w);
    long perFile = o.postsPerFile() / GeneratorOptions.BLOCK;
    long first = file * perFile;
    long last = Math.min(o.blocks(), first + perFile);
    Path data = new Path(root, dataFileName(o, file));
    // a private instance without .crc side files (the shared one is Spark's)
    try (FileSystem fs = FileSystem.newInstance(data.toUri(), new Configuration())) {
      fs.setWriteChecksum(false);
      try (OutputStream os = new BufferedOutputStream(fs.create(data, true), 1 << 20);
          PostWriter posts = PostWriter.open(o.format(), os, w);
          LabelWriter labels = o.labels() ? new LabelWriter(new BufferedOutputStream(
              fs.create(new Path(root, String.format(Locale.ROOT, "labels/part-%05d.csv", file)), true), 1 << 20), w)
              : null) {
        for (long b = first; b < last; b++) {
          List<SyntheticPost> block = gen.block(b, truth);
          posts.write(block);
          if (labels != null) labels.write(block);
        }
      }
    }
    return truth;
  }

  private static void write(Path root, String name, String content, Configuration conf) {
    Path p = new Path(root, name);
    try (FileSystem fs = FileSystem.newInstance(p.toUri(), conf)) {
      fs.setWriteChecksum(false);
      try (OutputStream os = fs.create(p, true)) {
        os.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }

  private static long dataBytes(Path root, Configuration conf) {
    try {
      Path data = new Path(root, "data");
      return data.getFileSystem(conf).getContentSummary(data).getLength();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
