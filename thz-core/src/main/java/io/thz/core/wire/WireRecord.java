package io.thz.core.wire;

/** A record that crosses Kafka: it carries the schema version it was written with. */
public interface WireRecord {

    /** The schema version this code writes and accepts. Bump on any incompatible change. */
    int SCHEMA = 1;

    /** The schema version the record was written with. */
    int schema();

    /** The run the record belongs to. */
    String runId();
}
