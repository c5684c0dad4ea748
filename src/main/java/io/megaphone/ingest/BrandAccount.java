package io.megaphone.ingest;

import java.io.Serializable;

/** One row of the brand registry: an account of a brand on a platform. Either id or handle may be empty. */
public record BrandAccount(String brand, String platform, String accountId, String handle) implements Serializable {}
