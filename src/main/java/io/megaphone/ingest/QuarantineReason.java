package io.megaphone.ingest;

/** Why a record read from a source is not in the archive. The codes are columns of ingest_summary.csv. */
public enum QuarantineReason {
  UNPARSEABLE("unparseable"),
  INVALID_ENCODING("invalid_encoding"),
  TRUNCATED("truncated"),
  MISSING_ID("missing_id"),
  MISSING_TIMESTAMP("missing_timestamp"),
  INVALID_TIMESTAMP("invalid_timestamp"),
  IMPOSSIBLE_TIMESTAMP("impossible_timestamp"),
  UNKNOWN_PLATFORM("unknown_platform"),
  /** A record or text beyond {@link PostRecord#MAX_RECORD_BYTES} / {@link PostRecord#MAX_TEXT_CHARS}. */
  TOO_LARGE("too_large"),
  DUPLICATE("duplicate");

  private final String code;

  QuarantineReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
