package org.labourgraph.source;

import java.nio.file.Path;

/**
 * A source file that cannot be read as RDF: the first error found, with its position.
 * {@link #getMessage()} is {@code file:line:col: detail}, the form editors and CI logs turn into links;
 * when the error concerns the whole file (unknown extension, unreadable file) the position is unknown
 * ({@code line() == -1}) and the message is {@code file: detail}.
 */
public final class RdfSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final long column;
    private final String detail;

    public RdfSyntaxException(Path file, long line, long column, String detail) {
        super(format(file, line, column, detail));
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** An error about the whole file, with no position in it. */
    public static RdfSyntaxException wholeFile(Path file, String detail) {
        return new RdfSyntaxException(file, -1, -1, detail);
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or -1 when unknown. */
    public long line() {
        return line;
    }

    /** 1-based column, or -1 when unknown. */
    public long column() {
        return column;
    }

    public String detail() {
        return detail;
    }

    /** {@code file:line:col} (or just {@code file} when the position is unknown). */
    public String location() {
        return location(file, line, column);
    }

    /** {@code file:line:col}, or {@code file} when the line is unknown. */
    static String location(Path file, long line, long column) {
        String shown = displayPath(file);
        return line < 1 ? shown : shown + ":" + line + ":" + (column < 1 ? 1 : column);
    }

    private static String format(Path file, long line, long column, String detail) {
        return location(file, line, column) + ": " + detail;
    }

    /** The file as given, made relative to the working directory when it lies under it. */
    static String displayPath(Path file) {
        if (file.isAbsolute()) {
            Path cwd = Path.of("").toAbsolutePath().normalize();
            Path normal = file.normalize();
            if (normal.startsWith(cwd) && !normal.equals(cwd)) {
                return cwd.relativize(normal).toString();
            }
            return normal.toString();
        }
        return file.normalize().toString();
    }
}
