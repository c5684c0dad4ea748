package io.megaphone.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.megaphone.archive.Manifest;
import io.megaphone.archive.OutputLayout;
import io.megaphone.ingest.QuarantineReason;
import io.megaphone.job.Parameter;
import io.megaphone.report.model.DuplicationReport;
import io.megaphone.report.model.IngestRow;
import io.megaphone.report.model.InputFileRow;
import io.megaphone.report.model.ParameterRow;
import io.megaphone.report.model.QualityReport;
import io.megaphone.report.model.ReportModel;
import io.megaphone.report.model.ResponsivenessRow;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Builds the report model from a run's published outputs only (metrics CSVs and manifest.json). */
public final class ReportModelLoader {
  private ReportModelLoader() {}

  public static ReportModel load(OutputLayout out) {
    Manifest manifest = Manifest.loadOrEmpty(out);
    JsonNode root = manifest.root();
    JsonNode job = root.path("job");
    List<String> warnings = new ArrayList<>();

    List<InputFileRow> inputs = new ArrayList<>();
    for (JsonNode f : root.path("input_files")) {
      inputs.add(new InputFileRow(f.path("format").asText(), f.path("path").asText(), f.path("size").asLong(),
          f.path("sha256").asText("")));
    }
    List<IngestRow> ingest = rows(out, "ingest_summary", r -> {
      Map<String, Long> reasons = new LinkedHashMap<>();
      for (QuarantineReason q : QuarantineReason.values()) {
        long n = Long.parseLong(r.get("quarantined_" + q.code()));
        if (n > 0) reasons.put(q.code(), n);
      }
      return new IngestRow(r.get("source"), r.get("format"), Long.parseLong(r.get("records_read")),
          Long.parseLong(r.get("records_accepted")), Long.parseLong(r.get("records_quarantined")),
          Boolean.parseBoolean(r.get("reconciled")), reasons);
    }, warnings);
    for (IngestRow r : ingest) {
      if (!r.reconciled()) warnings.add("Source " + r.source() + " does not reconcile (read != accepted + quarantined).");
    }
    List<ResponsivenessRow> resp = rows(out, "responsiveness", r -> new ResponsivenessRow(r.get("brand"),
        r.get("platform"), lng(r, "inbound"), lng(r, "answered"), dbl(r, "response_rate"), dbl(r, "rt_median_s"),
        dbl(r, "rt_mean_s"), dbl(r, "rt_p90_s"), dbl(r, "rt_mean_fastest90_s"), lng(r, "answered_0_1h"),
        lng(r, "answered_1_8h"), lng(r, "answered_8_24h"), lng(r, "answered_over_24h"), lng(r, "unanswered"),
        lng(r, "brand_posts"), lng(r, "brand_originals"), lng(r, "brand_replies"), lng(r, "brand_reposts"),
        lng(r, "replies_to_others"), dbl(r, "reply_share"), dbl(r, "broadcast_ratio")), warnings);
    for (var f : root.path("stages").path("analyze").path("metric_families").properties()) {
      if (!"ok".equals(f.getValue().path("status").asText())) {
        warnings.add("Metric family " + f.getKey() + " failed: " + f.getValue().path("error").asText());
      }
    }

    List<ParameterRow> params = new ArrayList<>();
    JsonNode used = root.path("parameters");
    for (Parameter p : Parameter.values()) {
      String value = used.path(p.key()).asText(p.defaultValue());
      if (p == Parameter.QUALITY_PSEUDONYM_KEY && !value.equals(p.defaultValue())) value = "(set; not shown)";
      params.add(new ParameterRow(p.key(), value, p.description()));
    }
    DuplicationReport duplication = new DuplicationReport(
        rows(out, "duplication", r -> new DuplicationReport.Row(r.get("brand"), r.get("platform"),
            lng(r, "posts_considered"), lng(r, "posts_too_short"), lng(r, "clusters"), lng(r, "cross_platform_clusters"),
            dbl(r, "cross_platform_dup_rate"), dbl(r, "self_repetition_rate"), dbl(r, "verbatim_share")), warnings),
        rows(out, "duplication_pairs", r -> new DuplicationReport.PairRow(r.get("brand"), r.get("platform_a"),
            r.get("platform_b"), lng(r, "clusters"), lng(r, "first_on_a"), lng(r, "first_on_b"),
            dbl(r, "median_lag_s")), warnings),
        rows(out, "duplication_top_clusters", r -> new DuplicationReport.ClusterPost(r.get("brand"),
            Integer.parseInt(r.get("cluster_rank")), lng(r, "cluster_posts"), lng(r, "cluster_platforms"),
            Boolean.parseBoolean(r.get("verbatim")), r.get("platform"), r.get("post_id"), r.get("account_handle"),
            r.get("created_at"), r.get("text")), warnings));
    QualityReport quality = quality(out, warnings);
    String name = job.path("name").asText("adhoc");
    return new ReportModel("Megaphone report: " + name, name, job.path("description").asText(""),
        root.path("tool").path("version").asText("dev"), root.path("started_at").asText(""),
        Instant.now().toString(), inputs, ingest, resp, params, warnings, duplication, quality);
  }

