package dev.steward.console;

import dev.steward.request.RequestSearch.Week;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A stacked bar chart of weeks, laid out on the server so the page draws it as plain SVG with no
 * script: one bar per week, one segment per series.
 *
 * @param series each series' key and its fill colour, in stack order
 * @param bars every segment, with its place and size in the SVG's user units
 * @param labels the weeks' first days under their bars
 * @param max the top of the scale
 */
public record WeeklyChart(Map<String, String> series, List<Bar> bars, List<Label> labels, int max) {
  public static final int WIDTH = 640;
  public static final int HEIGHT = 220;
  private static final int LEFT = 32;
  private static final int BOTTOM = 24;
  private static final int TOP = 8;
  private static final List<String> PALETTE =
      List.of(
          "#1d70b8", "#f47738", "#4c2c92", "#28a197", "#912b88", "#d4351c", "#505a5f", "#85994b");

  /** One segment: week {@code week}, series {@code key}, {@code count} requests. */
  public record Bar(
      double x,
      double y,
      double width,
      double height,
      String fill,
      String key,
      String week,
      int count) {}

  public record Label(double x, String text) {}

  /** Requests received per week, one series per request type. */
  static WeeklyChart received(List<Week> weeks) {
    TreeSet<String> types = new TreeSet<>();
    weeks.forEach(w -> types.addAll(w.received().keySet()));
    List<Map<String, Integer>> counts = weeks.stream().map(Week::received).toList();
    return of(weeks, List.copyOf(types), counts, PALETTE);
  }

  /** Completions per week, on time and late. */
  static WeeklyChart completions(List<Week> weeks) {
    List<Map<String, Integer>> counts =
        weeks.stream()
            .map(
                w -> {
                  Map<String, Integer> map = new LinkedHashMap<>();
                  map.put("onTime", w.onTime());
                  map.put("late", w.late());
                  return map;
                })
            .toList();
    return of(weeks, List.of("onTime", "late"), counts, List.of("#00703c", "#d4351c"));
  }

  private static WeeklyChart of(
      List<Week> weeks,
      List<String> keys,
      List<Map<String, Integer>> counts,
      List<String> colours) {
    Map<String, String> series = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      series.put(keys.get(i), colours.get(i % colours.size()));
    }
    int max = 1;
    for (Map<String, Integer> week : counts) {
      max = Math.max(max, week.values().stream().mapToInt(Integer::intValue).sum());
    }
    double plot = HEIGHT - BOTTOM - TOP;
    double slot = (WIDTH - LEFT) / (double) Math.max(1, weeks.size());
    double width = slot * 0.7;
    List<Bar> bars = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    for (int i = 0; i < weeks.size(); i++) {
      double x = LEFT + i * slot + (slot - width) / 2;
      double base = HEIGHT - BOTTOM;
      String week = weeks.get(i).start().toString();
      for (String key : keys) {
        int count = counts.get(i).getOrDefault(key, 0);
        if (count == 0) {
          continue;
        }
        double height = plot * count / max;
        base -= height;
        bars.add(
            new Bar(
                round(x),
                round(base),
                round(width),
                round(height),
                series.get(key),
                key,
                week,
                count));
      }
      labels.add(new Label(round(x + width / 2), week.substring(5)));
    }
    return new WeeklyChart(series, bars, labels, max);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  public boolean empty() {
    return bars.isEmpty();
  }

  public int left() {
    return LEFT;
  }

  public int baseline() {
    return HEIGHT - BOTTOM;
  }

  public int top() {
    return TOP;
  }
}
