package kexeccheck.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import kexeccheck.trace.JsonSchemaFile;

/**
 * The kinds of JSON report, each with the {@code report} value it carries, its schema's version and
 * its schema ({@code kexec-check/KIND.schema.json}, JSON Schema 2020-12, shipped in the jar). The trace
 * inside a report follows {@code trace.schema.json}.
 */
public enum ReportKind {
    /** {@code check --format json}. */
    CHECK,
    /** {@code matrix --format json}, and {@code merge} of its shards. */
    MATRIX,
    /** {@code crosscheck --format json}, and {@code merge} of its shards. */
    CROSSCHECK,
    /** {@code diff --format json}. */
    DIFF,
    /** {@code board FILE.dtb --format json}. */
    BOARD,
    /** {@code board DIR --format json}. */
    FLEET,
    /** {@code machine --format json}. */
    MACHINE;

    /** The version of every report's JSON form; a change that breaks a reader raises it. */
    public static final int SCHEMA_VERSION = 1;

    private JsonSchemaFile schema;

    /** The {@code report} field's value. */
    public String kind() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The schema's classpath resource. */
    public String schemaResource() {
        return "/kexec-check/" + kind() + ".schema.json";
    }

    /** The schema, loaded on first use. */
    public synchronized JsonSchemaFile schema() {
        if (schema == null) {
            schema = JsonSchemaFile.load(schemaResource());
        }
        return schema;
    }

    /** The kind a {@code report} field names, if any. */
    public static Optional<ReportKind> of(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind().equals(kind)).findFirst();
    }
}
