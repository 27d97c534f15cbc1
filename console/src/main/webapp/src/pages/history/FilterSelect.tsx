import FormField from '@cloudscape-design/components/form-field';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import { fieldError } from '../../api/problem';

export interface Choice {
  value: string;
  label?: string;
}

/**
 * A filter picked from a list, with "Any" to remove it. The API's complaint about the parameter named `name` is shown
 * under it.
 */
export function FilterSelect({
  label,
  name,
  value,
  choices,
  error,
  onChange,
  statusType,
  anyLabel = 'Any',
}: {
  label: string;
  name: string;
  value?: string;
  choices: Choice[];
  error: unknown;
  onChange: (value: string | undefined) => void;
  statusType?: SelectProps['statusType'];
  anyLabel?: string;
}) {
  const any: SelectProps.Option = { value: '', label: anyLabel };
  const options: SelectProps.Option[] = [any, ...choices.map((c) => ({ value: c.value, label: c.label ?? c.value.replace(/_/g, ' ') }))];
  // A value the list does not know (a shared URL, say) is still shown, so the API's answer about it makes sense.
  const selected = value ? (options.find((o) => o.value === value) ?? { value, label: value }) : any;
  return (
    <FormField label={label} errorText={fieldError(error, name)}>
      <Select
        selectedOption={selected}
        options={options}
        statusType={statusType}
        loadingText="Loading…"
        errorText="Could not load the choices"
        filteringType={choices.length > 10 ? 'auto' : 'none'}
        onChange={(e) => onChange(e.detail.selectedOption.value || undefined)}
        data-testid={`filter-${name}`}
      />
    </FormField>
  );
}
