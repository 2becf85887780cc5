package dev.steward.app;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.steward.audit.AuditCheckpointTask;
import dev.steward.audit.AuditCheckpoints;
import dev.steward.campaign.ChangeCampaigns;
import dev.steward.policy.CalendarWatch;
import dev.steward.principal.Principal;
import dev.steward.request.Requests;
import dev.steward.retention.RetentionProgress;
import dev.steward.retention.RetentionSweep;
import dev.steward.vault.Vault;
import java.time.LocalTime;
import java.time.ZoneOffset;

/** The recurring jobs of a node, run through db-scheduler so each runs once across nodes. */
final class Jobs {
  private Jobs() {}

  /** Destroys the keys of exemptions that have expired, and with them what they kept. */
  static RecurringTask<Void> exemptionExpiry(Vault vault) {
    Principal system = new Principal.System("retention");
    return Tasks.recurring("exemption-expiry", FixedDelay.ofHours(1))
        .execute((instance, context) -> vault.releaseExpiredExemptions(system));
  }

  /** CCPA receipt confirmations not sent at intake (11 CCR §7021(a)), every fifteen minutes. */
  static RecurringTask<Void> receiptConfirmations(Requests requests) {
    return Tasks.recurring("request-receipt-confirmations", FixedDelay.ofMinutes(15))
        .execute((instance, context) -> requests.confirmReceipts());
  }

  /**
   * Clocks left uncounted because a dated calendar lacked a year, counted again every hour so a
   * newly published policy with that year's dates gives those requests their due dates.
   */
  static RecurringTask<Void> clockGaps(Requests requests) {
    return Tasks.recurring("request-clock-gaps", FixedDelay.ofHours(1))
        .execute((instance, context) -> requests.recountClockGaps());
  }

  /**
   * Says every day what the calendar checks find in the policy in force, so a dated calendar or a
   * list of corrections that runs out at the end of the year is reported all through the year
   * before, ahead of the first clock that needs it.
   */
  static RecurringTask<Void> calendarWatch(CalendarWatch watch) {
    return Tasks.recurring("calendar-watch", FixedDelay.ofHours(24))
        .execute((instance, context) -> watch.report());
  }

  /**
   * The retention sweep, daily at 02:30 UTC: deletes what the policy's rules make due (GDPR Art.
   * 5(1)(e)), or first finishes a run an earlier start left unfinished. At a fixed hour rather than
   * at each first start, so a new installation's imports are not swept while they load.
   */
  static RecurringTask<Void> retentionSweep(RetentionSweep sweep) {
    Principal system = new Principal.System("retention");
    return Tasks.recurring("retention-sweep", new Daily(ZoneOffset.UTC, LocalTime.of(2, 30)))
        .execute((instance, context) -> sweep.run(system, "job", RetentionProgress.NONE));
  }

  /** Signs the audit chain's head every ten minutes, so a truncated tail can be detected. */
  static RecurringTask<Void> auditCheckpoint(AuditCheckpoints checkpoints) {
    AuditCheckpointTask task = new AuditCheckpointTask(checkpoints);
    return Tasks.recurring("audit-checkpoint", FixedDelay.ofMinutes(10))
        .execute((instance, context) -> task.run());
  }

  /**
   * Sends the next letters of running policy-change campaigns every ten seconds, at most {@link
   * ChangeCampaigns#LETTERS_PER_RUN} a run, so a large campaign does not flood the mail server.
   */
  static RecurringTask<Void> changeCampaigns(ChangeCampaigns campaigns) {
    return Tasks.recurring("change-campaigns", FixedDelay.ofSeconds(10))
        .execute((instance, context) -> campaigns.run());
  }
}
