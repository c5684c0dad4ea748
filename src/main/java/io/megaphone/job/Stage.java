package io.megaphone.job;

/** The pipeline's stages, in order (SPEC §1). */
public enum Stage {
  INGEST, ANALYZE, REPORT;

  public String label() {
    return name().toLowerCase();
  }
}
