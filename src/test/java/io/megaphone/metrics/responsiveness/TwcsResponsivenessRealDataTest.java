package io.megaphone.metrics.responsiveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.testing.Pipeline;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §3.1 (post mode) on the first 5,000 records of the real TWCS data set: the job's
 * {@code responsiveness.csv} against an independent computation written here (commons-csv parsing,
 * plain-Java inbound detection, first responses and percentiles). Nothing of the job's parsing or
 * metric code is used for the expected values.
 */
class TwcsResponsivenessRealDataTest {
  private static final long HORIZON_S = 7L * 24 * 3600;
  private static final DateTimeFormatter TWCS_DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);
  /** Stands in for a bare CR while commons-csv splits records (see {@link #readTwcs}). */
  private static final char BARE_CR = '\uE000';

  @TempDir static Path out;
  static Path csv;
  static Map<String, Map<String, String>> jobRows; // brand + '\0' + platform -> row
  static Map<String, Expected> expected; // brand -> expected figures
  static int htmlEntityDifferences;
  static List<Tweet> tweets;

  record Tweet(String id, String author, boolean inbound, Instant at, String text, String inReplyTo) {}

  static final class Expected {
    final String brand;
    long inbound;
    final List<Double> rts = new ArrayList<>();

    Expected(String brand) {
      this.brand = brand;
    }

    long answered() {
      return rts.size();
    }
  }

  /** Why the tests are skipped (the real data is not there), or null. */
  static String skipReason;

  @BeforeEach
  void skipWithoutRealData() {
    Assumptions.assumeTrue(skipReason == null, skipReason);
  }

  @BeforeAll
  static void runJobAndComputeIndependently() throws IOException {
    skipReason = Pipeline.missingRealFiles("twcs/twcs_head5000.csv");
    if (skipReason != null) return;
    csv = Pipeline.realFile("twcs/twcs_head5000.csv");

    Pipeline.ingestAndAnalyze(List.of("twcs=" + csv), null, out);
    jobRows = readResponsiveness(out.resolve("metrics").resolve("responsiveness.csv"));

    tweets = readTwcs(csv);
    expected = compute(tweets, true);
    Map<String, Expected> raw = compute(tweets, false);
    htmlEntityDifferences = 0;
    for (String b : expected.keySet()) {
      if (expected.get(b).inbound != raw.get(b).inbound || !expected.get(b).rts.equals(raw.get(b).rts)) {
        htmlEntityDifferences++;
      }
    }
  }

  // ---------------------------------------------------------------- independent computation

  /**
   * The file was written by pandas with LF record ends; one unquoted text (tweet 3399) holds two bare CRs,
   * which commons-csv (like any RFC 4180 reader) would take for record ends. They are content, so they are
   * masked while the records are split and put back into the fields afterwards.
   */
  static List<Tweet> readTwcs(Path file) throws IOException {
    String content = Files.readString(file, StandardCharsets.UTF_8);
    StringBuilder masked = new StringBuilder(content.length());
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      boolean bare = c == '\r' && (i + 1 >= content.length() || content.charAt(i + 1) != '\n');
      masked.append(bare ? BARE_CR : c);
    }
    CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setAllowMissingColumnNames(true).get();
    List<Tweet> out = new ArrayList<>();
    try (Reader r = new StringReader(masked.toString());
        CSVParser p = CSVParser.builder().setReader(r).setFormat(fmt).get()) {
      List<String> header = p.getHeaderNames();
      assertThat(header.get(0)).as("leading unnamed pandas index column").isEmpty();
      for (CSVRecord rec : p) {
        assertThat(rec.size()).as("fields of record %d", rec.getRecordNumber()).isEqualTo(header.size());
        String inbound = rec.get("inbound");
        assertThat(inbound).isIn("True", "False");
        out.add(new Tweet(floatId(rec.get("tweet_id")), rec.get("author_id"), inbound.equals("True"),
            ZonedDateTime.parse(rec.get("created_at"), TWCS_DATE).toInstant(),
            rec.get("text").replace(BARE_CR, '\r'), floatId(rec.get("in_response_to_tweet_id"))));
      }
    }
    return out;
  }

  /** {@code 3.0} → {@code 3}; empty → null. */
  static String floatId(String s) {
    if (s == null || s.isBlank()) return null;
    String t = s.trim();
    int dot = t.indexOf('.');
    if (dot >= 0) {
      for (int i = dot + 1; i < t.length(); i++) {
        if (t.charAt(i) != '0') throw new AssertionError("id with a fraction: " + s);
      }
      t = t.substring(0, dot);
    }
    return t;
  }

  /** Handles mentioned as whole tokens, lower-cased. */
  static Set<String> mentionedHandles(String text) {
    Set<String> out = new LinkedHashSet<>();
    int[] cps = text.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      if (cps[i] != '@') continue;
      if (i > 0 && (handleChar(cps[i - 1]) || cps[i - 1] == '@')) continue;
      int j = i + 1;
      while (j < cps.length && handleChar(cps[j])) j++;
      if (j > i + 1) out.add(new String(cps, i + 1, j - i - 1).toLowerCase(Locale.ROOT));
      i = j - 1;
    }
    return out;
  }

  private static boolean handleChar(int cp) {
    return Character.isLetter(cp) || Character.isDigit(cp) || cp == '_';
  }

  /** Decodes the HTML entities Twitter escapes in texts (named and numeric). */
  static String decodeEntities(String s) {
    if (s.indexOf('&') < 0) return s;
    Map<String, String> named = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00A0");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int semi = c == '&' ? s.indexOf(';', i) : -1;
      if (semi > i + 1 && semi - i <= 10) {
        String name = s.substring(i + 1, semi);
        String rep = named.get(name);
        if (rep == null && name.matches("#\\d+")) rep = Character.toString(Integer.parseInt(name.substring(1)));
        if (rep == null && name.matches("#[xX][0-9a-fA-F]+")) {
          rep = Character.toString(Integer.parseInt(name.substring(2), 16));
        }
        if (rep != null) {
          b.append(rep);
          i = semi;
          continue;
        }
      }
      b.append(c);
    }
    return b.toString();
  }

  /** SPEC §3.1 post mode: per brand, the inbound count and the first-response times (seconds) of the answered. */
  static Map<String, Expected> compute(List<Tweet> all, boolean decodeHtml) {
    Map<String, Tweet> byId = new HashMap<>();
    for (Tweet t : all) assertThat(byId.put(t.id(), t)).as("duplicate tweet id %s", t.id()).isNull();
    Set<String> brands = new TreeSet<>();
    for (Tweet t : all) if (!t.inbound()) brands.add(t.author());
    Map<String, String> brandOfHandle = new HashMap<>();
    for (String b : brands) brandOfHandle.put(b.toLowerCase(Locale.ROOT), b);

    // replies by brand accounts, per (parent id, brand)
    Map<String, List<Instant>> brandReplies = new HashMap<>();
    for (Tweet t : all) {
      if (brands.contains(t.author()) && t.inReplyTo() != null) {
        brandReplies.computeIfAbsent(t.inReplyTo() + "\0" + t.author(), k -> new ArrayList<>()).add(t.at());
      }
    }

    Map<String, Expected> result = new TreeMap<>();
    for (String b : brands) result.put(b, new Expected(b));
    for (Tweet t : all) {
      if (brands.contains(t.author())) continue; // TWCS has no retweets, so no repost test is needed
      Set<String> addressed = new TreeSet<>();
      Tweet parent = t.inReplyTo() == null ? null : byId.get(t.inReplyTo());
      if (parent != null && brands.contains(parent.author())) addressed.add(parent.author());
      for (String h : mentionedHandles(decodeHtml ? decodeEntities(t.text()) : t.text())) {
        String b = brandOfHandle.get(h);
        if (b != null) addressed.add(b);
      }
      for (String b : addressed) {
        Expected e = result.get(b);
        e.inbound++;
        Long best = null;
        for (Instant r : brandReplies.getOrDefault(t.id() + "\0" + b, List.of())) {
          long d = r.getEpochSecond() - t.at().getEpochSecond();
          if (d >= 0 && d <= HORIZON_S && (best == null || d < best)) best = d;
        }
        if (best != null) e.rts.add((double) best);
      }
    }
    for (Expected e : result.values()) Collections.sort(e.rts);
    return result;
  }

  /** numpy 'linear': position (n−1)·p between the closest ranks of the sorted values. */
  static double percentile(List<Double> sorted, double p) {
    double pos = (sorted.size() - 1) * p;
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.size() - 1);
    return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (pos - lo);
  }

  static double mean(List<Double> v) {
    double s = 0;
    for (double x : v) s += x;
    return s / v.size();
  }

  static Map<String, Map<String, String>> readResponsiveness(Path file) throws IOException {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r).setFormat(fmt).get()) {
      for (CSVRecord rec : p) {
        String key = rec.get("brand") + "\0" + rec.get("platform");
        assertThat(rows.put(key, rec.toMap())).as("duplicate row %s", key.replace('\0', '/')).isNull();
      }
    }
    return rows;
  }

  // ---------------------------------------------------------------- tests

  @Test
  void parsedTheWholeFile() throws IOException {
    assertThat(tweets).hasSize(5000);
    assertThat(expected).hasSize(76);
    CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(out.resolve("metrics").resolve("ingest_summary.csv"));
        CSVParser p = CSVParser.builder().setReader(r).setFormat(fmt).get()) {
      List<CSVRecord> recs = p.getRecords();
      // reconciliation of the source: every one of the 5,000 records is accepted
      assertThat(recs).hasSize(1);
      assertThat(recs.get(0).get("records_read")).isEqualTo("5000");
      assertThat(recs.get(0).get("records_accepted")).isEqualTo("5000");
      assertThat(recs.get(0).get("records_quarantined")).isEqualTo("0");
    }
  }

  @Test
  void htmlEntitiesDoNotChangeWhichPostsAreInbound() {
    long withEntities = tweets.stream().filter(t -> t.text().contains("&amp;") || t.text().contains("&gt;")
        || t.text().contains("&lt;")).count();
    System.out.printf("TWCS: %d texts hold HTML entities; decoding them changes the figures of %d brand(s)%n",
        withEntities, htmlEntityDifferences);
    assertThat(withEntities).isPositive();
    assertThat(htmlEntityDifferences).isZero();
  }

  @Test
  void everyBrandMatchesTheIndependentComputation() {
    assertThat(expected.values().stream().filter(e -> e.answered() > 0).count())
        .as("brands with answered inbound posts").isGreaterThanOrEqualTo(3);
    Set<String> jobBrands = new TreeSet<>();
    for (Map<String, String> r : jobRows.values()) jobBrands.add(r.get("brand"));
    assertThat(jobBrands).containsExactlyInAnyOrderElementsOf(expected.keySet());

    List<String> problems = new ArrayList<>();
    for (Expected e : expected.values()) {
      for (String platform : List.of("twitter", "all")) {
        Map<String, String> row = jobRows.get(e.brand + "\0" + platform);
        if (row == null) {
          problems.add(e.brand + "/" + platform + ": no row");
          continue;
        }
        check(problems, e, platform, "inbound", row, e.inbound);
        check(problems, e, platform, "answered", row, e.answered());
        check(problems, e, platform, "unanswered", row, e.inbound - e.answered());
        checkDecimal(problems, e, platform, "response_rate", row, e.inbound == 0 ? null : (double) e.answered() / e.inbound);
        boolean any = e.answered() > 0;
        checkDecimal(problems, e, platform, "rt_median_s", row, any ? percentile(e.rts, 0.5) : null);
        checkDecimal(problems, e, platform, "rt_p90_s", row, any ? percentile(e.rts, 0.9) : null);
        checkDecimal(problems, e, platform, "rt_mean_s", row, any ? mean(e.rts) : null);
        // the mean of the fastest ceil(0.9·n) first responses, and latency buckets with inclusive upper bounds
        int fastest = (int) ((9L * e.rts.size() + 9) / 10);
        checkDecimal(problems, e, platform, "rt_mean_fastest90_s", row, any ? mean(e.rts.subList(0, fastest)) : null);
        check(problems, e, platform, "answered_0_1h", row, e.rts.stream().filter(x -> x <= 3600).count());
        check(problems, e, platform, "answered_1_8h", row, e.rts.stream().filter(x -> x > 3600 && x <= 8 * 3600).count());
        check(problems, e, platform, "answered_8_24h", row,
            e.rts.stream().filter(x -> x > 8 * 3600 && x <= 24 * 3600).count());
        check(problems, e, platform, "answered_over_24h", row, e.rts.stream().filter(x -> x > 24 * 3600).count());
      }
    }
    assertThat(problems).as("differences between the job and the independent computation").isEmpty();
    assertThat(jobRows.keySet()).allMatch(k -> k.endsWith("\0twitter") || k.endsWith("\0all"));
  }

  @Test
  void printsTheThreeLargestBrands() {
    List<Expected> top = expected.values().stream()
        .sorted((a, b) -> Long.compare(b.inbound, a.inbound)).limit(3).toList();
    System.out.println("TWCS head 5000, three largest brands (independent | job):");
    System.out.printf("%-16s %8s %8s %8s %12s%n", "brand", "inbound", "answered", "rate", "median_s");
    for (Expected e : top) {
      Map<String, String> row = jobRows.get(e.brand + "\0twitter");
      System.out.printf("%-16s %8d %8d %8.4f %12.1f   | job %s %s %s %s%n", e.brand, e.inbound, e.answered(),
          (double) e.answered() / e.inbound, percentile(e.rts, 0.5), row.get("inbound"), row.get("answered"),
          row.get("response_rate"), row.get("rt_median_s"));
    }
    assertThat(top).allMatch(e -> e.answered() > 0);
  }

  private static void check(List<String> problems, Expected e, String platform, String col, Map<String, String> row,
      long want) {
    String got = row.get(col);
    if (!String.valueOf(want).equals(got)) {
      problems.add(e.brand + "/" + platform + " " + col + ": job " + got + ", expected " + want);
    }
  }

  private static void checkDecimal(List<String> problems, Expected e, String platform, String col,
      Map<String, String> row, Double want) {
    String got = row.get(col);
    if (want == null) {
      if (!got.isEmpty()) problems.add(e.brand + "/" + platform + " " + col + ": job " + got + ", expected empty");
      return;
    }
    if (got.isEmpty() || Math.abs(Double.parseDouble(got) - want) > 1e-6) {
      problems.add(e.brand + "/" + platform + " " + col + ": job " + got + ", expected " + want);
    }
  }
}
