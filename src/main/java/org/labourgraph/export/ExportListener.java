package org.labourgraph.export;

/** Told how far an export got; called every few thousand statements and once at the end. */
@FunctionalInterface
public interface ExportListener {
    ExportListener NONE = written -> {};

    void progress(long statementsWritten);
}
