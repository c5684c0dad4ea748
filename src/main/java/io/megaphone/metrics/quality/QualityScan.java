package io.megaphone.metrics.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.xxhash64;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;

/**
 * The one scan of the archive of the quality family. Each brand post (originals and replies, not reposts: they
 * carry someone else's text) is scored once — its text flags ({@link PostFlagger}), its spam probability
 * ({@link SpamScorer}) and, for a reply, its skeleton ({@link ReplyTemplate}) — and folded at once into its
 * partition's mergeable state ({@link PartitionState}: counters per brand × platform, posts per
 * day, accounts, each flag's best example candidates, and the replies counted per brand and skeleton: whether
 * a reply is templated depends on all the brand's replies, known only once the scan is over).
 *
 * <p>The result, one state per partition, is meant to be cached: the jobs that follow
 * ({@link QualityCounts#recurringSkeletons}, {@link QualityCounts#compute}) read it, not the archive again.
 */
final class QualityScan {
  private QualityScan() {}

  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final long MICROS_PER_HOUR = 3_600_000_000L;

  static JavaRDD<PartitionState> of(Dataset<Row> archive, PostFlagger flagger, SpamScorer spam, int examplesPerFlag) {
    int spamBit = QualityFlag.SPAM.bit();
    return archive.filter(col("brand").isNotNull().and(not(col("is_repost"))))
        .select(col("brand"), col("platform"), col("account_id"), col("post_id"), col("created_at"), col("text"),
            col("urls"), col("hashtags"), col("lang"), col("in_reply_to_post_id").isNotNull(),
            xxhash64(col("platform"), col("post_id")))
        // Spark's internal rows, read field by field (a Row would decode every field of every post; the example
        // fields are read for the few candidates only). The iterator reuses its row: only copies are kept.
        .queryExecution().toRdd().toJavaRDD()
        .mapPartitions((Iterator<InternalRow> it) -> {
          PartitionState state = new PartitionState(examplesPerFlag);
          while (it.hasNext()) score(it.next(), state, flagger, spam, spamBit);
          return List.of(state).iterator();
        });
  }

  /** Scores one post and folds it into the state. */
  private static void score(InternalRow r, PartitionState state, PostFlagger flagger, SpamScorer spam,
      int spamBit) {
    String brand = r.getUTF8String(0).toString();
    String platform = string(r, 1);
    String text = string(r, 5);
    boolean dated = !r.isNullAt(4);
    long micros = dated ? r.getLong(4) : 0;
    boolean reply = r.getBoolean(9);
    int flags = flagger.flags(text, !r.isNullAt(6) && r.getArray(6).numElements() > 0,
        r.isNullAt(7) ? null : strings(r.getArray(7)), string(r, 8),
        dated ? Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000)
            : null);
    double p = spam.probability(text);
    if (p > 0.5) flags |= spamBit;
    long pick = r.getLong(10);
    // days and hours in UTC, the session time zone of every Megaphone job (SparkSessions)
    state.count(brand, platform, string(r, 2), flags, p, reply,
        dated ? (int) Math.floorDiv(micros, MICROS_PER_DAY) : QualityCounts.NO_DAY,
        dated ? (int) (Math.floorMod(micros, MICROS_PER_DAY) / MICROS_PER_HOUR) : -1);
    if (flags != 0 && state.wantsExample(flags, pick)) {
      state.offerExample(flags, example(r, pick, brand, platform, text));
    }
    if (reply) {
      state.reply(brand, platform, QualityMetrics.templateKey(brand, ReplyTemplate.skeleton(text)), pick,
          () -> example(r, pick, brand, platform, text));
    }
  }

  /** The post as an example candidate (its id and date read only now: few posts become candidates). */
  private static QualityCounts.Example example(InternalRow r, long pick, String brand, String platform, String text) {
    return new QualityCounts.Example(pick, brand, platform, string(r, 3), timestamp(r, 4), text);
  }

  private static String string(InternalRow r, int i) {
    return r.isNullAt(i) ? null : r.getUTF8String(i).toString();
  }

  private static Timestamp timestamp(InternalRow r, int i) {
    return r.isNullAt(i) ? null : DateTimeUtils.toJavaTimestamp(r.getLong(i));
  }

  private static List<String> strings(ArrayData a) {
    int n = a.numElements();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(a.isNullAt(i) ? null : a.getUTF8String(i).toString());
    return out;
  }
}
