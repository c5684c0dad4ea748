package io.megaphone.report.model;

import java.util.Map;

/**
 * Reconciliation of one source file: {@code read = accepted + quarantined}. {@code quarantinedByReason}
 * keeps the reason codes in a stable order (only reasons with a non-zero count need to be present).
 */
public record IngestRow(
    String source,
    String format,
    long read,
    long accepted,
    long quarantined,
    boolean reconciled,
    Map<String, Long> quarantinedByReason) {

  public IngestRow {
    quarantinedByReason = Map.copyOf(quarantinedByReason);
  }
}
