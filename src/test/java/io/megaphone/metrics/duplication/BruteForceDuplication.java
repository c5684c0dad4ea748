package io.megaphone.metrics.duplication;

import static org.apache.spark.sql.functions.col;

import io.megaphone.testing.TestSpark;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;

/**
 * The duplication truth computed the slow, obvious way, sharing no code with the metric: SPEC §3.2 normalisation
 * with regular expressions, 5-gram string sets, every pair of distinct texts of a brand compared, union-find
 * clusters. Post pairs are reported as "brand|platform/post_id|platform/post_id" (the two keys in order).
 */
final class BruteForceDuplication {
  private static final Pattern URL = Pattern.compile("https?://\\S*", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern MENTION = Pattern.compile("@[\\p{L}\\p{Nd}_]+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{Nd}\\s]", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  record Post(String brand, String key, String text) {}

  /** Pairs at or above the threshold, considered posts and clusters (two or more posts) per brand. */
  record Truth(Set<String> pairs, Map<String, Long> considered, Map<String, Long> clusters,
      Map<String, String> clusterOf) {}

  private BruteForceDuplication() {}

  static String normalise(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    t = URL.matcher(t).replaceAll("");
    t = MENTION.matcher(t).replaceAll("");
    t = NOT_WORD.matcher(t).replaceAll(" ");
    return SPACES.matcher(t).replaceAll(" ").trim();
  }

  static Set<String> grams(String norm) {
    Set<String> s = new HashSet<>();
    if (norm.length() <= 5) s.add(norm);
    for (int i = 0; i + 5 <= norm.length(); i++) s.add(norm.substring(i, i + 5));
    return s;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    int inter = 0;
    for (String x : a) if (b.contains(x)) inter++;
    return (double) inter / (a.size() + b.size() - inter);
  }

  static String pair(String brand, String k1, String k2) {
    return k1.compareTo(k2) < 0 ? brand + "|" + k1 + "|" + k2 : brand + "|" + k2 + "|" + k1;
  }

  /** The brands' original posts of a run's archive (brand, not a reply, not a repost). */
  static List<Post> originals(Path out) {
    List<Post> posts = new ArrayList<>();
    for (Row r : TestSpark.session().read().parquet(out.resolve("archive").toString())
        .filter(col("brand").isNotNull().and(col("in_reply_to_post_id").isNull()).and(col("is_repost").equalTo(false)))
        .select("brand", "platform", "post_id", "text").collectAsList()) {
      posts.add(new Post(r.getString(0), r.getString(1) + "/" + r.getString(2), r.getString(3)));
    }
    return posts;
  }

  static Truth compute(List<Post> posts, double threshold) {
    Map<String, Map<String, List<String>>> byBrandText = new TreeMap<>();
    Map<String, Long> considered = new TreeMap<>();
    for (Post p : posts) {
      String norm = normalise(p.text() == null ? "" : p.text());
      if (norm.isEmpty() || norm.split(" ").length < 5) continue;
      considered.merge(p.brand(), 1L, Long::sum);
      byBrandText.computeIfAbsent(p.brand(), b -> new LinkedHashMap<>()).computeIfAbsent(norm, n -> new ArrayList<>())
          .add(p.key());
    }
    Set<String> pairs = new HashSet<>();
    Map<String, String> parent = new HashMap<>();
    for (Map.Entry<String, Map<String, List<String>>> brand : byBrandText.entrySet()) {
      String b = brand.getKey();
      List<String> texts = new ArrayList<>(brand.getValue().keySet());
      List<Set<String>> sets = texts.stream().map(BruteForceDuplication::grams).toList();
      for (List<String> same : brand.getValue().values()) {
        for (int i = 0; i < same.size(); i++) {
          for (int j = i + 1; j < same.size(); j++) {
            pairs.add(pair(b, same.get(i), same.get(j)));
            union(parent, b + "|" + same.get(i), b + "|" + same.get(j));
          }
        }
      }
      for (int i = 0; i < texts.size(); i++) {
        for (int j = i + 1; j < texts.size(); j++) {
          if (jaccard(sets.get(i), sets.get(j)) < threshold) continue;
          List<String> pi = brand.getValue().get(texts.get(i));
          List<String> pj = brand.getValue().get(texts.get(j));
          for (String x : pi) for (String y : pj) pairs.add(pair(b, x, y));
          union(parent, b + "|" + pi.get(0), b + "|" + pj.get(0));
        }
      }
    }
    Map<String, String> clusterOf = new HashMap<>();
    Map<String, Set<String>> rootsPerBrand = new TreeMap<>();
    for (String node : parent.keySet()) {
      String root = find(parent, node);
      clusterOf.put(node, root);
      rootsPerBrand.computeIfAbsent(node.substring(0, node.indexOf('|')), x -> new HashSet<>()).add(root);
    }
    Map<String, Long> clusters = new TreeMap<>();
    rootsPerBrand.forEach((b, roots) -> clusters.put(b, (long) roots.size()));
    return new Truth(pairs, considered, clusters, clusterOf);
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) parent.put(ra, rb);
  }

  private static String find(Map<String, String> parent, String x) {
    parent.putIfAbsent(x, x);
    String r = x;
    while (!parent.get(r).equals(r)) r = parent.get(r);
    while (!parent.get(x).equals(r)) {
      String next = parent.get(x);
      parent.put(x, r);
      x = next;
    }
    return r;
  }

  /** The post pairs a run reports: posts of one text id, and posts of two verified text ids. */
  static Set<String> reported(Path out) {
    Map<Long, List<String>> postsOfText = new HashMap<>();
    Map<Long, String> brandOfText = new HashMap<>();
    for (Row r : TestSpark.session().read().parquet(out.resolve("metrics/duplication_clusters").toString())
        .select("brand", "platform", "post_id", "text_id").collectAsList()) {
      postsOfText.computeIfAbsent(r.getLong(3), x -> new ArrayList<>()).add(r.getString(1) + "/" + r.getString(2));
      brandOfText.put(r.getLong(3), r.getString(0));
    }
    Set<String> pairs = new HashSet<>();
    for (Map.Entry<Long, List<String>> e : postsOfText.entrySet()) {
      List<String> p = e.getValue();
      for (int i = 0; i < p.size(); i++) {
        for (int j = i + 1; j < p.size(); j++) pairs.add(pair(brandOfText.get(e.getKey()), p.get(i), p.get(j)));
      }
    }
    for (Row r : TestSpark.session().read().parquet(out.resolve("metrics/duplication_text_pairs").toString())
        .collectAsList()) {
      for (String x : postsOfText.get(r.getLong(1))) {
        for (String y : postsOfText.get(r.getLong(2))) pairs.add(pair(r.getString(0), x, y));
      }
    }
    return pairs;
  }
}
