package io.megaphone.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;

/** What parsers need to know about the job, shipped to every task. */
public record IngestOptions(Instant minCreatedAt, Instant maxCreatedAt, String defaultZone) implements Serializable {
  public ZoneId zone() {
    return ZoneId.of(defaultZone);
  }
}
