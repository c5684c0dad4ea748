package io.megaphone.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.megaphone.job.Parameter;
import io.megaphone.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spam classifier on the bundled UCI YouTube Spam Collection: leave-one-video-out ROC AUC (issue 6 asks for a
 * mean of at least 0.90; the figures are printed), save/load round trip, and the scoring contract.
 */
class SpamClassifierTest {
  @TempDir static Path tmp;
  static SparkSession spark;
  static SpamModel model;
  static Path modelDir;
  static long trainMillis;

  @BeforeAll
  static void train() {
    spark = TestSpark.session();
    modelDir = tmp.resolve("out/models/spam");
    long t0 = System.nanoTime();
    // a fresh cross-validation, then the model saved as a job saves it (jobs fit only and report the recorded folds)
    model = SpamClassifier.train(spark, true);
    model.save(modelDir.toString());
    trainMillis = (System.nanoTime() - t0) / 1_000_000;
    SpamMetrics m = model.metrics();
    System.out.println("spam classifier " + m.version() + ", " + m.trainingSize() + " comments (" + m.trainingSpam()
        + " spam), leave-one-video-out ROC AUC:");
    for (SpamMetrics.Fold f : m.folds()) {
      System.out.printf("  %-22s n=%3d spam=%3d AUC=%.4f (texts also in training videos: %d)%n",
          f.video(), f.size(), f.spam(), f.auc(), f.textsSeenInTraining());
    }
    System.out.printf("  mean AUC=%.4f; cross-validation + training %.1f s (forJob incl. save %.1f s)%n",
        m.meanAuc(), m.trainingSeconds(), trainMillis / 1000.0);
  }

  @Test
  void bundledSetHasTheDocumentedCounts() {
    List<SpamClassifier.Comment> all = SpamClassifier.bundled();
    assertThat(all).hasSize(1956);
    assertThat(all.stream().filter(SpamClassifier.Comment::spam).count()).isEqualTo(1005);
    Map<String, long[]> byVideo = new LinkedHashMap<>();
    for (SpamClassifier.Comment c : all) {
      long[] n = byVideo.computeIfAbsent(c.video(), k -> new long[2]);
      n[0]++;
      if (c.spam()) n[1]++;
    }
    // counts as published by UCI (total, spam)
    assertThat(byVideo.keySet()).containsExactlyElementsOf(SpamClassifier.VIDEOS);
    assertThat(byVideo.get("Youtube01-Psy")).containsExactly(350, 175);
    assertThat(byVideo.get("Youtube02-KatyPerry")).containsExactly(350, 175);
    assertThat(byVideo.get("Youtube03-LMFAO")).containsExactly(438, 236);
    assertThat(byVideo.get("Youtube04-Eminem")).containsExactly(448, 245);
    assertThat(byVideo.get("Youtube05-Shakira")).containsExactly(370, 174);
    assertThat(all.get(0).text()).startsWith("Huh, anyway check out this you[tube] channel");
    assertThat(SpamClassifier.class.getResource(SpamClassifier.RESOURCES + "ATTRIBUTION.md")).isNotNull();
  }

  @Test
  void leaveOneVideoOutAucIsAtLeast090() {
    SpamMetrics m = model.metrics();
    // jobs fit the model only and report these recorded folds: they must be what a fresh cross-validation gives
    assertThat(SpamClassifier.foldsCsv(SpamClassifier.recordedFolds())).as(SpamClassifier.RECORDED_FOLDS)
        .isEqualTo(SpamClassifier.foldsCsv(m.folds()));
    assertThat(m.version()).isEqualTo("spam-uci-1");
    assertThat(m.crossValidation()).isEqualTo("leave-one-video-out");
    assertThat(m.folds()).extracting(SpamMetrics.Fold::video).containsExactlyElementsOf(SpamClassifier.VIDEOS);
    assertThat(m.folds()).extracting(SpamMetrics.Fold::size).containsExactly(350L, 350L, 438L, 448L, 370L);
    double mean = m.folds().stream().mapToDouble(SpamMetrics.Fold::auc).average().orElseThrow();
    assertThat(m.meanAuc()).isEqualTo(mean);
    assertThat(m.meanAuc()).as("mean leave-one-video-out AUC").isGreaterThanOrEqualTo(0.90);
    for (SpamMetrics.Fold f : m.folds()) assertThat(f.auc()).as(f.video()).isBetween(0.5, 1.0);
    assertThat(m.trainingSize()).isEqualTo(1956);
    assertThat(m.trainingSpam()).isEqualTo(1005);
    assertThat(m.dataFrom()).isEqualTo("2013-07-12");
    assertThat(m.dataTo()).isEqualTo("2015-06-05");
    assertThat(m.features()).contains("CountVectorizer").contains("IDF").contains("NGram(2)");
    assertThat(m.classifier()).startsWith("LogisticRegression");
  }

