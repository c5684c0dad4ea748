package io.megaphone.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;

import io.megaphone.archive.Manifest;
import io.megaphone.archive.MetricsOutput;
import io.megaphone.archive.OutputLayout;
import io.megaphone.spark.Phase;
import io.megaphone.spark.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Sources → canonical archive + quarantine + reconciliation. Steps: read every source into records;
 * split the failed ones off; keep the first of each (platform, post_id) and quarantine the rest as
 * duplicates; assign brands; fill reply authors from the archive; write; count back what was written.
 */
public final class IngestStep {
  private static final String STAGE = "ingest";
  /** Up to this many repeated ids are broadcast to every task; more (re-ingested snapshots) go through a join. */
  private static final long BROADCAST_IDS = 2_000_000;
  private static final Column UNRESOLVED_REPLY =
      col("in_reply_to_account_id").isNull().and(col("in_reply_to_post_id").isNotNull());

  private IngestStep() {}

  /** A source file as listed at job start, with the settings of the input that named it. */
  public record SourceFile(String format, String path, long size, Map<String, Object> settings) {
    public SourceFile(String format, String path, long size) {
      this(format, path, size, Map.of());
    }
  }

  public record Result(List<IngestSummary> sources, long read, long accepted, long quarantined) {}

  public static Result run(SparkSession spark, List<SourceFile> files, List<BrandAccount> registry,
      IngestOptions options, OutputLayout out, Manifest manifest) {
    Dataset<Row> records;
    try (Phase p = Phase.start(spark, STAGE, "read " + files.size() + " source file(s)")) {
      JavaRDD<Row> all = spark.emptyDataFrame().javaRDD();
      // one read per (format, input settings): inputs of one format with the same settings share tasks
      Map<List<Object>, List<String>> byInput = new LinkedHashMap<>();
      for (SourceFile f : files) {
        byInput.computeIfAbsent(List.of(f.format(), f.settings()), k -> new ArrayList<>()).add(f.path());
      }
      for (var e : byInput.entrySet()) {
        SourceFormat format = SourceFormats.byName((String) e.getKey().get(0)).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) e.getKey().get(1);
        all = all.union(format.read(spark, e.getValue(), options.forInput(settings)));
      }
      records = RecordRows.dataFrame(spark, all).persist(StorageLevel.MEMORY_AND_DISK());
    }

    Map<String, Long> readPerFile = new HashMap<>();
    long unresolvedReplies = 0;
    java.util.TreeSet<String> platforms = new java.util.TreeSet<>();
    try (Phase p = Phase.start(spark, STAGE, "count records per source")) {
      Column ok = col("_reason").isNull();
      Column platform = when(ok, col("platform"));
      for (Row r : records.groupBy(col("source_file"), platform.as("p"))
          .agg(count(lit(1)), count(when(ok.and(UNRESOLVED_REPLY), 1))).collectAsList()) {
        readPerFile.merge(r.getString(0), r.getLong(2), Long::sum);
        if (!r.isNullAt(1)) platforms.add(r.getString(1));
        unresolvedReplies += r.getLong(3);
      }
    }

    Dataset<Row> parsed = records.filter(col("_reason").isNull());
    // Only ids read more than once need ranking: find them on the key columns alone (a narrow shuffle) and
    // rank just their rows, so the bulk of the records is never shuffled for deduplication.
    Dataset<Row> repeatedIds = parsed.groupBy(col("platform").as("d_platform"), col("post_id").as("d_id")).count()
        .filter(col("count").gt(1)).drop("count").persist(StorageLevel.MEMORY_AND_DISK());
    long repeated;
    try (Phase p = Phase.start(spark, STAGE, "find repeated ids")) {
      repeated = repeatedIds.count();
    }
    Dataset<Row> ids = repeated <= BROADCAST_IDS ? broadcast(repeatedIds) : repeatedIds;
    Column sameId = col("platform").equalTo(col("d_platform")).and(col("post_id").equalTo(col("d_id")));
    WindowSpec byId = Window.partitionBy("platform", "post_id").orderBy("source_file", "_ord");
    Dataset<Row> ranked = parsed.join(ids, sameId, "left_semi")
        .withColumn("_rank", row_number().over(byId))
        .withColumn("_first_file", first("source_file").over(byId))
        .withColumn("_first_record", first("source_record").over(byId))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> firsts = parsed.join(ids, sameId, "left_anti")
        .unionByName(ranked.filter(col("_rank").equalTo(1)).drop("_rank", "_first_file", "_first_record"));

    Dataset<Row> branded = assignBrands(spark, firsts, registry);
    // Twitter and most APIs name the author replied to; only then is the archive-wide join skipped.
    Dataset<Row> accepted = unresolvedReplies > 0 ? resolveReplyAuthors(branded) : branded;
    try (Phase p = Phase.start(spark, STAGE, "write archive")) {
      writeArchive(accepted, platforms, out);
    }

