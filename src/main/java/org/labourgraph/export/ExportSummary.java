package org.labourgraph.export;

import java.time.Duration;

/** What an export wrote: statements (triples, or quads for the formats that keep graphs), graphs, time taken. */
public record ExportSummary(DumpFormat format, long statements, int graphs, Duration took) {}
