package io.megaphone.metrics;

import io.megaphone.archive.OutputLayout;
import io.megaphone.job.JobSettings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What every metric family reads: the canonical archive and the brand accounts (registered or derived,
 * {@code brand, platform, account_id, handle}); {@code out} for a family that writes a table too large for the
 * driver (its Parquet folder under metrics/).
 */
public record AnalysisContext(SparkSession spark, Dataset<Row> archive, Dataset<Row> brandAccounts,
    JobSettings settings, OutputLayout out) {}
