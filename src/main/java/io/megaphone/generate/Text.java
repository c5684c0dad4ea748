package io.megaphone.generate;

import java.util.List;

/** A generated text with the entities a platform would extract from it and the flags it was planted with. */
record Text(String text, List<String> urls, List<String> hashtags, List<String> mentions, int flags) {
  Text withFlags(int more) {
    return new Text(text, urls, hashtags, mentions, flags | more);
  }
}
