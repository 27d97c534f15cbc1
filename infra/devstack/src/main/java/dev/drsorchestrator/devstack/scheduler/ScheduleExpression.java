package dev.drsorchestrator.devstack.scheduler;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An EventBridge / Scheduler schedule expression: {@code at(2026-11-23T10:00:00)} (Scheduler only),
 * {@code rate(5 minutes)}, {@code cron(0 2 ? * MON-FRI *)}, evaluated in a time zone. Cron has AWS's six fields
 * (minutes hours day-of-month month day-of-week year) and is run as Quartz with seconds fixed at zero, which has the
 * same {@code ? L W #} semantics and the same 1=SUN day numbering.
 */
public final class ScheduleExpression {
    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private static final CronParser QUARTZ =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final String text;
    private final @Nullable LocalDateTime at;
    private final @Nullable Duration rate;
    private final @Nullable ExecutionTime cron;

    private ScheduleExpression(
            String text, @Nullable LocalDateTime at, @Nullable Duration rate, @Nullable ExecutionTime cron) {
        this.text = text;
        this.at = at;
        this.rate = rate;
        this.cron = cron;
    }

    /**
     * Parses an expression. {@code allowAt} is false for EventBridge rules, which take only rate() and cron().
     *
     * @throws IllegalArgumentException naming what is wrong with the expression
     */
    public static ScheduleExpression parse(String text, boolean allowAt) {
        String t = text.trim();
        Matcher m = AT.matcher(t);
        if (m.matches()) {
            if (!allowAt) {
                throw new IllegalArgumentException(
                        "at() expressions are for EventBridge Scheduler, not rules: " + text);
            }
            try {
                return new ScheduleExpression(t, LocalDateTime.parse(m.group(1)), null, null);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("at() has no valid date-time: " + text);
            }
        }
        m = RATE.matcher(t);
        if (m.matches()) {
            long value = Long.parseLong(m.group(1));
            String unit = m.group(2);
            if (value <= 0) {
                throw new IllegalArgumentException("rate() value must be a positive whole number: " + text);
            }
            if (value == 1 == unit.endsWith("s")) {
                throw new IllegalArgumentException(
                        "rate() unit must be singular when the value is 1 and plural otherwise: " + text);
            }
            Duration d = unit.startsWith("minute")
                    ? Duration.ofMinutes(value)
                    : unit.startsWith("hour") ? Duration.ofHours(value) : Duration.ofDays(value);
            return new ScheduleExpression(t, null, d, null);
        }
        m = CRON.matcher(t);
        if (m.matches()) {
            String[] fields = m.group(1).trim().split("\\s+");
            if (fields.length != 6) {
                throw new IllegalArgumentException("cron() needs 6 fields (minutes hours day-of-month month"
                        + " day-of-week year), got " + fields.length + ": " + text);
            }
            if (!fields[2].equals("?") && !fields[4].equals("?")) {
                throw new IllegalArgumentException("cron(): one of day-of-month and day-of-week must be '?': " + text);
            }
            try {
                return new ScheduleExpression(
                        t,
                        null,
                        null,
                        ExecutionTime.forCron(QUARTZ.parse("0 " + m.group(1).trim())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cron() is not valid (" + e.getMessage() + "): " + text);
            }
        }
        throw new IllegalArgumentException(
                "not a schedule expression; use at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields): " + text);
    }

    public String text() {
        return text;
    }

    public boolean oneTime() {
        return at != null;
    }

    /**
     * The first fire time strictly after {@code after}, or empty when there is none. {@code anchor} is when a rate
     * schedule started counting (its creation or start date).
     */
    public Optional<Instant> next(Instant after, Instant anchor, ZoneId zone) {
        if (at != null) {
            Instant when = at.atZone(zone).toInstant();
            return when.isAfter(after) ? Optional.of(when) : Optional.empty();
        }
        if (rate != null) {
            long periods =
                    after.isBefore(anchor) ? 1 : Duration.between(anchor, after).toMillis() / rate.toMillis() + 1;
            return Optional.of(anchor.plus(rate.multipliedBy(periods)));
        }
        return cron.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
    }

    @Override
    public String toString() {
        return text;
    }
}
