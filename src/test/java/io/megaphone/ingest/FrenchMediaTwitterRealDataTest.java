package io.megaphone.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.megaphone.testing.Pipeline;
import io.megaphone.testing.TestSpark;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The twitter-v2 adapter on the real French media tweets (one JSON object {author_id: [tweets]}) with the
 * project's brand registry: reconciliation, and each brand's own activity on Twitter (posts, originals,
 * replies, reposts, replies to others, reply share) against an independent computation written here with
 * Jackson and commons-csv.
 */
class FrenchMediaTwitterRealDataTest {
  @TempDir static Path out;
  static Path tweetsJson;
  static Path brandsCsv;
  /** twitter account id → brand, from brands.csv. */
  static Map<String, String> brandOfAccount;
  /** brand → expected counts. */
  static Map<String, Counts> expected;
  /** account id → number of tweets in the file. */
  static Map<String, Integer> tweetsPerAccount;
  static Map<String, Map<String, String>> jobRows;
  static int totalTweets;

  static final class Counts {
    long posts;
    long originals;
    long replies;
    long reposts;
    long repliesToOthers;
    long repliesUnknownTarget;
  }

  /** Why the tests are skipped (the real data is not there), or null. */
  static String skipReason;

  @BeforeEach
  void skipWithoutRealData() {
    Assumptions.assumeTrue(skipReason == null, skipReason);
  }

  @BeforeAll
  static void runJobAndComputeIndependently() throws IOException {
    skipReason = Pipeline.missingRealFiles("frenchmedia/twitter/tweets.json", "frenchmedia/brands.csv");
    if (skipReason != null) return;
    tweetsJson = Pipeline.realFile("frenchmedia/twitter/tweets.json");
    brandsCsv = Pipeline.realFile("frenchmedia/brands.csv");

    Pipeline.ingestAndAnalyze(List.of("twitter-v2=" + tweetsJson), brandsCsv.toString(), out);
    jobRows = readCsv(out.resolve("metrics").resolve("responsiveness.csv"), "brand", "platform");

    brandOfAccount = new LinkedHashMap<>();
    CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(brandsCsv, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(fmt).get()) {
      for (CSVRecord rec : p) {
        if (rec.get("platform").equals("twitter")) brandOfAccount.put(rec.get("account_id"), rec.get("brand"));
      }
    }

    JsonNode root = new ObjectMapper().readTree(tweetsJson.toFile());
    assertThat(root.isObject()).isTrue();
    Map<String, String> authorOfTweet = new HashMap<>();
    tweetsPerAccount = new TreeMap<>();
    totalTweets = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      tweetsPerAccount.put(e.getKey(), e.getValue().size());
      for (JsonNode t : e.getValue()) {
        totalTweets++;
        assertThat(authorOfTweet.put(t.get("id").asText(), e.getKey())).as("tweet id %s twice", t.get("id")).isNull();
      }
    }

