import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { useEffect, useState } from 'react';
import { fieldError } from '../../api/problem';

/**
 * A typed filter, applied on Enter or when the field is left (not on each key, so a half-typed value is not sent).
 * `transform` turns what was typed into the parameter's value; the API's complaint about `name` is shown under it.
 */
export function TextFilter({
  label,
  name,
  value,
  error,
  onApply,
  description,
  placeholder,
  transform = (t) => t.trim(),
}: {
  label: string;
  name: string;
  value?: string;
  error: unknown;
  onApply: (value: string | undefined) => void;
  description?: string;
  placeholder?: string;
  transform?: (text: string) => string;
}) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const apply = () => {
    const next = transform(draft);
    if (next !== (value ?? '')) {
      onApply(next || undefined);
    }
  };
  return (
    <FormField label={label} description={description} errorText={fieldError(error, name)}>
      <Input
        value={draft}
        placeholder={placeholder}
        type="search"
        onChange={(e) => setDraft(e.detail.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.detail.key === 'Enter') {
            apply();
          }
        }}
        data-testid={`filter-${name}`}
      />
    </FormField>
  );
}
