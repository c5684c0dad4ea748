package io.megaphone.generate;

import java.io.Serializable;

/** A brand's account on one platform. {@code support} accounts answer the public when the brand has one. */
public record Account(int index, int brand, String platform, String id, String handle, double weight,
    boolean support) implements Serializable {}
