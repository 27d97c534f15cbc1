import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { ACTION_TYPES, type ActionType } from '../../api/plans';
import { fieldError } from '../../api/problem';
import { newAction, type ActionForm } from './editorModel';

const TYPE_OPTIONS = ACTION_TYPES.map((t) => ({ value: t, label: t }));

function ActionFields({
  action,
  at,
  error,
  label,
  onChange,
}: {
  action: ActionForm;
  /** The API's path of this action, e.g. `waves[0].preActions[1]`. */
  at: string;
  error: unknown;
  label: string;
  onChange: (a: ActionForm) => void;
}) {
  const set = (patch: Partial<ActionForm>) => onChange({ ...action, ...patch });
  const err = (f: string) => fieldError(error, `${at}.${f}`, true);
  return (
    <SpaceBetween size="xs">
      <ColumnLayout columns={3}>
        <FormField label={`${label} type`} errorText={err('type')}>
          <Select
            selectedOption={TYPE_OPTIONS.find((o) => o.value === action.type)!}
            options={TYPE_OPTIONS}
            onChange={(e) => set({ type: e.detail.selectedOption.value as ActionType })}
          />
        </FormField>
        <FormField label={`${label} name`} errorText={err('name')}>
          <Input value={action.name} onChange={(e) => set({ name: e.detail.value })} />
        </FormField>
        <FormField label={`${label} ID`} description="Optional" errorText={err('actionId')}>
          <Input value={action.actionId} onChange={(e) => set({ actionId: e.detail.value })} />
        </FormField>
      </ColumnLayout>
      {action.type === 'SSM_DOCUMENT' && (
        <SpaceBetween size="xs">
          <FormField label="SSM document" errorText={err('documentName')}>
            <Input value={action.documentName} onChange={(e) => set({ documentName: e.detail.value })} placeholder="AWS-RunShellScript" />
          </FormField>
          <FormField label="Document parameters" errorText={err('parameters')}>
            <AttributeEditor
              items={action.parameters}
              addButtonText="Add parameter"
              removeButtonText="Remove"
              empty="No parameters"
              onAddButtonClick={() => set({ parameters: [...action.parameters, { key: '', value: '' }] })}
              onRemoveButtonClick={(e) => set({ parameters: action.parameters.filter((_, i) => i !== e.detail.itemIndex) })}
              definition={[
                {
                  label: 'Parameter',
                  control: (p, i) => (
                    <Input
                      value={p.key}
                      ariaLabel="Parameter"
                      onChange={(e) => set({ parameters: action.parameters.map((x, j) => (j === i ? { ...x, key: e.detail.value } : x)) })}
                    />
                  ),
                },
                {
                  label: 'Values (comma-separated)',
                  control: (p, i) => (
                    <Input
                      value={p.value}
                      ariaLabel="Values"
                      onChange={(e) => set({ parameters: action.parameters.map((x, j) => (j === i ? { ...x, value: e.detail.value } : x)) })}
                    />
                  ),
                },
              ]}
            />
          </FormField>
        </SpaceBetween>
      )}
      {action.type === 'LAMBDA' && (
        <SpaceBetween size="xs">
          <FormField label="Function ARN" errorText={err('functionArn')}>
            <Input value={action.functionArn} onChange={(e) => set({ functionArn: e.detail.value })} />
          </FormField>
          <FormField label="Payload (JSON)" errorText={err('payload')}>
            <Textarea value={action.payload} rows={3} onChange={(e) => set({ payload: e.detail.value })} />
          </FormField>
        </SpaceBetween>
      )}
      {action.type === 'HTTP_CHECK' && (
        <ColumnLayout columns={3}>
          <FormField label="URL" errorText={err('url')}>
            <Input value={action.url} onChange={(e) => set({ url: e.detail.value })} placeholder="https://shop.example.com/health" />
          </FormField>
          <FormField label="Expected status" errorText={err('expectedStatus')}>
            <Input type="number" value={action.expectedStatus} onChange={(e) => set({ expectedStatus: e.detail.value })} placeholder="200" />
          </FormField>
          <FormField label="Interval (seconds)" errorText={err('intervalSeconds')}>
            <Input type="number" value={action.intervalSeconds} onChange={(e) => set({ intervalSeconds: e.detail.value })} placeholder="10" />
          </FormField>
        </ColumnLayout>
      )}
      {action.type === 'MANUAL_APPROVAL' && (
        <FormField label="Message to the operator" errorText={err('message')}>
          <Textarea value={action.message} rows={2} onChange={(e) => set({ message: e.detail.value })} />
        </FormField>
      )}
      <SpaceBetween direction="horizontal" size="m">
        {action.type !== 'MANUAL_APPROVAL' && (
          <FormField label="Timeout (seconds)" errorText={err('timeoutSeconds')}>
            <Input type="number" value={action.timeoutSeconds} onChange={(e) => set({ timeoutSeconds: e.detail.value })} placeholder="600" />
          </FormField>
        )}
        <Checkbox checked={action.continueOnFailure} onChange={(e) => set({ continueOnFailure: e.detail.checked })}>
          Continue on failure
        </Checkbox>
      </SpaceBetween>
    </SpaceBetween>
  );
}

/** The pre- or post-actions of a wave: a list of actions, each with its type's fields. */
export function ActionsEditor({
  title,
  actions,
  at,
  error,
  onChange,
}: {
  title: string;
  actions: ActionForm[];
  at: string;
  error: unknown;
  onChange: (actions: ActionForm[]) => void;
}) {
  return (
    <SpaceBetween size="s">
      <Box variant="h4">
        {title} ({actions.length})
      </Box>
      {fieldError(error, at) && <Box color="text-status-error">{fieldError(error, at)}</Box>}
      {actions.map((a, i) => (
        <div key={a.key} style={{ borderLeft: '3px solid #d1d5db', paddingLeft: 12 }}>
          <ActionFields
            action={a}
            at={`${at}[${i}]`}
            error={error}
            label={`${title.replace(/s$/, '')} ${i + 1}`}
            onChange={(next) => onChange(actions.map((x) => (x.key === a.key ? next : x)))}
          />
          <Button variant="inline-link" onClick={() => onChange(actions.filter((x) => x.key !== a.key))}>
            Remove {title.replace(/s$/, '').toLowerCase()} {i + 1}
          </Button>
        </div>
      ))}
      <Button iconName="add-plus" onClick={() => onChange([...actions, newAction()])}>
        Add {title.replace(/s$/, '').toLowerCase()}
      </Button>
    </SpaceBetween>
  );
}
