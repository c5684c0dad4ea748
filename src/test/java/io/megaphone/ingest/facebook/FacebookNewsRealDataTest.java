package io.megaphone.ingest.facebook;

import static io.megaphone.ingest.facebook.GraphFixtures.instant;
import static io.megaphone.ingest.facebook.GraphFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.job.Stage;
import io.megaphone.testing.Pipeline;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
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
 * The facebook format on the real facebook-news CSV (19,850 rows of 82 news pages, quoted messages over several
 * lines) with its page names as the {@code pages} setting, against an independent reading written here with
 * commons-csv: every row read and reconciled, the 250 rows of the page scraped twice quarantined as duplicates,
 * every accepted post's text and counters, posts per brand, and exact values on named posts.
 */
class FacebookNewsRealDataTest {
  static final String POSTS = "facebook-news/fb_news_posts_20K.csv";
  static final String PAGES = "facebook-news/fb_news_pagenames.csv";
  static final String BBC_UPDATE = "228735667216_10154890968202217";

  @TempDir static Path tmp;
  static Path out;
  static String skipReason;
  static List<CSVRecord> rows;
  /** post id → its first row (the one ingest keeps). */
  static Map<String, CSVRecord> firstRow;
  static Map<String, String> pageName;
  static Map<String, Row> archive;
  static List<Row> quarantine;

  @BeforeEach
  void skipWithoutRealData() {
    Assumptions.assumeTrue(skipReason == null, skipReason);
  }

  @BeforeAll
  static void runAndReadIndependently() throws IOException {
    skipReason = Pipeline.missingRealFiles(POSTS, PAGES);
    if (skipReason != null) return;
    Path job = tmp.resolve("job.yaml");
    Files.writeString(job, "name: facebook-news-test\ninputs:\n  - format: facebook\n    path: "
        + Pipeline.realFile(POSTS) + "\n    pages: " + Pipeline.realFile(PAGES) + "\nout: run\n",
        StandardCharsets.UTF_8);
    GraphFixtures.run(job, EnumSet.of(Stage.INGEST));
    out = tmp.resolve("run");
    archive = GraphFixtures.byPostId(GraphFixtures.table(out, "archive"));
    quarantine = GraphFixtures.table(out, "quarantine");

    rows = read(Pipeline.realFile(POSTS));
    firstRow = new LinkedHashMap<>();
    for (CSVRecord r : rows) firstRow.putIfAbsent(r.get("post_id"), r);
    pageName = new HashMap<>();
    for (CSVRecord r : read(Pipeline.realFile(PAGES))) pageName.putIfAbsent(r.get("page_id"), r.get("page_name"));
  }

