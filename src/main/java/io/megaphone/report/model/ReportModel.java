package io.megaphone.report.model;

import java.util.List;

/**
 * Everything a report shows, as plain values: no Spark types, no I/O. Built by
 * {@code ReportModelLoader} from a run's metrics tables and manifest; rendered by the report layer.
 */
public record ReportModel(
    String title,
    String jobName,
    String jobDescription,
    String version,
    String runStartedAt,
    String generatedAt,
    List<InputFileRow> inputs,
    List<IngestRow> ingest,
    List<ResponsivenessRow> responsiveness,
    List<ParameterRow> parameters,
    List<String> warnings,
    DuplicationReport duplication,
    QualityReport quality) {

  public ReportModel {
    inputs = List.copyOf(inputs);
    ingest = List.copyOf(ingest);
    responsiveness = List.copyOf(responsiveness);
    parameters = List.copyOf(parameters);
    warnings = List.copyOf(warnings);
    if (quality == null) quality = QualityReport.empty();
  }

  /** A model without content-quality figures. */
  public ReportModel(String title, String jobName, String jobDescription, String version, String runStartedAt,
      String generatedAt, List<InputFileRow> inputs, List<IngestRow> ingest, List<ResponsivenessRow> responsiveness,
      List<ParameterRow> parameters, List<String> warnings, DuplicationReport duplication) {
    this(title, jobName, jobDescription, version, runStartedAt, generatedAt, inputs, ingest, responsiveness,
        parameters, warnings, duplication, QualityReport.empty());
  }
}
