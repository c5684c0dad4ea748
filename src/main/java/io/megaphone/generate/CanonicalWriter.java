package io.megaphone.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/** Canonical posts (SPEC §2) as JSON Lines; the brand is left to the registry, as with any real source. */
final class CanonicalWriter implements PostWriter {
  private final JsonGenerator g;

  CanonicalWriter(OutputStream out) throws IOException {
    g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
  }

  @Override
  public void write(List<SyntheticPost> block) throws IOException {
    for (SyntheticPost p : block) {
      g.writeStartObject();
      g.writeStringField("platform", p.platform);
      g.writeStringField("post_id", Long.toString(p.id));
      g.writeStringField("account_id", p.accountId());
      g.writeStringField("account_handle", p.handle());
      g.writeStringField("created_at", Instant.ofEpochSecond(p.createdAt).toString());
      g.writeStringField("text", p.text.text());
      g.writeStringField("lang", p.lang);
      if (p.parent != null) {
        g.writeStringField("in_reply_to_post_id", Long.toString(p.parent.id));
        g.writeStringField("in_reply_to_account_id", p.parent.accountId());
      }
      g.writeStringField("conversation_id", Long.toString(p.conversationId()));
      g.writeBooleanField("is_repost", p.repostOf != null);
      if (p.repostOf != null) g.writeStringField("repost_of_post_id", Long.toString(p.repostOf.id));
      array("urls", p.text.urls());
      array("hashtags", p.text.hashtags());
      array("mentions", p.text.mentions());
      g.writeNumberField("likes", p.likes);
      g.writeNumberField("shares", p.shares);
      g.writeNumberField("replies", p.replies);
      if (p.views > 0) g.writeNumberField("views", p.views);
      g.writeEndObject();
    }
  }

  private void array(String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  @Override
  public void close() throws IOException {
    g.writeRaw('\n');
    g.close();
  }
}