    Dataset<Row> duplicates = ranked.filter(col("_rank").gt(1))
        .withColumn("_reason", lit(QuarantineReason.DUPLICATE.code()))
        .withColumn("_detail", concat_ws(" ", lit("duplicate of"), col("platform"), col("post_id"),
            lit("first read at"), col("_first_file"), col("_first_record")))
        .withColumn("_raw", col("text"));
    try (Phase p = Phase.start(spark, STAGE, "write quarantine")) {
      records.filter(col("_reason").isNotNull()).select(quarantineColumns())
          .unionByName(duplicates.select(quarantineColumns()))
          .write().mode(SaveMode.Overwrite).parquet(out.quarantine());
    }

    List<IngestSummary> summaries;
    try (Phase p = Phase.start(spark, STAGE, "reconcile")) {
      summaries = reconcile(spark, files, readPerFile, out);
      MetricsOutput.write(spark, out, "ingest_summary", IngestSummary.SCHEMA,
          summaries.stream().map(IngestSummary::toRow).toList());
      writeBrandAccounts(spark, registry, out);
    }
    records.unpersist();
    ranked.unpersist();
    repeatedIds.unpersist();

    long read = summaries.stream().mapToLong(IngestSummary::read).sum();
    long acc = summaries.stream().mapToLong(IngestSummary::accepted).sum();
    long quar = summaries.stream().mapToLong(IngestSummary::quarantined).sum();
    for (IngestSummary s : summaries) {
      if (!s.reconciled()) {
        Progress.say(STAGE, "WARNING: " + s.source() + " does not reconcile: read " + s.read() + " != accepted "
            + s.accepted() + " + quarantined " + s.quarantined());
      }
    }
    Progress.say(STAGE, String.format("%,d records read, %,d accepted, %,d quarantined", read, acc, quar));
    return new Result(summaries, read, acc, quar);
  }

  /**
   * The archive is partitioned by platform. Each platform is written as its own folder rather than with
   * {@code partitionBy}, which sorts every row by platform before writing (5-10 % of an ingest); the
   * platforms were counted in the first pass. Columns unique per post skip Parquet's dictionary attempt.
   */
  static void writeArchive(Dataset<Row> accepted, java.util.Collection<String> platforms, OutputLayout out) {
    Column[] columns = Arrays.stream(CanonicalSchema.POST.fieldNames()).filter(c -> !c.equals("platform"))
        .map(c -> col(c)).toArray(Column[]::new);
    out.delete(out.archive());
    if (platforms.isEmpty()) {
      accepted.select(postColumns()).write().partitionBy("platform").parquet(out.archive());
      return;
    }
    for (String platform : platforms) {
      var writer = accepted.filter(col("platform").equalTo(platform)).select(columns).write();
      for (String c : UNIQUE_COLUMNS) writer = writer.option("parquet.enable.dictionary#" + c, "false");
      writer.parquet(out.archive() + "/platform=" + platform);
    }
    out.writeText(out.archive() + "/_SUCCESS", "");
  }

  /** Columns with (nearly) one value per post: a dictionary never pays for them. */
  private static final List<String> UNIQUE_COLUMNS = List.of("post_id", "text", "source_record", "created_at",
      "conversation_id", "in_reply_to_post_id");

  /** Brand from the registry by account id, else by handle (case-insensitive), else the format's own hint. */
  static Dataset<Row> assignBrands(SparkSession spark, Dataset<Row> posts, List<BrandAccount> registry) {
    StructType regSchema = new StructType().add("r_brand", DataTypes.StringType).add("r_platform", DataTypes.StringType)
        .add("r_id", DataTypes.StringType).add("r_handle", DataTypes.StringType);
    List<Row> rows = registry.stream().map(a -> RowFactory.create(a.brand(), a.platform(), a.accountId(),
        a.handle() == null ? null : a.handle().toLowerCase(java.util.Locale.ROOT))).toList();
    Dataset<Row> reg = spark.createDataFrame(rows, regSchema);
    Dataset<Row> byId = reg.filter(col("r_id").isNotNull())
        .select(col("r_platform").as("id_platform"), col("r_id").as("id_account"), col("r_brand").as("id_brand"));
    Dataset<Row> byHandle = reg.filter(col("r_handle").isNotNull())
        .select(col("r_platform").as("h_platform"), col("r_handle").as("h_handle"), col("r_brand").as("h_brand"));
    return posts
        .join(broadcast(byId), col("platform").equalTo(col("id_platform"))
            .and(col("account_id").equalTo(col("id_account"))), "left")
        .join(broadcast(byHandle), col("platform").equalTo(col("h_platform"))
            .and(lower(col("account_handle")).equalTo(col("h_handle"))), "left")
        .withColumn("brand", coalesce(col("id_brand"), col("h_brand"), col("_brand_hint")))
        .drop("id_platform", "id_account", "id_brand", "h_platform", "h_handle", "h_brand");
  }

  /**
   * Sources such as TWCS give the post replied to but not its author: take it from the archive. Only the
   * replies without an author go through the join; the others are not shuffled.
   */
  static Dataset<Row> resolveReplyAuthors(Dataset<Row> posts) {
    Dataset<Row> authors = posts.select(col("platform").as("p_platform"), col("post_id").as("p_id"),
        col("account_id").as("p_author"));
    Dataset<Row> resolved = posts.filter(UNRESOLVED_REPLY)
        .join(authors, col("platform").equalTo(col("p_platform")).and(col("in_reply_to_post_id").equalTo(col("p_id"))),
            "left")
        .withColumn("in_reply_to_account_id", col("p_author"))
        .drop("p_platform", "p_id", "p_author");
    return posts.filter(not(UNRESOLVED_REPLY)).unionByName(resolved);
  }

  private static List<IngestSummary> reconcile(SparkSession spark, List<SourceFile> files,
      Map<String, Long> readPerFile, OutputLayout out) {
    Map<String, Long> acceptedPerFile = new HashMap<>();
    for (Row r : readArchive(spark, out).groupBy("source_file").count().collectAsList()) {
      acceptedPerFile.put(r.getString(0), r.getLong(1));
    }
    Map<String, Map<String, Long>> quarantinedPerFile = new HashMap<>();
    Dataset<Row> quarantine = spark.read().schema(CanonicalSchema.QUARANTINE).parquet(out.quarantine());
    for (Row r : quarantine.groupBy("source_file", "reason").count().collectAsList()) {
      quarantinedPerFile.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getLong(2));
    }
    List<IngestSummary> out2 = new ArrayList<>();
    for (SourceFile f : files) {
      Map<String, Long> reasons = quarantinedPerFile.getOrDefault(f.path(), Map.of());
      out2.add(new IngestSummary(f.path(), f.format(), readPerFile.getOrDefault(f.path(), 0L),
          acceptedPerFile.getOrDefault(f.path(), 0L), reasons.values().stream().mapToLong(Long::longValue).sum(),
          reasons));
    }
    return out2;
  }

  /** The effective registry: registered accounts and accounts a format marked as brand, with their post counts. */
  private static void writeBrandAccounts(SparkSession spark, List<BrandAccount> registry, OutputLayout out) {
    Dataset<Row> archive = readArchive(spark, out).filter(col("brand").isNotNull());
    List<Row> observed = archive.groupBy("brand", "platform", "account_id")
        .agg(first("account_handle", true).as("handle"), org.apache.spark.sql.functions.count(lit(1)).as("posts"))
        .collectAsList();
    Map<String, Row> rows = new java.util.TreeMap<>();
    for (BrandAccount a : registry) {
      rows.put(accountKey(a.brand(), a.platform(), a.accountId(), a.handle()),
          RowFactory.create(a.brand(), a.platform(), a.accountId(), a.handle(), true, 0L));
    }
    for (Row o : observed) {
      BrandAccount reg = registry.stream().filter(a -> a.brand().equals(o.getString(0))
          && a.platform().equals(o.getString(1))
          && (o.getString(2) != null && o.getString(2).equals(a.accountId())
              || a.accountId() == null && a.handle() != null && a.handle().equalsIgnoreCase(o.getString(3))))
          .findFirst().orElse(null);
      if (reg != null) {
        String key = accountKey(reg.brand(), reg.platform(), reg.accountId(), reg.handle());
        Row before = rows.get(key);
        rows.put(key, RowFactory.create(reg.brand(), reg.platform(), o.getString(2),
            reg.handle() != null ? reg.handle() : o.getString(3), true, before.getLong(5) + o.getLong(4)));
      } else {
        rows.put(accountKey(o.getString(0), o.getString(1), o.getString(2), o.getString(3)),
            RowFactory.create(o.getString(0), o.getString(1), o.getString(2), o.getString(3), false, o.getLong(4)));
      }
    }
    MetricsOutput.write(spark, out, "brand_accounts", BRAND_ACCOUNTS, new ArrayList<>(rows.values()));
  }

  /** The archive as written; with an explicit schema, an archive with no accepted post reads as empty. */
  public static Dataset<Row> readArchive(SparkSession spark, OutputLayout out) {
    return spark.read().schema(CanonicalSchema.POST).parquet(out.archive());
  }

  private static String accountKey(String brand, String platform, String id, String handle) {
    return String.join("\u0000", brand, platform, id == null ? "" : id, handle == null ? "" : handle);
  }

  public static final StructType BRAND_ACCOUNTS = new StructType()
      .add("brand", DataTypes.StringType).add("platform", DataTypes.StringType)
      .add("account_id", DataTypes.StringType).add("handle", DataTypes.StringType)
      .add("in_registry", DataTypes.BooleanType).add("posts", DataTypes.LongType);

  private static Column[] postColumns() {
    return Arrays.stream(CanonicalSchema.POST.fieldNames()).map(c -> col(c)).toArray(Column[]::new);
  }

  private static Column[] quarantineColumns() {
    return new Column[] {col("source_file"), col("source_record"), col("_format").as("format"), col("platform"),
        col("post_id"), col("_reason").as("reason"), col("_detail").as("detail"), col("_raw").as("raw")};
  }
}