  static Dataset<Row> posts() {
    StructType schema = new StructType()
        .add("post_id", DataTypes.StringType)
        .add("body", DataTypes.StringType)
        .add("likes", DataTypes.LongType);
    List<Row> rows = new ArrayList<>(List.of(
        RowFactory.create("spam1", "Check out my channel and subscribe please!!! http://www.youtube.com/watch?v=a", 1L),
        RowFactory.create("spam2", "Please subscribe to my channel, I will subscribe back, thanks!", 2L),
        RowFactory.create("ham1", "This song never gets old, I still love it", 3L),
        RowFactory.create("ham2", "Shakira is the best singer of the world cup", 4L),
        RowFactory.create("null", null, 5L),
        RowFactory.create("empty", "", 6L),
        RowFactory.create("fr", "Nos soldes d'été commencent demain ! -30 % sur tout le site", 7L),
        RowFactory.create("emoji", "😍😍😍", 8L)));
    int i = 0;
    for (SpamClassifier.Comment c : SpamClassifier.bundled()) {
      if (i++ % 7 == 0) rows.add(RowFactory.create("uci-" + i, c.text(), (long) i));
    }
    return spark.createDataFrame(rows, schema);
  }

  static Map<String, Double> scores(SpamModel m, Dataset<Row> df) {
    Map<String, Double> s = new LinkedHashMap<>();
    for (Row r : m.score(df, "body", "p_spam").collectAsList()) {
      s.put(r.getString(0), r.isNullAt(3) ? null : r.getDouble(3));
    }
    return s;
  }

  @Test
  void scoreAddsOneProbabilityColumnAndKeepsTheOthers() {
    Dataset<Row> df = posts();
    Dataset<Row> scored = model.score(df, "body", "p_spam");
    assertThat(scored.columns()).containsExactly("post_id", "body", "likes", "p_spam");
    assertThat(scored.schema().apply("p_spam").dataType()).isEqualTo(DataTypes.DoubleType);
    Map<String, Double> s = scores(model, df);
    assertThat(s).hasSize((int) df.count());
    assertThat(s.values()).allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
    assertThat(s.get("spam1")).isGreaterThan(0.5);
    assertThat(s.get("spam2")).isGreaterThan(0.5);
    assertThat(s.get("ham1")).isLessThan(0.5);
    assertThat(s.get("ham2")).isLessThan(0.5);
    // a null text is scored as the empty text
    assertThat(s.get("null")).isEqualTo(s.get("empty"));
    System.out.println("spam probabilities: " + s.entrySet().stream().limit(8).toList());

    // an existing column of that name is replaced, in place
    Dataset<Row> again = model.score(scored.withColumnRenamed("likes", "p_spam2"), "body", "p_spam");
    assertThat(again.columns()).containsExactly("post_id", "body", "p_spam2", "p_spam");
  }

  /**
   * The compiled scorer the per-post pass uses equals MLlib's transform of the pipeline, bit for bit, on every UCI
   * comment, the 20,000 Facebook news posts, the customer-support tweets and characters that test the tokeniser
   * (marks, digits of other scripts, supplementary letters, a lone surrogate, upper case that lower-cases to two
   * chars).
   */
  @Test
  void compiledScorerEqualsThePipelineBitForBit() throws Exception {
    List<String> texts = new ArrayList<>(List.of("", "!!!", "$$$ €€ ££ ??", "CHECK OUT MY CHANNEL!!!",
        "İstanbul İSTANBUL", "e\u0301te\u0301 café", "٣٤٥ numbers ⅷ ½", "𝐒𝐔𝐁𝐒𝐂𝐑𝐈𝐁𝐄 now 😍 please", "a\uD800b",
        "subscribe subscribe subscribe my channel my channel", "ǅungla ß straße", "check\tout\nmy\u00A0channel"));
    for (SpamClassifier.Comment c : SpamClassifier.bundled()) texts.add(c.text());
    texts.addAll(io.megaphone.testing.Pipeline.realColumn("facebook-news/fb_news_posts_20K.csv", ',', "message"));
    texts.addAll(io.megaphone.testing.Pipeline.realColumn("twcs/twcs_head5000.csv", ',', "text"));
    StructType schema = new StructType().add("i", DataTypes.IntegerType).add("body", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) rows.add(RowFactory.create(i, texts.get(i)));
    List<Row> mllib = model.score(spark.createDataFrame(rows, schema), "body", "p").orderBy("i").collectAsList();
    SpamScorer scorer = model.scorer();
    int differ = 0;
    double maxDiff = 0;
    for (Row r : mllib) {
      double compiled = scorer.probability(r.getString(1));
      if (compiled != r.getDouble(2)) differ++;
      maxDiff = Math.max(maxDiff, Math.abs(compiled - r.getDouble(2)));
    }
    System.out.printf("compiled scorer vs MLlib transform: %d texts, %d differ, max |diff| %.3g%n", texts.size(),
        differ, maxDiff);
    assertThat(texts.size()).isGreaterThan(25_000);
    assertThat(differ).as("texts scored differently (max |diff| %s)", maxDiff).isZero();
  }

