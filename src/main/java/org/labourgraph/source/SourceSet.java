package org.labourgraph.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The RDF files of a labourgraph tree: what the store loads (one named graph per file) and what
 * {@code labourgraph validate} checks. {@link #discover} finds the standard layout:
 * {@code ontology/*.ttl} (except {@code shapes.ttl}, which only validates) and every file under
 * {@code data/} (hidden files and Markdown notes aside — a file with an extension we cannot read is
 * kept, so that parsing reports it instead of it being silently skipped).
 */
public final class SourceSet {
    /** Name of the SHACL shapes file in ontology/: used to validate, never loaded as data. */
    public static final String SHAPES_FILE_NAME = "shapes.ttl";

    /** A stem becomes the last segment of a graph IRI, so it keeps to IRI-safe characters. */
    private static final Pattern SAFE_STEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]*");

    private final Path root;
    private final List<SourceFile> files;
    private final Path shapes;

    private SourceSet(Path root, List<SourceFile> files, Path shapes) {
        this.root = root;
        this.files = List.copyOf(files);
        this.shapes = shapes;
    }

    /** ontology/*.ttl (but shapes.ttl) and data/** under {@code root}, sorted by path. */
    public static SourceSet discover(Path root) {
        Path ontology = requireFolder(root, "ontology");
        Path data = requireFolder(root, "data");
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> entries = Files.list(ontology)) {
            entries.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".ttl"))
                    .forEach(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + ontology, e);
        }
        paths.addAll(filesUnder(data));
        return build(root, paths);
    }

    /**
     * The files named on a command line: each path is a file or a folder (searched like data/).
     * Relative paths are taken as given (relative to the working directory).
     */
    public static SourceSet of(Path root, List<Path> pathsOrDirs) {
        List<Path> paths = new ArrayList<>();
        for (Path given : pathsOrDirs) {
            if (Files.isDirectory(given)) {
                paths.addAll(filesUnder(given));
            } else if (Files.isRegularFile(given)) {
                paths.add(given);
            } else {
                throw new IllegalArgumentException("no such file or folder: " + given
                        + " (relative paths are taken from the working directory " + Path.of("").toAbsolutePath()
                        + "); give an RDF file or a folder of them");
            }
        }
        return build(root, paths);
    }

    /** The same files, validated with another shapes file. */
    public SourceSet withShapes(Path shapesFile) {
        if (!Files.isRegularFile(shapesFile)) {
            throw new IllegalArgumentException("no such shapes file: " + shapesFile + "; give a Turtle file of SHACL shapes");
        }
        return new SourceSet(root, files, shapesFile);
    }

    public Path root() {
        return root;
    }

    /** The files to load, each with its named graph, sorted by path. */
    public List<SourceFile> files() {
        return files;
    }

    /** The SHACL shapes: ontology/shapes.ttl when present (or the file given to {@link #withShapes}). */
    public Optional<Path> shapes() {
        return Optional.ofNullable(shapes);
    }

    /**
     * SHA-256 (hex) over every loaded file's path relative to the root and its bytes, in path order:
     * equal hashes mean the store already holds exactly these files. The shapes are not part of it:
     * they are never loaded.
     */
    public String contentHash() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
        for (SourceFile file : files) {
            byte[] name = relativeName(file.path()).getBytes(StandardCharsets.UTF_8);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file.path());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.path() + " to hash it", e);
            }
            // Lengths first, so that no two different file lists can feed the digest the same bytes.
            sha256.update(longBytes(name.length));
            sha256.update(name);
            sha256.update(longBytes(bytes.length));
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public String toString() {
        return "SourceSet" + files.stream().map(f -> relativeName(f.path())).toList();
    }

    private static SourceSet build(Path root, List<Path> candidates) {
        Path shapes = root.resolve("ontology").resolve(SHAPES_FILE_NAME).normalize();
        Map<Path, Path> unique = new LinkedHashMap<>();
        for (Path candidate : candidates) {
            Path normal = candidate.normalize();
            if (!sameFile(normal, shapes)) {
                unique.putIfAbsent(normal.toAbsolutePath(), normal);
            }
        }
        List<SourceFile> files = unique.values().stream()
                .sorted(Comparator.comparing(p -> relativeTo(root, p)))
                .map(SourceFile::of)
                .toList();
        requireUniqueSafeStems(files);
        return new SourceSet(root, files, Files.isRegularFile(shapes) ? shapes : null);
    }

    private static void requireUniqueSafeStems(List<SourceFile> files) {
        Map<String, SourceFile> byGraph = new LinkedHashMap<>();
        for (SourceFile file : files) {
            String stem = SourceFile.stemOf(file.path());
            if (!SAFE_STEM.matcher(stem).matches()) {
                throw new IllegalArgumentException("file name " + file.path() + " cannot name a graph: its stem '" + stem
                        + "' must be letters, digits, '-', '_', '.' or '~'; rename the file");
            }
            SourceFile other = byGraph.putIfAbsent(file.graphIri(), file);
            if (other != null) {
                throw new IllegalArgumentException("two source files share the stem '" + stem + "': " + other.path()
                        + " and " + file.path() + "; each file is loaded into the named graph <" + file.graphIri()
                        + ">, so rename one of them");
            }
        }
    }

    private static Path requireFolder(Path root, String name) {
        Path folder = root.resolve(name).normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no " + name + "/ folder in " + root.toAbsolutePath().normalize()
                    + ": run from the project root, give --root DIR, or create " + folder);
        }
        return folder;
    }

    private static List<Path> filesUnder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> isSourceCandidate(folder, p))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** Hidden files and folders (".git", editor swap files) and Markdown notes are not sources. */
    private static boolean isSourceCandidate(Path folder, Path file) {
        for (Path part : folder.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return !file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".md");
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private String relativeName(Path path) {
        return relativeTo(root, path);
    }

    /** The path relative to the root with '/' separators, or the absolute path when outside it. */
    private static String relativeTo(Path root, Path path) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(absoluteRoot) ? absoluteRoot.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[Long.BYTES];
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }
}
