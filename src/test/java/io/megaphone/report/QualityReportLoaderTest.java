package io.megaphone.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.megaphone.archive.OutputLayout;
import io.megaphone.metrics.quality.QualityFlag;
import io.megaphone.report.model.QualityReport;
import io.megaphone.report.model.ReportModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ReportModelLoader reads the four quality tables with the columns of the issue-6 contract (no Spark). */
class QualityReportLoaderTest {

  private static OutputLayout layout(Path dir) {
    return new OutputLayout(dir.toString(), new Configuration());
  }

  @Test
  void missingTablesGiveAnEmptySectionAndWarnings(@TempDir Path dir) {
    List<String> warnings = new ArrayList<>();
    QualityReport q = ReportModelLoader.quality(layout(dir), warnings);
    assertThat(q.isEmpty()).isTrue();
    assertThat(warnings).contains("Table quality is missing: its stage did not run or failed.",
        "Table platform_quality is missing: its stage did not run or failed.",
        "Table quality_tests is missing: its stage did not run or failed.",
        "Table quality_examples is missing: its stage did not run or failed.");
    ReportModel model = ReportModelLoader.load(layout(dir));
    assertThat(model.quality().isEmpty()).isTrue();
  }

  @Test
  void readsTheContractColumns(@TempDir Path dir) throws Exception {
    Path metrics = Files.createDirectories(dir.resolve("metrics"));
    StringBuilder header = new StringBuilder("brand,platform,posts");
    StringBuilder row = new StringBuilder("\"Crêperie, Élysée\",instagram,200");
    for (QualityFlag f : QualityFlag.values()) {
      header.append(',').append(f.column()).append("_posts,").append(f.column()).append("_rate");
      row.append(f == QualityFlag.LINK_ONLY ? ",20,0.1" : f == QualityFlag.SPAM ? ",0," : ",0,0.0");
    }
    header.append(",spam_mean_probability,replies,active_days,posts_per_active_day,busiest_hour,busiest_hour_share,"
        + "days_over_threshold_share,accounts");
    row.append(",0.25,12,40,5.0,9,0.3,0.125,2");
    Files.writeString(metrics.resolve("quality.csv"), header + "\n" + row + "\n", StandardCharsets.UTF_8);
    Files.writeString(metrics.resolve("platform_quality.csv"),
        "platform,flag,brands,posts,flagged,rate,wilson_low,wilson_high,bootstrap_low,bootstrap_high\n"
            + "instagram,link_only,1,200,20,0.1,0.0658,0.1493,0.1,0.1\n"
            + "twitter,link_only,0,0,0,,,,,\n", StandardCharsets.UTF_8);
    Files.writeString(metrics.resolve("quality_tests.csv"),
        "flag,test,platform_a,platform_b,rate_a,rate_b,statistic,df,p_value,p_adjusted,significant,sentence\n"
            + "link_only,chi_square_all,,,,,0.0,0,1.0,1.0,false,\n"
            + "link_only,pairwise,instagram,twitter,0.1,0.03,9.5,1,0.002,0.004,true,"
            + "\"Instagram posts are more often link-only than Twitter posts (10.0 % vs 3.0 %, adjusted p = 0.004)\"\n",
        StandardCharsets.UTF_8);
    Files.writeString(metrics.resolve("quality_examples.csv"),
        "flag,brand,platform,post_id,created_at,text\n"
            + "link_only,\"Crêperie, Élysée\",instagram,17,2025-01-02T03:04:05Z,\"@user-0badcafe \"\"look\"\"\n"
            + "https://x.y\"\n", StandardCharsets.UTF_8);

    List<String> warnings = new ArrayList<>();
    QualityReport q = ReportModelLoader.quality(layout(dir), warnings);
    assertThat(warnings).isEmpty();

    QualityReport.BrandRow b = q.brands().get(0);
    assertThat(b.brand()).isEqualTo("Crêperie, Élysée");
    assertThat(b.posts()).isEqualTo(200);
    assertThat(b.flagged()).hasSize(QualityFlag.values().length).containsEntry("link_only", 20L);
    assertThat(b.rates()).containsEntry("link_only", 0.1).doesNotContainKey("spam");
    assertThat(b.spamMeanProbability()).isEqualTo(0.25);
    assertThat(b.busiestHour()).isEqualTo(9);
    assertThat(b.daysOverThresholdShare()).isEqualTo(0.125);
    assertThat(b.accounts()).isEqualTo(2);

    assertThat(q.platforms()).hasSize(2);
    assertThat(q.platforms().get(0).wilsonLow()).isEqualTo(0.0658);
    assertThat(q.platforms().get(1).rate()).isNull();

    assertThat(q.tests().get(0).isOmnibus()).isTrue();
    assertThat(q.tests().get(0).rateA()).isNull();
    assertThat(q.tests().get(0).df()).isZero();
    assertThat(q.tests().get(1).significant()).isTrue();
    assertThat(q.tests().get(1).sentence()).startsWith("Instagram posts are more often link-only");

    assertThat(q.examples().get(0).text()).isEqualTo("@user-0badcafe \"look\"\nhttps://x.y");

    // The view: the significant pair stated, the omnibus row without sentence; the rates with intervals.
    QualityView v = QualityView.of(q, new ReportView.ChartView("", 1, 1, ""));
    assertThat(v.differences()).containsExactly(
        "Instagram posts are more often link-only than Twitter posts (10.0 % vs 3.0 %, adjusted p = 0.004).");
    assertThat(v.platformRates().get(0).rows().stream().map(QualityView.PlatformRateView::wilson)
        .collect(Collectors.toList())).containsExactly("6.6–14.9\u00A0%", "—");
    assertThat(v.brands().get(0).rows().get(0).busiestHour()).isEqualTo("09:00");
  }

  @Test
  void aPseudonymKeyThatWasSetIsNotPrinted(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("manifest.json"), "{\"parameters\": {\"quality.pseudonym-key\": \"s3cret\"}}");
    ReportModel m = ReportModelLoader.load(layout(dir));
    assertThat(m.parameters()).filteredOn(p -> p.key().equals("quality.pseudonym-key"))
        .singleElement().satisfies(p -> assertThat(p.value()).isEqualTo("(set; not shown)"));
  }
}
