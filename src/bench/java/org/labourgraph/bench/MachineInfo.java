package org.labourgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the figures were measured on: CPU, cores, memory, OS, Java and Jena versions, load average. */
public final class MachineInfo {
    private MachineInfo() {}

    public static List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("CPU: " + firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores available to Java");
        lines.add("RAM: " + firstValue(Path.of("/proc/meminfo"), "MemTotal").map(MachineInfo::gib).orElse("unknown"));
        lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        lines.add("Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        lines.add("Jena: " + jenaVersion() + " (labourgraph's embedded store and Fuseki; the standalone jena-fuseki-server"
                + " jar and its tdb2.tdbloader are the same release)");
        return lines;
    }

    /** Jena's release, from the jena-arq build metadata inside the jar. */
    static String jenaVersion() {
        try (java.io.InputStream in = MachineInfo.class.getResourceAsStream("/META-INF/maven/org.apache.jena/jena-arq/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    /** The 1-, 5- and 15-minute load averages, e.g. "0.52 0.61 0.70". */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String gib(String memTotal) {
        try {
            return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(memTotal.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return memTotal;
        }
    }
}
