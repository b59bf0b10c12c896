package org.labourgraph;

import java.nio.file.Path;

/** Where the project's own files (ontology/, data/, queries/) are, as surefire tells the tests. */
public final class ProjectFiles {
    private ProjectFiles() {}

    public static Path root() {
        String root = System.getProperty("labourgraph.root");
        return (root != null ? Path.of(root) : Path.of("")).toAbsolutePath();
    }
}
