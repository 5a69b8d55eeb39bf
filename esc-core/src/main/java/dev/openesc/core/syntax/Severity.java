package dev.openesc.core.syntax;

/** Diagnostic severity; the numbers are the reference's wire values. */
public enum Severity {
    ERROR(1),
    WARNING(2);

    private final int code;

    Severity(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
