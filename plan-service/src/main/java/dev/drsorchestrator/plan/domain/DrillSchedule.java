package dev.drsorchestrator.plan.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * When a plan's drill runs by itself: an EventBridge Scheduler expression in a time zone.
 *
 * @param expression {@code cron(minutes hours day-of-month month day-of-week year)} or {@code rate(n unit)}
 * @param timezone an IANA zone such as {@code Europe/Berlin}
 */
public record DrillSchedule(
        String expression,
        String timezone,
        boolean enabled,
        @Nullable String comment) {

    private static final Pattern RATE =
            Pattern.compile("^rate\\(([1-9][0-9]{0,5}) (minute|minutes|hour|hours|day|days)\\)$");
    private static final Pattern CRON = Pattern.compile("^cron\\(([^()]+)\\)$");

    /** Why the expression or time zone is not one EventBridge Scheduler accepts; empty when they are fine. */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        var rate = RATE.matcher(expression);
        var cron = CRON.matcher(expression);
        if (rate.matches()) {
            int n = Integer.parseInt(rate.group(1));
            boolean singular = !rate.group(2).endsWith("s");
            if (n == 1 != singular) {
                violations.add(new Violation(
                        "expression",
                        "'" + expression + "': use the singular unit for 1 and the plural otherwise, as in rate(1 day)"
                                + " or rate(7 days)"));
            }
        } else if (cron.matches()) {
            String[] fields = cron.group(1).trim().split("\\s+");
            if (fields.length != 6) {
                violations.add(new Violation(
                        "expression",
                        "'" + expression + "' has " + fields.length + " fields; a cron expression has six: minutes"
                                + " hours day-of-month month day-of-week year, as in cron(0 2 ? * SUN *)"));
            } else if (!"?".equals(fields[2]) && !"?".equals(fields[4])) {
                violations.add(new Violation(
                        "expression", "'" + expression + "': one of day-of-month and day-of-week must be '?'"));
            }
        } else {
            violations.add(new Violation(
                    "expression",
                    "'" + expression + "' is neither cron(...) nor rate(...); for example cron(0 2 ? * SUN *) or"
                            + " rate(7 days)"));
        }
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            violations.add(new Violation(
                    "timezone", "'" + timezone + "' is not an IANA time zone such as Europe/Berlin or UTC"));
        }
        return violations;
    }
}