  /** The four content-quality tables; a missing table gives no rows (and a warning), a missing column a null. */
  static QualityReport quality(OutputLayout out, List<String> warnings) {
    List<QualityReport.BrandRow> brands = rows(out, "quality", r -> {
      Map<String, Long> flagged = new LinkedHashMap<>();
      Map<String, Double> rates = new LinkedHashMap<>();
      for (String h : r.getParser().getHeaderNames()) {
        if (!h.endsWith("_rate")) continue;
        String flag = h.substring(0, h.length() - "_rate".length());
        if (!r.isMapped(flag + "_posts")) continue;
        flagged.put(flag, lng(r, flag + "_posts"));
        Double rate = dbl(r, h);
        if (rate != null) rates.put(flag, rate);
      }
      Double hour = optDbl(r, "busiest_hour");
      return new QualityReport.BrandRow(r.get("brand"), r.get("platform"), optLng(r, "posts"), flagged, rates,
          optDbl(r, "spam_mean_probability"), optLng(r, "replies"), optLng(r, "active_days"),
          optDbl(r, "posts_per_active_day"), hour == null ? null : (int) Math.round(hour),
          optDbl(r, "busiest_hour_share"), optDbl(r, "days_over_threshold_share"), optLng(r, "accounts"));
    }, warnings);
    List<QualityReport.PlatformRow> platforms = rows(out, "platform_quality", r -> new QualityReport.PlatformRow(
        r.get("platform"), r.get("flag"), optLng(r, "brands"), optLng(r, "posts"), optLng(r, "flagged"),
        optDbl(r, "rate"), optDbl(r, "wilson_low"), optDbl(r, "wilson_high"), optDbl(r, "bootstrap_low"),
        optDbl(r, "bootstrap_high")), warnings);
    List<QualityReport.TestRow> tests = rows(out, "quality_tests", r -> {
      Double df = optDbl(r, "df");
      return new QualityReport.TestRow(r.get("flag"), r.get("test"), opt(r, "platform_a"), opt(r, "platform_b"),
          optDbl(r, "rate_a"), optDbl(r, "rate_b"), optDbl(r, "statistic"), df == null ? null : (int) Math.round(df),
          optDbl(r, "p_value"), optDbl(r, "p_adjusted"), Boolean.parseBoolean(opt(r, "significant")),
          opt(r, "sentence"));
    }, warnings);
    List<QualityReport.Example> examples = rows(out, "quality_examples", r -> new QualityReport.Example(
        r.get("flag"), opt(r, "brand"), opt(r, "platform"), opt(r, "post_id"), opt(r, "created_at"),
        opt(r, "text")), warnings);
    return new QualityReport(brands, platforms, tests, examples);
  }

  private static String opt(CSVRecord r, String col) {
    return r.isMapped(col) && r.isSet(col) ? r.get(col) : "";
  }

  private static long optLng(CSVRecord r, String col) {
    String v = opt(r, col).trim();
    if (v.isEmpty()) return 0;
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return Math.round(Double.parseDouble(v));
    }
  }

  /** Null when the column is missing, empty or not a finite number (NaN). */
  private static Double optDbl(CSVRecord r, String col) {
    String v = opt(r, col).trim();
    if (v.isEmpty()) return null;
    double d = Double.parseDouble(v);
    return Double.isFinite(d) ? d : null;
  }

  private static <T> List<T> rows(OutputLayout out, String table, Function<CSVRecord, T> map, List<String> warnings) {
    String path = out.metricsCsv(table);
    if (!out.exists(path)) {
      warnings.add("Table " + table + " is missing: its stage did not run or failed.");
      return List.of();
    }
    List<T> rows = new ArrayList<>();
    CSVFormat fmt = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser p = CSVParser.builder().setReader(new StringReader(out.readText(path))).setFormat(fmt).get()) {
      for (CSVRecord r : p) rows.add(map.apply(r));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static long lng(CSVRecord r, String col) {
    String v = r.get(col);
    return v.isEmpty() ? 0 : Long.parseLong(v);
  }

  private static Double dbl(CSVRecord r, String col) {
    String v = r.get(col);
    return v.isEmpty() ? null : Double.valueOf(v);
  }
}
