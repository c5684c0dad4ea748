package io.megaphone.generate;

/** One generated post with what was planted in it (role, kind, copy, addressed brands, answer). */
final class SyntheticPost {
  enum Role { BRAND_ORIGINAL, BRAND_REPLY, BRAND_REPOST, PUBLIC_INBOUND, PUBLIC_POST, PUBLIC_REPLY }

  enum Copy { ORIGINAL, VERBATIM, EDITED, REWRITTEN, SELF_REPOST }

  long id = -1;
  final Role role;
  final String platform;
  final int platformIndex;
  /** the brand account, or null for the public */
  final Account account;
  /** the public user, or -1 */
  final long user;
  final long createdAt;
  final Text text;
  final String lang;
  SyntheticPost parent;
  SyntheticPost repostOf;
  long likes;
  long shares;
  long replies;
  long views;

  ContentKind kind;
  Copy copy;
  long group = -1;
  /** brands an inbound post addresses */
  int[] inbound;
  boolean question;
  /** the brand whose answer this is (to {@link #parent}), and after how many seconds */
  int answersBrand = -1;
  long responseSeconds;

  SyntheticPost(Role role, String platform, int platformIndex, Account account, long user, long createdAt, Text text,
      String lang) {
    this.role = role;
    this.platform = platform;
    this.platformIndex = platformIndex;
    this.account = account;
    this.user = user;
    this.createdAt = createdAt;
    this.text = text;
    this.lang = lang;
  }

  boolean byBrand() {
    return account != null;
  }

  String accountId() {
    return account != null ? account.id() : World.userId(user);
  }

  String handle() {
    return account != null ? account.handle() : World.userHandle(user);
  }

  long conversationId() {
    SyntheticPost p = this;
    while (p.parent != null) p = p.parent;
    return p.id;
  }
}
