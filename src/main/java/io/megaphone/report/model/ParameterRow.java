package io.megaphone.report.model;

/** A job parameter as used by the run, with its documentation, for the methodology appendix. */
public record ParameterRow(String key, String value, String description) {}
