package io.megaphone.report;

import io.megaphone.report.model.DuplicationReport;
import io.megaphone.report.model.IngestRow;
import io.megaphone.report.model.InputFileRow;
import io.megaphone.report.model.ParameterRow;
import io.megaphone.report.model.QualityReport;
import io.megaphone.report.model.ReportModel;
import io.megaphone.report.model.ResponsivenessRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built report models for the report layer's tests. */
final class ReportModels {

  static final String ACCENTED = "Crêperie Élysée";
  static final String HOSTILE = "Evil <script>alert(1)</script> & \"Co\" \u0000 😀";
  static final String SILENT = "Silent Mute & Sons";

  private ReportModels() {}

  static ReportModel threeBrands() {
    List<ResponsivenessRow> rows = new ArrayList<>();
    rows.add(row(ACCENTED, "all", 120, 96, 5_400.0, 9_000.0, 30_000.0, 4_000.0, 60, 20, 10, 6, 300, 40, 250, 10, 240));
    rows.add(row(ACCENTED, "x", 80, 70, 3_000.0, 7_000.0, 20_000.0, 2_500.0, 50, 12, 5, 3, 200, 30, 160, 10, 150));
    rows.add(row(ACCENTED, "bluesky", 40, 26, 15_000.0, 14_000.0, 45_000.0, 12_000.0, 10, 8, 5, 3, 100, 10, 90, 0, 90));
    rows.add(row(HOSTILE, "all", 300, 30, 45.0, 200_000.0, 600_000.0, 150_000.0, 12, 6, 4, 8, 50, 45, 5, 0, 2));
    rows.add(row(HOSTILE, "x", 300, 30, 45.0, 200_000.0, 600_000.0, 150_000.0, 12, 6, 4, 8, 50, 45, 5, 0, 2));
    rows.add(row(SILENT, "all", 15, 0, null, null, null, null, 0, 0, 0, 0, 4, 4, 0, 0, 0));

    Map<String, Long> okReasons = new LinkedHashMap<>();
    Map<String, Long> badReasons = new LinkedHashMap<>();
    badReasons.put("malformed_json", 7L);
    badReasons.put("missing_timestamp", 2L);
    badReasons.put("unknown_platform", 0L);

    return new ReportModel(
        "Brand responsiveness — spring 2025",
        "responsiveness-eu",
        "How fast do European brands answer their customers? Crêperie Élysée included; "
            + "hostile text: <img src=x onerror=alert(2)> \u001B[31m",
        "0.1.0-SNAPSHOT",
        "2025-05-01T08:00:00Z",
        "2025-05-01T09:12:44Z",
        List.of(
            new InputFileRow("jsonl", "/data/raw/x/2025/04/" + "very-long-directory-name-".repeat(6) + "posts.jsonl",
                12_345_678, "3f786850e387550fdab836ed7e6dc881de23001b3f786850e387550fdab836ed"),
            new InputFileRow("csv", "/data/brands & <registry>.csv", 2_048, "ab12")),
        List.of(
            new IngestRow("x", "jsonl", 1_000, 991, 9, true, badReasons),
            new IngestRow("bluesky", "jsonl", 500, 499, 0, false, okReasons)),
        rows,
        List.of(
            new ParameterRow("horizon", "P7D", "Replies later than this after the inbound post do not count."),
            new ParameterRow("brands.file", "brands <\"quoted\"> & more.csv", "The brand registry.")),
        List.of("Source bluesky does not reconcile: read ≠ accepted + quarantined.", "Hostile warning <b>\u0000"),
        duplication(),
        quality());
  }

  static final String QUALITY_SENTENCE =
      "Instagram posts are more often link-only than Twitter posts (12.0 % vs 3.1 %, adjusted p < 0.001)";

