package dev.steward.cli;

import dev.steward.error.InvalidInputException;
import dev.steward.request.RequestQueue;
import dev.steward.request.RequestSummary;
import dev.steward.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code steward requests}: the request queue from the operator's shell. */
@Command(
    name = "requests",
    mixinStandardHelpOptions = true,
    description = "Rights requests by their legal due dates.",
    subcommands = {RequestsCommand.Due.class})
public final class RequestsCommand implements Callable<Integer> {
  private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})([hdw])");

  private final StoreOpener store;
  private final Clock clock;

  @Spec CommandSpec spec;

  public RequestsCommand(StoreOpener store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return StewardCommand.USAGE;
  }

  @Command(
      name = "due",
      mixinStandardHelpOptions = true,
      description =
          "List open requests due within a period (and, with --overdue, those past due),"
              + " earliest first: reference, type, state, governing law, due date (or, while a"
              + " clarification stops the clock, since when and the days left when resumed).")
  static final class Due implements Callable<Integer> {
    @ParentCommand RequestsCommand parent;
    @Spec CommandSpec spec;

    @Option(
        names = "--within",
        paramLabel = "PERIOD",
        defaultValue = "7d",
        description = "Hours, days or weeks from now: 48h, 7d, 2w (default ${DEFAULT-VALUE}).")
    String within;

    @Option(names = "--overdue", description = "List the overdue requests instead.")
    boolean overdue;

    @Override
    public Integer call() {
      Duration period = period(within);
      List<RequestSummary> due;
      try (Database database = parent.store.open()) {
        RequestQueue queue = new RequestQueue(database, parent.clock);
        due = overdue ? queue.overdue() : queue.dueWithin(period);
      }
      for (RequestSummary request : due) {
        spec.commandLine()
            .getOut()
            .printf(
                "%s  %-22s %-22s %-16s %s%s%n",
                request.reference(),
                request.type(),
                request.state(),
                request.governing() == null ? "-" : request.governing(),
                when(request),
                request.overdue() ? "  OVERDUE" : "");
      }
      spec.commandLine()
          .getOut()
          .println(due.size() + (overdue ? " overdue" : " due within " + within));
      return StewardCommand.OK;
    }
  }

  /** The due date, or why there is none: a stopped clock (UK GDPR Art. 12A) or a clock gap. */
  static String when(RequestSummary request) {
    if (request.stoppedSince() != null) {
      // A stopped clock has no date yet; what staff can act on is since when and what is left.
      return "stopped since "
          + request.stoppedSince()
          + ", "
          + request.daysLeftWhenResumed()
          + " days left when resumed"
          + (request.dueDate() == null ? "" : "; due " + request.dueDate() + " on another law");
    }
    if (request.dueDate() == null) {
      return request.clockGap() ? "due date not counted (clock gap)" : "no due date";
    }
    return "due "
        + request.dueDate()
        + (request.clockGap() ? " (a clock gap may fall earlier)" : "");
  }

  static Duration period(String text) {
    Matcher matcher = PERIOD.matcher(text);
    if (!matcher.matches()) {
      throw new InvalidInputException(
          "--within is a number of hours, days or weeks, e.g. 48h, 7d, 2w; not '" + text + "'");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      default -> Duration.ofDays(7 * amount);
    };
  }
}
