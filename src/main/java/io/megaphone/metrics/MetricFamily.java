package io.megaphone.metrics;

import java.util.List;

/**
 * One family of metrics (responsiveness, duplication, quality, ...). A family that fails is reported as
 * failed in the manifest and the report; the others still run.
 */
public interface MetricFamily {
  String name();

  List<MetricTable> compute(AnalysisContext context);
}