  /** Two brands on two platforms, link-only and self-promotion; a hostile example and a hostile sentence. */
  static QualityReport quality() {
    Map<String, Long> flagged = new LinkedHashMap<>();
    Map<String, Double> rates = new LinkedHashMap<>();
    flagged.put("link_only", 151L);
    rates.put("link_only", 0.0755);
    flagged.put("self_promotion", 40L);
    rates.put("self_promotion", 0.02);
    return new QualityReport(
        List.of(new QualityReport.BrandRow(ACCENTED, "all", 2000, flagged, rates, 0.12, 30, 200, 10.0, 18, 0.21, 0.05, 3),
            new QualityReport.BrandRow(ACCENTED, "instagram", 1000, Map.of("link_only", 120L),
                Map.of("link_only", 0.12), 0.1, 10, 100, 10.0, 18, 0.3, 0.1, 2),
            new QualityReport.BrandRow(HOSTILE, "twitter", 1000, Map.of("link_only", 31L), Map.of("link_only", 0.031),
                null, 20, 0, null, null, null, null, 1)),
        List.of(new QualityReport.PlatformRow("instagram", "link_only", 1, 1000, 120, 0.12, 0.1011, 0.1419, 0.12, 0.12),
            new QualityReport.PlatformRow("twitter", "link_only", 1, 1000, 31, 0.031, 0.0219, 0.0437, 0.031, 0.031),
            new QualityReport.PlatformRow("instagram", "self_promotion", 1, 1000, 30, 0.03, 0.0211, 0.0425, null, null),
            new QualityReport.PlatformRow("twitter", "self_promotion", 1, 1000, 10, 0.01, 0.0054, 0.0183, null, null)),
        List.of(new QualityReport.TestRow("link_only", "chi_square_all", "", "", null, null, 56.74, 1, 4.97e-14,
                9.9e-14, true, "The share of posts that are link-only differs between the 2 platforms"
                    + " (chi-square 56.7, df 1, adjusted p < 0.001)"),
            new QualityReport.TestRow("link_only", "pairwise", "instagram", "twitter", 0.12, 0.031, 56.74, 1, 4.97e-14,
                9.9e-14, true, QUALITY_SENTENCE),
            new QualityReport.TestRow("self_promotion", "pairwise", "instagram", "twitter", 0.03, 0.01, 10.2, 1, 0.0014,
                0.0028, true, "Hostile <i>sentence</i> & \u0000"),
            new QualityReport.TestRow("self_promotion", "chi_square_all", "", "", null, null, 0.5, 1, 0.48, 0.48,
                false, "")),
        List.of(new QualityReport.Example("link_only", ACCENTED, "instagram", "42", "2025-04-03T10:00:00Z",
                "@user-1a2b3c4d https://t.co/x <script>alert(3)</script>"),
            new QualityReport.Example("self_promotion", HOSTILE, "twitter", "43", "2025-04-04T10:00:00Z",
                "Soldes -30 % ]]> & \u0007 code promo 🎉")));
  }

  /** Two brands on three platforms; a cluster whose texts are hostile. */
  static DuplicationReport duplication() {
    return new DuplicationReport(
        List.of(new DuplicationReport.Row(ACCENTED, "all", 200, 12, 30, 20, 0.25, 0.05, 0.4),
            new DuplicationReport.Row(ACCENTED, "x", 120, 5, 25, 18, 0.3, 0.04, 0.5),
            new DuplicationReport.Row(ACCENTED, "bluesky", 80, 7, 20, 20, 0.5, 0.0, 0.4),
            new DuplicationReport.Row(HOSTILE, "all", 10, 0, 0, 0, 0.0, 0.0, null),
            new DuplicationReport.Row(SILENT, "all", 0, 3, 0, 0, null, null, null)),
        List.of(new DuplicationReport.PairRow(ACCENTED, "bluesky", "x", 20, 5, 15, 5400.0)),
        List.of(new DuplicationReport.ClusterPost(ACCENTED, 1, 3, 2, false, "x", "1", "brand", "2025-04-01T10:00:00Z",
                "Soldes d'été <script>alert(1)</script> & plus"),
            new DuplicationReport.ClusterPost(ACCENTED, 1, 3, 2, false, "bluesky", "2", "brand.bsky",
                "2025-04-01T11:30:00Z", "Soldes d’été ! \u0007 & plus 🎉"),
            new DuplicationReport.ClusterPost(HOSTILE, 1, 2, 1, true, "x", "9", "h", "2025-04-02T00:00:00Z",
                "]]> <!-- <b>bold</b>")));
  }

  static ResponsivenessRow row(
      String brand, String platform, long inbound, long answered,
      Double median, Double mean, Double p90, Double meanFastest90,
      long within1h, long within8h, long within24h, long over24h,
      long brandPosts, long originals, long replies, long reposts, long repliesToOthers) {
    Double rate = inbound == 0 ? null : (double) answered / inbound;
    Double replyShare = brandPosts == 0 ? null : (double) repliesToOthers / brandPosts;
    Double broadcast = repliesToOthers == 0 ? null : (double) originals / repliesToOthers;
    return new ResponsivenessRow(
        brand, platform, inbound, answered, rate, median, mean, p90, meanFastest90,
        within1h, within8h, within24h, over24h, inbound - answered,
        brandPosts, originals, replies, reposts, repliesToOthers, replyShare, broadcast);
  }
}