  static List<CSVRecord> read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      return p.getRecords();
    }
  }

  @Test
  void everyRowIsReadAndReconciled() throws IOException {
    assertThat(rows).hasSize(19_850);
    assertThat(firstRow).hasSize(19_600);
    Map<String, CSVRecord> s = GraphFixtures.summaryByFile(out);
    CSVRecord sum = s.get("fb_news_posts_20K.csv");
    assertThat(sum.get("format")).isEqualTo("facebook");
    assertThat(sum.get("records_read")).isEqualTo("19850");
    assertThat(sum.get("records_accepted")).isEqualTo("19600");
    assertThat(sum.get("records_quarantined")).isEqualTo("250");
    assertThat(sum.get("quarantined_duplicate")).isEqualTo("250");
    assertThat(sum.get("reconciled")).isEqualTo("true");
    // the repeated rows are the Los Angeles Times page scraped twice (listed under two names in the pages file)
    assertThat(quarantine).allSatisfy(q -> {
      assertThat(q.<String>getAs("reason")).isEqualTo("duplicate");
      assertThat(q.<String>getAs("post_id")).startsWith("5863113009_");
    });
    assertThat(archive.keySet()).isEqualTo(firstRow.keySet());
  }

  @Test
  void everyAcceptedPostHasItsTextAndCounters() {
    List<String> problems = new ArrayList<>();
    for (CSVRecord r : firstRow.values()) {
      Row a = archive.get(r.get("post_id"));
      String text = !r.get("message").isBlank() ? r.get("message") : !r.get("description").isBlank()
          ? r.get("description") : "";
      text = text.replace("\r\n", "\n"); // the CSV reader returns line breaks inside quotes as \n
      long likes = 0;
      for (String c : List.of("react_angry", "react_haha", "react_like", "react_love", "react_sad", "react_wow")) {
        likes += Long.parseLong(r.get(c));
      }
      if (!text.equals(a.getAs("text"))) problems.add(r.get("post_id") + " text");
      if (a.<Long>getAs("likes") != likes) problems.add(r.get("post_id") + " likes " + a.getAs("likes") + " " + likes);
      if (a.<Long>getAs("shares") != Long.parseLong(r.get("shares"))) problems.add(r.get("post_id") + " shares");
      if (!r.get("page_id").equals(a.getAs("account_id"))) problems.add(r.get("post_id") + " account");
      if (!pageName.get(r.get("page_id")).equals(a.getAs("brand"))) problems.add(r.get("post_id") + " brand");
      if (!instant(a, "created_at").equals(Instant.parse(r.get("created_time").replace("+0000", "Z")))) {
        problems.add(r.get("post_id") + " created_at");
      }
      if (!r.get("link").isBlank() && !list(a, "urls").contains(r.get("link"))) problems.add(r.get("post_id") + " link");
    }
    assertThat(problems).as("differences with the independent reading").isEmpty();
  }

  @Test
  void postsPerBrandMatchTheFile() {
    Map<String, Long> want = new TreeMap<>();
    for (CSVRecord r : firstRow.values()) want.merge(pageName.get(r.get("page_id")), 1L, Long::sum);
    Map<String, Long> got = new TreeMap<>();
    for (Row a : archive.values()) got.merge(a.getAs("brand"), 1L, Long::sum);
    assertThat(got).isEqualTo(want);
    assertThat(got).hasSize(82).containsEntry("bbc", 250L).containsEntry("la_times", 250L);
  }

  @Test
  void namedPosts() {
    Row bbc = archive.get(BBC_UPDATE); // a message over four lines
    assertThat(bbc.<String>getAs("text")).isEqualTo("UPDATE: \n-2 Ukrainian tourists killed in stabbing at hotel in"
        + " Red Sea resort of Hurghada in Egypt. \n-Four others wounded. \n-Suspect arrested, officials say.");
    assertThat(bbc.<String>getAs("account_id")).isEqualTo("228735667216");
    assertThat(bbc.<String>getAs("account_handle")).isEqualTo("bbc");
    assertThat(bbc.<String>getAs("brand")).isEqualTo("bbc");
    assertThat(instant(bbc, "created_at")).isEqualTo(Instant.parse("2017-07-14T14:20:59Z"));
    assertThat(bbc.<Long>getAs("likes")).isEqualTo(172L + 8 + 994 + 11 + 783 + 264);
    assertThat(bbc.<Long>getAs("shares")).isEqualTo(680L);
    assertThat(list(bbc, "urls")).containsExactly("http://bbc.in/2talMsx");
    assertThat(bbc.<String>getAs("conversation_id")).isEqualTo(BBC_UPDATE);
    assertThat(bbc.<String>getAs("source_record")).isEqualTo("lines 3-6");

    Row live = archive.get("228735667216_10154890879532217"); // the first row
    assertThat(live.<String>getAs("text")).startsWith("We are #LIVE outside the National Rifle Association")
        .endsWith("Share your questions below.");
    assertThat(list(live, "hashtags")).containsExactly("LIVE", "PhilandoCastile");
    assertThat(live.<Long>getAs("likes")).isEqualTo(54L + 24 + 993 + 144 + 12 + 24);
    assertThat(live.<Long>getAs("shares")).isEqualTo(139L);
    assertThat(live.<String>getAs("source_record")).isEqualTo("line 2");

    Row sessions = archive.get("15704546335_10155651352431336"); // no message: the link's description
    assertThat(sessions.<String>getAs("text")).startsWith("Watch LIVE: Attorney General Jeff Sessions makes remarks");
    assertThat(sessions.<String>getAs("brand")).isEqualTo("fox_news");
    assertThat(list(sessions, "urls"))
        .containsExactly("https://www.facebook.com/FoxBusiness/videos/10155558665975238/");
  }
}
