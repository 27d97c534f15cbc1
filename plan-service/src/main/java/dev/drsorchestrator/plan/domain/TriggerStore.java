package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.PlanId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A plan's alarm bindings (with a lookup by alarm name) and its drill schedule. */
public interface TriggerStore {

    AlarmBindings alarms(PlanId plan);

    /** Replaces the bindings if they are still at {@code previous.version()}; throws PlanConflict otherwise. */
    void replaceAlarms(PlanId plan, AlarmBindings previous, List<AlarmBinding> next);

    /** Every plan bound to the alarm, with its binding. */
    List<BoundAlarm> plansBoundTo(String alarmName);

    Optional<StoredSchedule> schedule(PlanId plan);

    /** Stores the schedule if the stored one is still at {@code expectedVersion} (0: none); PlanConflict otherwise. */
    void putSchedule(PlanId plan, StoredSchedule schedule, long expectedVersion);

    void deleteSchedule(PlanId plan);

    /** Removes the plan's bindings and schedule record (the plan is gone). */
    void removeAll(PlanId plan);

    record BoundAlarm(PlanId planId, AlarmBinding binding) {}

    /** A drill schedule as stored: the Scheduler's schedule name, a version for If-Match, who set it and when. */
    record StoredSchedule(
            DrillSchedule schedule, String scheduleName, long version, Instant updatedAt, String updatedBy) {}
}
