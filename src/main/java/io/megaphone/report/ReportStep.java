package io.megaphone.report;

import io.megaphone.archive.OutputLayout;
import io.megaphone.job.Parameter;
import io.megaphone.report.model.ParameterRow;
import io.megaphone.report.model.ReportModel;
import io.megaphone.spark.Phase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Metrics → report files. Rendered locally, then published into OUT/reports (any Hadoop file system). */
public final class ReportStep {
  private ReportStep() {}

  /** @return the qualified path of report.pdf */
  public static String run(OutputLayout out) {
    try (Phase p = Phase.start(null, "report", "render HTML and PDF")) {
      ReportModel model = ReportModelLoader.load(out);
      int top = model.parameters().stream().filter(r -> r.key().equals(Parameter.REPORT_TOP_BRANDS.key()))
          .map(ParameterRow::value).map(Integer::parseInt).findFirst().orElse(25);
      ReportWriter writer = new ReportWriter(top);
      if (out.isLocal()) {
        writer.write(model, Path.of(java.net.URI.create(out.reports())));
      } else {
        Path tmp = Files.createTempDirectory("megaphone-report");
        try {
          writer.write(model, tmp);
          out.copyFromLocal(tmp, out.reports());
        } finally {
          try (Stream<Path> s = Files.walk(tmp)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
          }
        }
      }
      return out.child("reports/" + ReportWriter.PDF_FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
