package org.splitbnn.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.splitbnn.output.ParquetTable;

/**
 * A sweep's table folder as its writers lay it out: Parquet part files ({@link RowParquet}) named in row order,
 * then the {@link ParquetTable#SUCCESS} marker once all are in place. Spark, pandas and {@link ParquetTable} read
 * such a folder as one table.
 */
final class TableFiles {

    private TableFiles() {
    }

    /** The path of part file {@code index} of the table folder {@code folder}: file-name order is row order. */
    static Path part(Path folder, int index) {
        return new Path(folder, String.format(Locale.ROOT, "part-%05d.parquet", index));
    }

    /** Marks the table folder {@code folder}, whose part files are all in place, complete. */
    static void complete(Path folder, Configuration conf) throws IOException {
        RawFiles.of(folder, conf).place(new Path(folder, ParquetTable.SUCCESS), new byte[0]);
    }

    /** Writes {@code rows} of {@code schema} as the table folder {@code folder}: one part file, then the marker. */
    static void write(Path folder, StructType schema, List<Row> rows, Configuration conf) throws IOException {
        RawFiles.of(folder, conf).place(part(folder, 0), RowParquet.write(schema, rows, conf));
        complete(folder, conf);
    }
}
