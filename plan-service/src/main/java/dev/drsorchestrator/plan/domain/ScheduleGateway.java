package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.PlanId;

/** The scheduler that fires drills: EventBridge Scheduler, putting {@code DrillScheduleDue} on the bus. */
public interface ScheduleGateway {

    /** Creates or replaces the schedule; throws PlanInvalid when the scheduler refuses the expression. */
    void upsert(String scheduleName, PlanId plan, DrillSchedule schedule);

    /** Deletes the schedule; nothing happens if it does not exist. */
    void delete(String scheduleName);

    /** The scheduler cannot be used as configured (for example no role to put events on the bus). */
    class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String detail) {
            super(detail);
        }
    }
}
