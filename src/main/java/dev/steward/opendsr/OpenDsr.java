package dev.steward.opendsr;

import com.github.kagkarlsson.scheduler.task.Task;
import dev.steward.request.RequestListener;
import dev.steward.request.Requests;
import dev.steward.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Steward as an OpenDSR 2.0 processor. Built before the request service, whose state changes it
 * listens to for status callbacks; its routes are made once that service exists. The processor key
 * is read here, at start-up, so a bad key or chain stops the node with a message naming the
 * setting. Thread-safe; one per node.
 */
public final class OpenDsr {
  private final Database database;
  private final OpenDsrSettings settings;
  private final Clock clock;
  private final Supplier<ProcessorKey> key;
  private final StatusCallbacks callbacks;

  public OpenDsr(Database database, OpenDsrSettings settings, Clock clock) {
    this.database = database;
    this.settings = settings;
    this.clock = clock;
    Optional<ProcessorKey> loaded =
        settings.configured()
            ? Optional.of(
                ProcessorKey.load(
                    settings.key().orElseThrow(), settings.certificateChain().orElseThrow()))
            : Optional.empty();
    this.key = () -> loaded.orElseThrow(OpenDsrNotConfiguredException::new);
    this.callbacks =
        new StatusCallbacks(database, new CallbackPoster(key, settings.processorDomain()), clock);
  }

  /** To pass to the request service: schedules status callbacks on state changes. */
  public RequestListener listener() {
    return callbacks;
  }

  /** The one-time tasks to pass to {@code Scheduler.create}: the delivery of one callback. */
  public List<Task<?>> tasks() {
    return List.of(callbacks.task());
  }

  public OpenDsrRoutes routes(Requests requests) {
    return new OpenDsrRoutes(
        new ProcessorService(database.jdbi(), requests, settings, clock),
        key,
        settings.processorDomain());
  }
}
