package io.megaphone.bench;

import io.megaphone.archive.OutputLayout;
import io.megaphone.ingest.IngestStep;
import io.megaphone.metrics.duplication.DuplicationMetrics;
import io.megaphone.metrics.duplication.DuplicationOptions;
import io.megaphone.metrics.duplication.Shingles;
import io.megaphone.metrics.duplication.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Post pairs for the duplication bench, as "platform/post_id|platform/post_id" (the two keys in order, brand
 * first): the exact truth (every pair of a brand's distinct texts compared with the exact Jaccard, on the driver),
 * and the pairs a run reported (its clusters and verified text pairs tables).
 */
final class DuplicationPairs {
  private DuplicationPairs() {}

  static String pair(String brand, String a, String b) {
    return a.compareTo(b) < 0 ? brand + "|" + a + "|" + b : brand + "|" + b + "|" + a;
  }

  /** Every pair of considered posts of one brand at or above the threshold. Quadratic: for bench-sized inputs. */
  static Set<String> truth(SparkSession spark, OutputLayout out, DuplicationOptions o) {
    Map<String, Map<String, List<String>>> byBrandText = new TreeMap<>();
    for (Row r : originals(spark, out)) {
      String norm = TextNormalizer.normalize(r.getString(3));
      if (TextNormalizer.words(norm) < o.minWords()) continue;
      byBrandText.computeIfAbsent(r.getString(0), b -> new LinkedHashMap<>())
          .computeIfAbsent(norm, n -> new ArrayList<>()).add(r.getString(1) + "/" + r.getString(2));
    }
    Set<String> pairs = new HashSet<>();
    for (Map.Entry<String, Map<String, List<String>>> e : byBrandText.entrySet()) {
      String brand = e.getKey();
      List<String> texts = new ArrayList<>(e.getValue().keySet());
      List<Set<String>> sets = texts.stream().map(t -> Shingles.set(t, o.shingleSize())).toList();
      for (List<String> same : e.getValue().values()) addAll(pairs, brand, same, same);
      for (int i = 0; i < texts.size(); i++) {
        Set<String> a = sets.get(i);
        for (int j = i + 1; j < texts.size(); j++) {
          Set<String> b = sets.get(j);
          int small = Math.min(a.size(), b.size());
          int large = Math.max(a.size(), b.size());
          if (small < o.threshold() * large) continue; // J <= small / large: cannot reach the threshold
          int inter = 0;
          for (String x : a.size() <= b.size() ? a : b) if ((a.size() <= b.size() ? b : a).contains(x)) inter++;
          if ((double) inter / (a.size() + b.size() - inter) >= o.threshold()) {
            addAll(pairs, brand, e.getValue().get(texts.get(i)), e.getValue().get(texts.get(j)));
          }
        }
      }
    }
    return pairs;
  }

  /** The pairs a run reported: posts of one text id, and posts of two verified text ids. */
  static Set<String> reported(SparkSession spark, OutputLayout out) {
    Map<Long, List<String>> postsOfText = new HashMap<>();
    Map<Long, String> brandOfText = new HashMap<>();
    for (Row r : spark.read().parquet(out.metricsTable("duplication_clusters"))
        .select("brand", "platform", "post_id", "text_id").collectAsList()) {
      postsOfText.computeIfAbsent(r.getLong(3), x -> new ArrayList<>()).add(r.getString(1) + "/" + r.getString(2));
      brandOfText.put(r.getLong(3), r.getString(0));
    }
    Set<String> pairs = new HashSet<>();
    for (Map.Entry<Long, List<String>> e : postsOfText.entrySet()) {
      addAll(pairs, brandOfText.get(e.getKey()), e.getValue(), e.getValue());
    }
    for (Row r : spark.read().parquet(out.metricsTable("duplication_text_pairs")).collectAsList()) {
      addAll(pairs, r.getString(0), postsOfText.get(r.getLong(1)), postsOfText.get(r.getLong(2)));
    }
    return pairs;
  }

  /** brand, platform, post_id, text of the brands' original posts. */
  static List<Row> originals(SparkSession spark, OutputLayout out) {
    return DuplicationMetrics.originals(IngestStep.readArchive(spark, out))
        .select("brand", "platform", "post_id", "text").collectAsList();
  }

  static double recall(Set<String> truth, Set<String> found) {
    if (truth.isEmpty()) return 1;
    long hit = truth.stream().filter(found::contains).count();
    return (double) hit / truth.size();
  }

  private static void addAll(Set<String> pairs, String brand, List<String> a, List<String> b) {
    boolean same = a == b;
    for (int i = 0; i < a.size(); i++) {
      for (int j = same ? i + 1 : 0; j < b.size(); j++) pairs.add(pair(brand, a.get(i), b.get(j)));
    }
  }
}
