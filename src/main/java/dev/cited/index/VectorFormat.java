package dev.cited.index;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How passage vectors are kept in Lucene's on-disk HNSW graph, looked up by name: full floats, or int8
 * scalar quantization (a quarter of the bytes to search through; the floats are kept beside them to re-rank and
 * merge). Part of the index's settings: changing it rebuilds the index.
 */
public enum VectorFormat {
    FLOAT32("float32", Lucene99HnswVectorsFormat::new),
    INT8("int8", Lucene99HnswScalarQuantizedVectorsFormat::new);

    private final String name;
    private final Supplier<KnnVectorsFormat> format;

    VectorFormat(String name, Supplier<KnnVectorsFormat> format) {
        this.name = name;
        this.format = format;
    }

    public static VectorFormat parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name.equals(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown vector format '" + value
                        + "': use float32 or int8"));
    }

    public String label() {
        return name;
    }

    /** The codec that writes vectors this way (and everything else as Lucene does by default). */
    Codec codec() {
        KnnVectorsFormat vectors = format.get();
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }
}
