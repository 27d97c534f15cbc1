import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ProtectionGroup } from '../../api/catalog';
import { FAILURE_POLICIES, type FailurePolicy } from '../../api/plans';
import { fieldError } from '../../api/problem';
import { ActionsEditor } from './ActionsEditor';
import { slug, type WaveForm } from './editorModel';

const POLICY_OPTIONS = FAILURE_POLICIES.map((p) => ({
  value: p,
  label: p,
  description: { FAIL_FAST: 'stop the execution', CONTINUE: 'go on with the next waves', PAUSE: 'wait for an operator' }[p],
}));

export function waveLabel(w: WaveForm, i: number): string {
  return w.name.trim() || `Wave ${i + 1}`;
}

function selected(ids: string[], options: MultiselectProps.Option[]): MultiselectProps.Option[] {
  return ids.map((id) => options.find((o) => o.value === id) ?? { value: id, label: id });
}

/** One wave of the editor: its name, groups, dependencies, policies and actions. */
export function WaveEditor({
  wave,
  index,
  waves,
  groups,
  groupsLoading,
  error,
  onChange,
  onRemove,
  onMove,
}: {
  wave: WaveForm;
  index: number;
  waves: WaveForm[];
  groups: ProtectionGroup[];
  groupsLoading: boolean;
  error: unknown;
  onChange: (w: WaveForm) => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
}) {
  const at = `waves[${index}]`;
  const err = (f: string, nested = true) => fieldError(error, `${at}.${f}`, nested);
  const set = (patch: Partial<WaveForm>) => onChange({ ...wave, ...patch });
  const label = waveLabel(wave, index);

  const usedBy = new Map<string, string>();
  waves.forEach((w, i) => {
    if (w.key !== wave.key) {
      w.protectionGroupIds.forEach((g) => usedBy.set(g, waveLabel(w, i)));
    }
  });
  const groupOptions: MultiselectProps.Option[] = groups.map((g) => ({
    value: g.id,
    label: g.name,
    description: `${g.accountId}/${g.region} · ${g.memberCount} server${g.memberCount === 1 ? '' : 's'}`,
    tags: usedBy.has(g.id) ? [`in ${usedBy.get(g.id)}`] : undefined,
    disabled: usedBy.has(g.id),
  }));
  const waveOptions: MultiselectProps.Option[] = waves
    .map((w, i) => ({ value: w.key, label: waveLabel(w, i) }))
    .filter((o) => o.value !== wave.key);
  const members = [...new Set(groups.filter((g) => wave.protectionGroupIds.includes(g.id)).flatMap((g) => g.members ?? []))];
  const serverOptions: MultiselectProps.Option[] = members.map((m) => ({ value: m, label: m }));

  return (
    <div data-testid={`wave-${index}`}>
      <Container
        header={
          <Header
            variant="h3"
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="arrow-up" ariaLabel={`Move ${label} up`} disabled={index === 0} onClick={() => onMove(-1)} />
                <Button iconName="arrow-down" ariaLabel={`Move ${label} down`} disabled={index === waves.length - 1} onClick={() => onMove(1)} />
                <Button onClick={onRemove} disabled={waves.length === 1} ariaLabel={`Remove ${label}`}>
                  Remove wave
                </Button>
              </SpaceBetween>
            }
          >
            {`Wave ${index + 1}${wave.name.trim() ? `: ${wave.name.trim()}` : ''}`}
          </Header>
        }
      >
        <SpaceBetween size="m">
          {fieldError(error, at) && <div style={{ color: '#d91515' }}>{fieldError(error, at)}</div>}
          <ColumnLayout columns={2}>
            <FormField label="Wave name" errorText={err('name', false)}>
              <Input value={wave.name} onChange={(e) => set({ name: e.detail.value })} placeholder="Database tier" />
            </FormField>
            <FormField
              label="Wave ID"
              description={`Other waves depend on it by this id. Empty: ${slug(wave.name) || 'derived from the name'}`}
              errorText={err('id', false)}
            >
              <Input value={wave.id} onChange={(e) => set({ id: e.detail.value })} placeholder={slug(wave.name)} />
            </FormField>
          </ColumnLayout>
          <FormField label="Protection groups" errorText={err('protectionGroupIds')}>
            <Multiselect
              selectedOptions={selected(wave.protectionGroupIds, groupOptions)}
              options={groupOptions}
              statusType={groupsLoading ? 'loading' : 'finished'}
              loadingText="Loading protection groups"
              filteringType="auto"
              placeholder="Choose protection groups"
              empty="No protection groups"
              onChange={(e) => set({ protectionGroupIds: e.detail.selectedOptions.map((o) => o.value!) })}
              data-testid={`wave-${index}-groups`}
            />
          </FormField>
          <FormField label="Depends on" description="Runs after all of these waves; none: runs first." errorText={err('dependsOn')}>
            <Multiselect
              selectedOptions={selected(wave.dependsOn, waveOptions)}
              options={waveOptions}
              placeholder="Runs first"
              empty="No other waves"
              onChange={(e) => set({ dependsOn: e.detail.selectedOptions.map((o) => o.value!) })}
              data-testid={`wave-${index}-depends-on`}
            />
          </FormField>
          <ColumnLayout columns={3}>
            <FormField label="Failure policy" errorText={err('failurePolicy')}>
              <Select
                selectedOption={POLICY_OPTIONS.find((o) => o.value === wave.failurePolicy)!}
                options={POLICY_OPTIONS}
                onChange={(e) => set({ failurePolicy: e.detail.selectedOption.value as FailurePolicy })}
              />
            </FormField>
            <FormField label="Timeout (minutes)" errorText={err('timeoutMinutes')}>
              <Input type="number" value={wave.timeoutMinutes} onChange={(e) => set({ timeoutMinutes: e.detail.value })} placeholder="120" />
            </FormField>
            <FormField label="Wait after (seconds)" description="Boot delay before dependent waves start" errorText={err('waitAfterSeconds')}>
              <Input type="number" value={wave.waitAfterSeconds} onChange={(e) => set({ waitAfterSeconds: e.detail.value })} placeholder="0" />
            </FormField>
          </ColumnLayout>
          <FormField errorText={err('approvalRequired')}>
            <Checkbox checked={wave.approvalRequired} onChange={(e) => set({ approvalRequired: e.detail.checked })}>
              Approval required before this wave starts
            </Checkbox>
          </FormField>
          <FormField
            label="Optional servers"
            description="Servers left out when not ready; every other server of the wave is CRITICAL."
            errorText={err('criticality')}
          >
            <Multiselect
              selectedOptions={selected(wave.optionalServers, serverOptions)}
              options={serverOptions}
              filteringType="auto"
              placeholder="None: every server is critical"
              empty="Choose protection groups first"
              onChange={(e) => set({ optionalServers: e.detail.selectedOptions.map((o) => o.value!) })}
            />
          </FormField>
          <ExpandableSection
            headerText={`Pre- and post-actions (${wave.preActions.length + wave.postActions.length})`}
            defaultExpanded={!!(err('preActions') || err('postActions'))}
          >
            <ColumnLayout columns={2}>
              <ActionsEditor title="Pre-actions" actions={wave.preActions} at={`${at}.preActions`} error={error} onChange={(a) => set({ preActions: a })} />
              <ActionsEditor title="Post-actions" actions={wave.postActions} at={`${at}.postActions`} error={error} onChange={(a) => set({ postActions: a })} />
            </ColumnLayout>
          </ExpandableSection>
        </SpaceBetween>
      </Container>
    </div>
  );
}
