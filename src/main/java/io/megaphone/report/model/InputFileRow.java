package io.megaphone.report.model;

/** One input file of the run, as the manifest lists it. */
public record InputFileRow(String format, String path, long sizeBytes, String sha256) {}