    expected = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String brand = brandOfAccount.get(e.getKey());
      if (brand == null) continue; // an account of no brand: the public
      Counts c = expected.computeIfAbsent(brand, k -> new Counts());
      for (JsonNode t : e.getValue()) {
        String repliedTo = null;
        boolean retweet = false;
        for (JsonNode ref : t.path("referenced_tweets")) {
          String type = ref.path("type").asText();
          if (type.equals("retweeted")) retweet = true;
          if (type.equals("replied_to")) repliedTo = ref.path("id").asText();
        }
        c.posts++;
        if (retweet) c.reposts++;
        if (repliedTo != null && !retweet) {
          c.replies++;
          String targetAccount = authorOfTweet.get(repliedTo);
          if (targetAccount == null) {
            c.repliesUnknownTarget++;
            c.repliesToOthers++; // unknown target: counted as outside the brand (the job's documented rule)
          } else if (!brand.equals(brandOfAccount.get(targetAccount))) {
            c.repliesToOthers++;
          }
        }
        if (repliedTo == null && !retweet) c.originals++;
      }
    }
  }

  static Map<String, Map<String, String>> readCsv(Path file, String... keyCols) throws IOException {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(fmt).get()) {
      for (CSVRecord rec : p) {
        List<String> k = new ArrayList<>();
        for (String c : keyCols) k.add(rec.get(c));
        String key = String.join("\0", k);
        assertThat(rows.put(key, rec.toMap())).as("duplicate row %s", k).isNull();
      }
    }
    return rows;
  }

  @Test
  void ingestSummaryReconcilesAndAcceptsEveryTweet() throws IOException {
    assertThat(totalTweets).isEqualTo(2800);
    Map<String, Map<String, String>> summary = readCsv(out.resolve("metrics").resolve("ingest_summary.csv"), "source");
    assertThat(summary).hasSize(1);
    Map<String, String> s = summary.values().iterator().next();
    assertThat(s.get("format")).isEqualTo("twitter-v2");
    long read = Long.parseLong(s.get("records_read"));
    long accepted = Long.parseLong(s.get("records_accepted"));
    long quarantined = Long.parseLong(s.get("records_quarantined"));
    assertThat(read).isEqualTo(totalTweets);
    assertThat(accepted + quarantined).isEqualTo(read);
    assertThat(accepted).as("every tweet accepted (quarantined: %d)", quarantined).isEqualTo(2800);
    assertThat(quarantined).isZero();
  }

  @Test
  void everyBrandWithATwitterAccountHasItsRows() {
    assertThat(brandOfAccount.keySet()).containsExactlyInAnyOrderElementsOf(tweetsPerAccount.keySet());
    for (String brand : new java.util.TreeSet<>(brandOfAccount.values())) {
      assertThat(jobRows).as("row of %s on twitter", brand).containsKey(brand + "\0twitter");
      assertThat(jobRows).as("row of %s, all platforms", brand).containsKey(brand + "\0all");
    }
  }

  @Test
  void brandActivityMatchesTheIndependentCounts() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Counts> e : expected.entrySet()) {
      String brand = e.getKey();
      Counts c = e.getValue();
      // brands.csv lists only Twitter and YouTube accounts and no YouTube source is read: `all` = twitter
      for (String platform : List.of("twitter", "all")) {
        Map<String, String> row = jobRows.get(brand + "\0" + platform);
        if (row == null) {
          problems.add(brand + "/" + platform + ": no row");
          continue;
        }
        long[] want = {c.posts, c.originals, c.replies, c.reposts, c.repliesToOthers, c.repliesUnknownTarget};
        String[] cols = {"brand_posts", "brand_originals", "brand_replies", "brand_reposts", "replies_to_others",
            "replies_unknown_target"};
        for (int i = 0; i < cols.length; i++) {
          if (!String.valueOf(want[i]).equals(row.get(cols[i]))) {
            problems.add(brand + "/" + platform + " " + cols[i] + ": job " + row.get(cols[i]) + ", expected " + want[i]);
          }
        }
        double share = (double) c.repliesToOthers / c.posts;
        String got = row.get("reply_share");
        if (got.isEmpty() || Math.abs(Double.parseDouble(got) - share) > 1e-6) {
          problems.add(brand + "/" + platform + " reply_share: job " + got + ", expected " + share);
        }
      }
    }
    assertThat(problems).as("differences between the job and the independent computation").isEmpty();
    long posts = expected.values().stream().mapToLong(c -> c.posts).sum();
    assertThat(posts).isEqualTo(2800);
    // the data set has replies to unknown tweets and a brand replying between its own accounts: both rules matter
    assertThat(expected.values().stream().mapToLong(c -> c.repliesUnknownTarget).sum()).isPositive();
    assertThat(expected.values().stream().mapToLong(c -> c.replies - c.repliesToOthers).sum()).isPositive();
  }

  @Test
  void aBrandWithTwoTwitterAccountsAggregatesBoth() {
    Map<String, List<String>> accountsOfBrand = new TreeMap<>();
    brandOfAccount.forEach((acc, brand) -> accountsOfBrand.computeIfAbsent(brand, k -> new ArrayList<>()).add(acc));
    List<String> multi = accountsOfBrand.entrySet().stream().filter(e -> e.getValue().size() >= 2)
        .map(Map.Entry::getKey).toList();
    assertThat(multi).as("brands with two Twitter accounts in brands.csv").isNotEmpty();
    for (String brand : multi) {
      List<String> accounts = accountsOfBrand.get(brand);
      long sum = 0;
      for (String a : accounts) {
        assertThat(tweetsPerAccount.getOrDefault(a, 0)).as("tweets of %s account %s", brand, a).isPositive();
        sum += tweetsPerAccount.get(a);
      }
      assertThat(jobRows.get(brand + "\0twitter").get("brand_posts")).isEqualTo(String.valueOf(sum));

      // and in the archive, the posts of both accounts carry the brand
      Map<String, Long> archived = new TreeMap<>();
      for (Row r : TestSpark.session().read().parquet(out.resolve("archive").toString())
          .filter(col("brand").equalTo(brand)).groupBy("account_id").count().collectAsList()) {
        archived.put(r.getString(0), r.getLong(1));
      }
      Map<String, Long> want = new TreeMap<>();
      for (String a : accounts) want.put(a, (long) tweetsPerAccount.get(a));
      assertThat(archived).as("archived posts of %s per account", brand).isEqualTo(want);
    }
  }
}
