import Box from '@cloudscape-design/components/box';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { listGroups } from '../../api/catalog';
import { EXECUTION_TYPES } from '../../api/executions';
import { createPlan, getPlan, updatePlan } from '../../api/plans';
import { fieldError } from '../../api/problem';
import { useSession } from '../../auth/AuthContext';
import { PageLoading } from '../../components/Layout';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDuration } from '../../components/format';
import { useFollow } from '../../components/nav';
import { useLoad } from '../../components/useLoad';
import { emptyPlan, formOf, newWave, requestOf, waveId, type PlanForm, type WaveForm } from './editorModel';
import { DrillNetworksEditor, FailbackEditor } from './PlanExtras';
import { WaveEditor, waveLabel } from './WaveEditor';
import { WaveGraph } from './WaveGraph';

function previewNodes(waves: WaveForm[]) {
  return waves.map((w, i) => ({
    id: w.key,
    name: waveLabel(w, i),
    dependsOn: w.dependsOn,
    detail: `${w.protectionGroupIds.length} group${w.protectionGroupIds.length === 1 ? '' : 's'}${waveId(w) ? ` · ${waveId(w)}` : ''}`,
  }));
}

function hint(seconds: string): string | undefined {
  const n = Number(seconds);
  return seconds.trim() && !Number.isNaN(n) ? `= ${formatDuration(n)}` : undefined;
}

