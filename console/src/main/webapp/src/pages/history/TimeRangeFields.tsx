import { toInstant } from './filters';
import { TextFilter } from './TextFilter';

/**
 * "From" and "To" of a time filter: typed as a local date/time or an ISO-8601 instant (sent as an instant), applied
 * on Enter or when the field is left. The API's complaint about either is shown under it.
 */
export function TimeRangeFields({
  from,
  to,
  error,
  onChange,
}: {
  from?: string;
  to?: string;
  error: unknown;
  onChange: (change: { from?: string; to?: string }) => void;
}) {
  const description = 'Local date and time, or an ISO-8601 instant';
  return (
    <>
      <TextFilter
        label="From"
        name="from"
        value={from}
        error={error}
        description={description}
        placeholder="2026-11-23 10:00"
        transform={toInstant}
        onApply={(v) => onChange({ from: v })}
      />
      <TextFilter
        label="To"
        name="to"
        value={to}
        error={error}
        description={description}
        placeholder="2026-11-23 18:00"
        transform={toInstant}
        onApply={(v) => onChange({ to: v })}
      />
    </>
  );
}
