package io.megaphone.ingest.mastodon;

import io.megaphone.ingest.IngestOptions;
import io.megaphone.ingest.SourceFormat;
import io.megaphone.ingest.json.JsonSources;
import io.megaphone.job.UsageException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Mastodon statuses from the REST API (Status entities) and from ActivityPub outboxes (a Mastodon account
 * export's outbox.json). Setting {@code server}: the domain the data came from; bare handles (Mastodon's
 * {@code acct} is a bare username for accounts of the server that answered) become {@code user@server}.
 */
public final class MastodonFormat implements SourceFormat {
  /** Input setting: the domain of the server the statuses were fetched from (or the exported account's). */
  public static final String SERVER = "server";

  @Override
  public String name() {
    return "mastodon";
  }

  @Override
  public String description() {
    return "Mastodon statuses: REST API Status entities (an array as GET /api/v1/accounts/:id/statuses returns,"
        + " JSON Lines, single statuses, context or search results) and ActivityPub outboxes"
        + " (OrderedCollection/OrderedCollectionPage of Create and Announce activities: an account export's"
        + " outbox.json)";
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of(SERVER);
  }

  @Override
  public void checkSettings(String input, Map<String, Object> settings) {
    SourceFormat.super.checkSettings(input, settings);
    Object server = settings.get(SERVER);
    if (server != null && !String.valueOf(server).matches("[A-Za-z0-9.-]+(:\\d+)?")) {
      throw new UsageException("input " + input + ": server '" + server + "' is not a domain"
          + " (write the server's domain alone, e.g. mastodon.social)");
    }
  }

  @Override
  public JavaRDD<Row> read(SparkSession spark, List<String> files, IngestOptions options) {
    return JsonSources.read(spark, files, name(), new MastodonParser(), options);
  }
}
