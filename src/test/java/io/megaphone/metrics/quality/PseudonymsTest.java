package io.megaphone.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

  /**
   * RFC 4231 test case 2: HMAC-SHA256 with key "Jefe" of "what do ya want for nothing?" is
   * 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843; a pseudonym keeps the first 8 hex characters.
   * The handle is lower-cased before hashing, so the message is the lower-cased handle.
   */
  @Test
  void pseudonymIsTheHmacPrefix_rfc4231() {
    assertThat(Pseudonyms.pseudonym("what do ya want for nothing?", "Jefe")).isEqualTo("user-5bdcc146");
  }

  @Test
  void replacesPublicHandlesKeepsBrands() {
    String key = "k1";
    String alice = "@" + Pseudonyms.pseudonym("alice", key);
    String out = Pseudonyms.mentions("Hi @Alice and @alice, ask @BrandCo! Mail me at bob@example.com.", Set.of("brandco"),
        key);
    assertThat(out).isEqualTo("Hi " + alice + " and " + alice + ", ask @BrandCo! Mail me at bob@example.com.");
    assertThat(alice).matches("@user-[0-9a-f]{8}");
  }

  @Test
  void handleShapes() {
    String key = "k";
    // Bluesky handles with dots, a trailing full stop left alone; Mastodon user@instance as one handle.
    assertThat(Pseudonyms.mentions("cc @jane.bsky.social.", Set.of(), key))
        .isEqualTo("cc @" + Pseudonyms.pseudonym("jane.bsky.social", key) + ".");
    assertThat(Pseudonyms.mentions("merci @marie@mastodon.social !", Set.of(), key))
        .isEqualTo("merci @" + Pseudonyms.pseudonym("marie@mastodon.social", key) + " !");
    // A brand handle stays named whether the registry lists it with or without the @, or only its local part.
    assertThat(Pseudonyms.mentions("@Brand@mastodon.social @shop", Set.of("brand", "@shop"), key))
        .isEqualTo("@Brand@mastodon.social @shop");
    assertThat(Pseudonyms.mentions("@Émilie_99 bravo", Set.of(), key))
        .isEqualTo("@" + Pseudonyms.pseudonym("émilie_99", key) + " bravo");
  }

  @Test
  void keyParameterIsAnyText() {
    io.megaphone.job.Parameter p = io.megaphone.job.Parameter.QUALITY_PSEUDONYM_KEY;
    assertThat(p.validate(" my key, 2026 ")).isEqualTo(" my key, 2026 ");
    assertThat(io.megaphone.job.Parameter.defaults()).containsEntry("quality.pseudonym-key", "megaphone-pseudonyms");
  }

  @Test
  void keyChangesPseudonym_nothingToDoLeavesText() {
    assertThat(Pseudonyms.pseudonym("alice", "a")).isNotEqualTo(Pseudonyms.pseudonym("alice", "b"));
    assertThat(Pseudonyms.pseudonym("@alice", "a")).isEqualTo(Pseudonyms.pseudonym("ALICE", "a"));
    String text = "no handle here, only email a@b.fr and a lone @ sign";
    assertThat(Pseudonyms.mentions(text, Set.of(), "k")).isSameAs(text);
    assertThat(Pseudonyms.mentions(null, Set.of(), "k")).isNull();
    assertThat(Pseudonyms.mentions("@x", null, "")).matches("@user-[0-9a-f]{8}");
  }
}
