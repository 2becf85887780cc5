package dev.steward.opendsr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.steward.opendsr.OpenDsrStore.Callback;
import dev.steward.opendsr.OpenDsrStore.Mapping;
import dev.steward.request.RequestListener;
import dev.steward.request.RequestState;
import dev.steward.request.RequestSummary;
import dev.steward.store.Backoff;
import dev.steward.store.Database;
import dev.steward.store.TaskScheduling;
import dev.steward.web.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Status callbacks. When a request that came over OpenDSR changes its OpenDSR status, one row per
 * callback URL is written and its delivery scheduled in the same transaction; db-scheduler then
 * posts it (once across nodes, restart-safe), retrying with doubling delays and giving up after
 * {@link #MAX_ATTEMPTS}. Thread-safe; one per node.
 */
final class StatusCallbacks implements RequestListener {
  static final String TASK_NAME = "opendsr-callback";
  static final int MAX_ATTEMPTS = 12;
  private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(2), Duration.ofHours(1));
  private static final Logger log = LoggerFactory.getLogger(StatusCallbacks.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final CallbackPoster poster;
  private final OneTimeTask<Void> task;
  private final TaskScheduling tasks;

  StatusCallbacks(Database database, CallbackPoster poster, Clock clock) {
    this.jdbi = database.jdbi();
    this.clock = clock;
    this.poster = poster;
    this.task =
        Tasks.oneTime(TASK_NAME)
            .onFailure(this::onFailure)
            .onDeadExecutionRevive()
            .execute((instance, context) -> deliver(UUID.fromString(instance.getId())));
    // Written the way the node's scheduler (alwaysPersistTimestampInUTC) reads them back.
    this.tasks = database.tasks();
  }

  OneTimeTask<Void> task() {
    return task;
  }

  @Override
  public void stateChanged(Handle handle, RequestSummary request, RequestState from) {
    String status = Statuses.of(request.state());
    for (Mapping mapping : OpenDsrStore.forRequest(handle, request.id())) {
      if (status.equals(mapping.lastStatus())) {
        continue;
      }
      OpenDsrStore.setStatus(handle, mapping.id(), status);
      String body = json(Statuses.body(mapping, request));
      for (String url : mapping.callbackUrls()) {
        UUID id = UUID.randomUUID();
        OpenDsrStore.insertCallback(handle, id, mapping.id(), url, body, clock.instant());
        tasks.scheduleIfNotExists(handle, task.instance(id.toString()), clock.instant(), clock);
      }
    }
  }

  private void deliver(UUID id) {
    Callback callback = jdbi.withHandle(handle -> OpenDsrStore.callback(handle, id)).orElse(null);
    if (callback == null || !callback.status().equals("pending")) {
      return;
    }
    poster.post(callback.url(), callback.body());
    jdbi.useHandle(handle -> OpenDsrStore.delivered(handle, id, clock.instant()));
    log.info("OpenDSR callback {} delivered", id);
  }

  private void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
    UUID id = UUID.fromString(complete.getExecution().taskInstance.getId());
    int failures = complete.getExecution().consecutiveFailures + 1;
    String reason = complete.getCause().map(Throwable::getMessage).orElse("unknown failure");
    boolean giveUp = failures >= MAX_ATTEMPTS;
    jdbi.useHandle(handle -> OpenDsrStore.failed(handle, id, String.valueOf(reason), giveUp));
    if (giveUp) {
      log.warn("OpenDSR callback {} failed {} times; giving up: {}", id, failures, reason);
      operations.remove();
      return;
    }
    Duration delay = BACKOFF.delayAfter(failures);
    log.info("OpenDSR callback {} attempt {} failed ({}); next in {}", id, failures, reason, delay);
    operations.reschedule(complete, complete.getTimeDone().plus(delay));
  }

  private static String json(Object body) {
    try {
      return Json.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an OpenDSR status", e);
    }
  }
}
