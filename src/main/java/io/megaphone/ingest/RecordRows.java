package io.megaphone.ingest;

import java.sql.Timestamp;
import java.util.Iterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Parsed records ({@link CanonicalSchema#RECORD} rows) into a DataFrame. The schema is fixed, so each row is
 * converted to Spark's internal form by a switch per column instead of the generic Row encoder, which checks
 * and converts every value through its external type (a visible share of an ingest's CPU).
 */
final class RecordRows {
  private static final int STRING = 0;
  private static final int TIMESTAMP = 1;
  private static final int STRINGS = 2;
  private static final int LONG = 3;
  private static final int BOOLEAN = 4;
  private static final int[] KINDS = kinds();

  private RecordRows() {}

  static Dataset<Row> dataFrame(SparkSession spark, JavaRDD<Row> records) {
    if (spark instanceof org.apache.spark.sql.classic.SparkSession classic) {
      JavaRDD<InternalRow> internal = records.mapPartitions(RecordRows::convert);
      return classic.internalCreateDataFrame(internal.rdd(), CanonicalSchema.RECORD, false);
    }
    return spark.createDataFrame(records, CanonicalSchema.RECORD);
  }

  private static Iterator<InternalRow> convert(Iterator<Row> rows) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public InternalRow next() {
        return toInternal(rows.next());
      }
    };
  }

  static InternalRow toInternal(Row r) {
    Object[] v = new Object[KINDS.length];
    for (int i = 0; i < KINDS.length; i++) {
      Object x = r.get(i);
      if (x == null) continue;
      v[i] = switch (KINDS[i]) {
        case STRING -> UTF8String.fromString(x.toString());
        case TIMESTAMP -> DateTimeUtils.fromJavaTimestamp((Timestamp) x);
        case STRINGS -> strings((scala.collection.Seq<?>) x);
        case LONG -> ((Number) x).longValue();
        default -> (Boolean) x;
      };
    }
    return new GenericInternalRow(v);
  }

  private static GenericArrayData strings(scala.collection.Seq<?> seq) {
    Object[] out = new Object[seq.size()];
    scala.collection.Iterator<?> it = seq.iterator();
    for (int i = 0; it.hasNext(); i++) {
      Object s = it.next();
      out[i] = s == null ? null : UTF8String.fromString(s.toString());
    }
    return new GenericArrayData(out);
  }

  private static int[] kinds() {
    StructField[] f = CanonicalSchema.RECORD.fields();
    int[] k = new int[f.length];
    for (int i = 0; i < f.length; i++) {
      DataType t = f[i].dataType();
      if (t.equals(DataTypes.StringType)) k[i] = STRING;
      else if (t.equals(DataTypes.TimestampType)) k[i] = TIMESTAMP;
      else if (t instanceof ArrayType a && a.elementType().equals(DataTypes.StringType)) k[i] = STRINGS;
      else if (t.equals(DataTypes.LongType)) k[i] = LONG;
      else if (t.equals(DataTypes.BooleanType)) k[i] = BOOLEAN;
      else throw new IllegalStateException("no conversion for column " + f[i].name() + " of type " + t);
    }
    return k;
  }
}