/** `/recovery-plans/new` and `/recovery-plans/:id/edit`: the plan's settings and its waves, with a live DAG preview. */
export default function PlanEditor() {
  const { id } = useParams();
  const navigate = useNavigate();
  const follow = useFollow();
  const { can } = useSession();
  const existing = useLoad((signal) => (id ? getPlan(id, signal) : Promise.resolve(undefined)), [id]);
  const groups = useLoad(() => listGroups(), []);
  const [form, setForm] = useState<PlanForm | undefined>(id ? undefined : emptyPlan());
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (id && existing.data) {
      setForm(formOf(existing.data));
    }
  }, [id, existing.data]);

  if (!form) {
    return existing.error ? <ProblemAlert error={existing.error} /> : <PageLoading>Loading the recovery plan…</PageLoading>;
  }

  const set = (patch: Partial<PlanForm>) => setForm((f) => (f ? { ...f, ...patch } : f));
  const setWaves = (update: (waves: WaveForm[]) => WaveForm[]) => setForm((f) => (f ? { ...f, waves: update(f.waves) } : f));
  const err = (field: string, nested = false) => fieldError(error, field, nested);
  const cancelHref = id ? `/recovery-plans/${id}` : '/recovery-plans';

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const body = requestOf(form);
      const saved = id ? await updatePlan(id, body) : await createPlan(body);
      navigate(`/recovery-plans/${saved?.id ?? id ?? ''}`);
    } catch (e) {
      setError(e);
      setSaving(false);
      document.getElementById('plan-editor-top')?.scrollIntoView?.({ block: 'start' });
    }
  };

  const move = (index: number, delta: -1 | 1) =>
    setWaves((waves) => {
      const next = [...waves];
      const [w] = next.splice(index, 1);
      next.splice(index + delta, 0, w);
      return next;
    });

  const remove = (key: string) =>
    setWaves((waves) => waves.filter((w) => w.key !== key).map((w) => ({ ...w, dependsOn: w.dependsOn.filter((d) => d !== key) })));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <SpaceBetween size="m">
        <span id="plan-editor-top" />
        <BreadcrumbGroup
          items={[
            { text: 'Recovery plans', href: '/recovery-plans' },
            ...(id ? [{ text: existing.data?.name ?? id, href: `/recovery-plans/${id}` }] : []),
            { text: id ? 'Edit' : 'Create', href: id ? `/recovery-plans/${id}/edit` : '/recovery-plans/new' },
          ]}
          onFollow={follow}
        />
        <Form
          header={
            <Header variant="h1" description={id ? `Version ${form.version}: saving replaces it; a stale version is refused.` : undefined}>
              {id ? `Edit ${existing.data?.name ?? 'recovery plan'}` : 'Create recovery plan'}
            </Header>
          }
          errorText={error ? <span data-testid="save-error">The plan was not saved; see the problems below.</span> : undefined}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" href={cancelHref} onFollow={follow}>
                Cancel
              </Button>
              <Button variant="primary" loading={saving} disabled={!can('planner')} onClick={() => void save()} formAction="none">
                {id ? 'Save changes' : 'Create recovery plan'}
              </Button>
            </SpaceBetween>
          }
        >
          <SpaceBetween size="l">
            <ProblemAlert error={error} />
            <Container header={<Header variant="h2">Plan</Header>}>
              <SpaceBetween size="m">
                <ColumnLayout columns={2}>
                  <FormField label="Name" errorText={err('name')}>
                    <Input value={form.name} onChange={(e) => set({ name: e.detail.value })} placeholder="web-shop" />
                  </FormField>
                  <FormField label="Notification topic ARN" description="Optional; default: the notifier's topic" errorText={err('notificationTopicArn')}>
                    <Input value={form.notificationTopicArn} onChange={(e) => set({ notificationTopicArn: e.detail.value })} />
                  </FormField>
                </ColumnLayout>
                <FormField label="Description" errorText={err('description')} stretch>
                  <Textarea value={form.description} rows={2} onChange={(e) => set({ description: e.detail.value })} />
                </FormField>
                <ColumnLayout columns={4}>
                  <FormField label="RTO (seconds)" description={hint(form.rtoSeconds) ?? 'Longest the whole recovery may take'} errorText={err('rtoSeconds')}>
                    <Input type="number" value={form.rtoSeconds} onChange={(e) => set({ rtoSeconds: e.detail.value })} />
                  </FormField>
                  <FormField label="RPO (seconds)" description={hint(form.rpoSeconds) ?? 'Servers lagging more are not ready'} errorText={err('rpoSeconds')}>
                    <Input type="number" value={form.rpoSeconds} onChange={(e) => set({ rpoSeconds: e.detail.value })} />
                  </FormField>
                  <FormField label="Drill TTL (minutes)" description="Default 120" errorText={err('drillTtlMinutes')}>
                    <Input type="number" value={form.drillTtlMinutes} onChange={(e) => set({ drillTtlMinutes: e.detail.value })} placeholder="120" />
                  </FormField>
                  <FormField label="Drill cleanup" errorText={err('autoCleanup')}>
                    <Checkbox checked={form.autoCleanup} onChange={(e) => set({ autoCleanup: e.detail.checked })}>
                      Auto cleanup after the TTL
                    </Checkbox>
                  </FormField>
                </ColumnLayout>
                <FormField
                  label="Required approvals"
                  description="Per execution type, how many people other than the requester must approve (0-5; RECOVERY and FAILBACK at least 1). Empty: the default."
                  errorText={err('requiredApprovals')}
                  stretch
                >
                  <ColumnLayout columns={4}>
                    {EXECUTION_TYPES.map((t) => (
                      <FormField key={t} label={`${t} approvals`} errorText={err(`requiredApprovals.${t}`, true)}>
                        <Input
                          type="number"
                          value={form.requiredApprovals[t]}
                          placeholder={{ DRILL: '0', RECOVERY: '1', REPROTECT: '0', FAILBACK: '1' }[t]}
                          onChange={(e) => set({ requiredApprovals: { ...form.requiredApprovals, [t]: e.detail.value } })}
                        />
                      </FormField>
                    ))}
                  </ColumnLayout>
                </FormField>
              </SpaceBetween>
            </Container>
            <Container header={<Header variant="h2" description="Live preview of the order the waves run in">Wave graph</Header>}>
              <WaveGraph nodes={previewNodes(form.waves)} />
            </Container>
            <SpaceBetween size="s">
              <Header
                variant="h2"
                counter={`(${form.waves.length})`}
                actions={
                  <Button iconName="add-plus" formAction="none" onClick={() => setWaves((w) => [...w, newWave()])}>
                    Add wave
                  </Button>
                }
              >
                Waves
              </Header>
              {err('waves') && (
                <Box color="text-status-error" data-testid="waves-error">
                  {err('waves')}
                </Box>
              )}
              {groups.error ? <ProblemAlert error={groups.error} /> : null}
              {form.waves.map((w, i) => (
                <WaveEditor
                  key={w.key}
                  wave={w}
                  index={i}
                  waves={form.waves}
                  groups={groups.data ?? []}
                  groupsLoading={groups.loading}
                  error={error}
                  onChange={(next) => setWaves((waves) => waves.map((x) => (x.key === w.key ? next : x)))}
                  onRemove={() => remove(w.key)}
                  onMove={(delta) => move(i, delta)}
                />
              ))}
            </SpaceBetween>
            <DrillNetworksEditor form={form} set={set} error={error} />
            <FailbackEditor form={form} set={set} error={error} />
          </SpaceBetween>
        </Form>
      </SpaceBetween>
    </form>
  );
}