  /**
   * Jobs score with the model recorded in the jar ({@link SpamModel#bundled()}): it must be exactly what fitting
   * the pipeline on the bundled data gives now (same vocabulary, same weights to the last bit, same metadata but the
   * training time). After a deliberate change of the data or the pipeline, rerun this test with
   * {@code -Dspam.record=true} to rewrite the recording (and bump {@link SpamClassifier#VERSION}).
   */
  @Test
  void bundledModelIsTheFitOfTheBundledData() throws Exception {
    String fitted = model.scorer().toText();
    SpamMetrics m = model.metrics();
    Path resources = Path.of("src/main/resources" + SpamClassifier.RESOURCES);
    if (Boolean.getBoolean("spam.record")) {
      Files.writeString(resources.resolve(SpamModel.SCORER), fitted);
      Files.writeString(resources.resolve(SpamModel.METADATA), m.toJson());
      System.out.println("recorded the spam model in " + resources);
    }
    SpamModel bundled = SpamModel.bundled();
    assertThat(bundled.scorer().toText()).as("recorded scorer.tsv (rerun with -Dspam.record=true)").isEqualTo(fitted);
    SpamMetrics b = bundled.metrics();
    assertThat(new SpamMetrics(b.version(), b.data(), b.dataFrom(), b.dataTo(), m.trainedAt(), b.trainingSize(),
        b.trainingSpam(), b.crossValidation(), b.folds(), b.meanAuc(), b.features(), b.classifier(),
        m.trainingSeconds())).as("recorded metadata.json").isEqualTo(m);
    assertThat(fitted.lines().count()).as("vocabulary + 2 lines").isGreaterThan(1000);

    // a job without quality.spam-model scores with it and keeps it in OUT/models/spam
    Path out = tmp.resolve("job-default/models/spam");
    SpamModel forJob = SpamModel.forJob(spark, "", out.toString());
    assertThat(Files.readString(out.resolve(SpamModel.SCORER))).isEqualTo(fitted);
    assertThat(out.resolve(SpamModel.METADATA)).exists();
    assertThat(out.resolve(SpamModel.PIPELINE_DIR)).doesNotExist();
    SpamModel reloaded = SpamModel.load(spark, out.toString());
    assertThat(reloaded.metrics()).isEqualTo(b);
    Dataset<Row> df = posts();
    assertThat(scores(reloaded, df)).isEqualTo(scores(model, df));
    assertThat(scores(forJob, df)).isEqualTo(scores(model, df));
  }

  @Test
  void savedAndLoadedModelScoresIdentically() throws Exception {
    assertThat(modelDir.resolve("metadata.json")).exists();
    assertThat(modelDir.resolve("pipeline")).isDirectory();
    String json = Files.readString(modelDir.resolve("metadata.json"));
    assertThat(json).contains("\"model_version\" : \"spam-uci-1\"").contains("\"mean_auc\"")
        .contains("\"folds\"").contains("\"training_size\" : 1956");

    SpamModel loaded = SpamModel.load(spark, modelDir.toString());
    assertThat(loaded.metrics()).isEqualTo(model.metrics());
    Dataset<Row> df = posts();
    Map<String, Double> before = scores(model, df);
    Map<String, Double> after = scores(loaded, df);
    assertThat(after).isEqualTo(before);

    // the job path with quality.spam-model set loads that folder instead of training
    SpamModel viaParam = SpamModel.forJob(spark, " " + modelDir + " ", tmp.resolve("unused").toString());
    assertThat(viaParam.metrics()).isEqualTo(model.metrics());
    assertThat(tmp.resolve("unused")).doesNotExist();
  }

  @Test
  void loadRefusesAFolderThatIsNotAModel() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("not-a-model"));
    assertThatThrownBy(() -> SpamModel.load(spark, empty.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quality.spam-model")
        .hasMessageContaining("is not a saved spam model");
  }

  @Test
  void metadataJsonRoundTripsAndNamesMissingFields() {
    SpamMetrics m = new SpamMetrics("spam-uci-1", "d", "2013-07-12", "2015-06-05", "2026-01-01T00:00:00Z", 10, 4,
        "leave-one-video-out",
        List.of(new SpamMetrics.Fold("v1", 5, 2, 0.93, 1), new SpamMetrics.Fold("v2", 5, 2, 0.97, 0)),
        0.95, "f", "c", 1.5);
    assertThat(SpamMetrics.fromJson(m.toJson(), "x")).isEqualTo(m);
    assertThatThrownBy(() -> SpamMetrics.fromJson("{\"model_version\":\"spam-uci-1\"}", "dir/metadata.json"))
        .hasMessage("dir/metadata.json: field 'folds' is missing");
    assertThatThrownBy(() -> SpamMetrics.fromJson("{oops", "dir/metadata.json"))
        .hasMessageStartingWith("dir/metadata.json: not valid JSON");
  }

  @Test
  void parameterDefaultsToTrainingOnTheBundledSet() {
    Parameter p = Parameter.byKey("quality.spam-model").orElseThrow();
    assertThat(p.defaultValue()).isEmpty();
    assertThat(p.validate("  /models/spam ")).isEqualTo("/models/spam");
    assertThat(Arrays.asList(Parameter.values())).contains(Parameter.QUALITY_SPAM_MODEL);
  }
}
