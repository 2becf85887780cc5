package dev.steward.logscan;

import java.util.List;
import java.util.Map;

/**
 * What a scan found: the matching lines ordered by file and offset, lines per subject, and the work
 * done.
 *
 * @param linesPerSubject indexed by subject number
 * @param linesPerFile matching lines per file (relative path)
 */
public record ScanResult(
    List<LineMatch> matches,
    long[] linesPerSubject,
    Map<String, Integer> linesPerFile,
    int files,
    long bytes) {}
