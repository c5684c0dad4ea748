package io.megaphone.generate;

/** Independent random streams per (seed, block): a block's posts never depend on which task makes them. */
final class Seeds {
  private Seeds() {}

  /** SplitMix64 finaliser over the pair. */
  static long mix(long seed, long stream) {
    long z = seed * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
