import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  createGroup,
  getGroup,
  updateGroup,
  type ProtectionGroup,
  type ProtectionGroupRequest,
} from '../../api/catalog';
import { fieldError } from '../../api/problem';
import { useSession } from '../../auth/AuthContext';
import { PageLoading } from '../../components/Layout';
import { useFollow } from '../../components/nav';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../components/useLoad';
import { DeleteGroupModal } from './DeleteGroupModal';
import { LaunchSettingsSection } from './LaunchSettingsSection';
import { ReadinessSection } from './ReadinessSection';
import { rowsOf, selectorOf, type TagRow } from './selection';
import { ServerPicker } from './ServerPicker';
import { TagSelectorEditor } from './TagSelectorEditor';

type Mode = 'servers' | 'tags' | 'both';

/**
 * A field error for a section that is not one FormField (a FormField around a table would name every checkbox in it
 * after the field).
 */
function InlineError({ text, testId }: { text: string | undefined; testId: string }) {
  return text ? (
    <Box color="text-status-error" data-testid={testId}>
      <StatusIndicator type="error">{text}</StatusIndicator>
    </Box>
  ) : null;
}

/** Creates a protection group (`/protection-groups/new`) or shows and edits one (`/protection-groups/:id`). */
export default function GroupEditor() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const { data, error, loading, reload } = useLoad(
    (signal) => (isNew ? Promise.resolve(undefined) : getGroup(id, signal)),
    [id, isNew],
  );
  if (!isNew && !data) {
    if (loading) {
      return <PageLoading>Loading the protection group…</PageLoading>;
    }
    return (
      <SpaceBetween size="m">
        <Header variant="h1">Protection group</Header>
        <ProblemAlert error={error} />
        <Button onClick={reload}>Try again</Button>
      </SpaceBetween>
    );
  }
  return <GroupForm key={data ? `${data.id}:${data.version}` : 'new'} group={data} />;
}

function modeOf(group: ProtectionGroup | undefined): Mode {
  const ids = group?.sourceServerIds?.length ?? 0;
  const tags = Object.keys(group?.tagSelector ?? {}).length;
  return ids > 0 && tags > 0 ? 'both' : tags > 0 ? 'tags' : 'servers';
}

function GroupForm({ group }: { group?: ProtectionGroup }) {
  const { can } = useSession();
  const navigate = useNavigate();
  const follow = useFollow();
  const editable = can('planner');
  const readOnly = !editable;

  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [accountId, setAccountId] = useState(group?.accountId ?? '');
  const [region, setRegion] = useState(group?.region ?? '');
  const [owner, setOwner] = useState(group?.owner ?? '');
  const [mode, setMode] = useState<Mode>(modeOf(group));
  const [ids, setIds] = useState<string[]>(group?.sourceServerIds ?? []);
  const [rows, setRows] = useState<TagRow[]>(() => {
    const r = rowsOf(group?.tagSelector);
    return r.length ? r : [{ key: '', values: '' }];
  });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [deleting, setDeleting] = useState(false);

  const save = async () => {
    const body: ProtectionGroupRequest = {
      name: name.trim(),
      description: description.trim() || undefined,
      accountId: accountId.trim(),
      region: region.trim(),
      owner: owner.trim() || undefined,
      sourceServerIds: mode !== 'tags' ? ids : undefined,
      tagSelector: mode !== 'servers' ? selectorOf(rows) : undefined,
    };
    setSaving(true);
    setError(undefined);
    try {
      const saved = group ? await updateGroup(group.id, group.version, body) : await createGroup(body);
      navigate('/protection-groups', { state: { saved: saved?.name ?? body.name } });
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const title = group ? group.name : 'Create protection group';
  return (
    <SpaceBetween size="l">
      <Form
        header={
          <Header
            variant="h1"
            description={group ? `${group.id} · version ${group.version}` : 'Source servers that recover together.'}
            actions={
              group && editable ? (
                <Button onClick={() => setDeleting(true)}>Delete</Button>
              ) : undefined
            }
          >
            {title}
          </Header>
        }
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" href="/protection-groups" onFollow={follow}>
              {editable ? 'Cancel' : 'Back to protection groups'}
            </Button>
            {editable && (
              <Button variant="primary" loading={saving} onClick={() => void save()} data-testid="save-group">
                Save
              </Button>
            )}
          </SpaceBetween>
        }
      >
        <SpaceBetween size="l">
          {readOnly && <Alert type="info">Read-only: your role may look at protection groups but not change them.</Alert>}
          <ProblemAlert error={error} onDismiss={() => setError(undefined)} />
          {group?.conflicts && group.conflicts.length > 0 && (
            <Alert type="warning" header="Servers held by another group">
              {group.conflicts.map((c) => `${c.sourceServerId} (held by ${c.heldByName})`).join(', ')}: they are not
              members of this group.
            </Alert>
          )}
          <Container header={<Header variant="h2">Details</Header>}>
            <SpaceBetween size="m">
              <FormField label="Name" description="Unique in the account and region." errorText={fieldError(error, 'name')}>
                <Input value={name} disabled={readOnly} onChange={(e) => setName(e.detail.value)} />
              </FormField>
              <FormField label="Description" errorText={fieldError(error, 'description')}>
                <Textarea value={description} disabled={readOnly} rows={2} onChange={(e) => setDescription(e.detail.value)} />
              </FormField>
              <SpaceBetween direction="horizontal" size="m">
                <FormField label="Account ID" description="12 digits." errorText={fieldError(error, 'accountId')}>
                  <Input value={accountId} disabled={readOnly} inputMode="numeric" placeholder="111122223333"
                    onChange={(e) => setAccountId(e.detail.value)} />
                </FormField>
                <FormField label="Region" errorText={fieldError(error, 'region')}>
                  <Input value={region} disabled={readOnly} placeholder="us-east-1" onChange={(e) => setRegion(e.detail.value)} />
                </FormField>
                <FormField label="Owner" description="Optional: who answers for it." errorText={fieldError(error, 'owner')}>
                  <Input value={owner} disabled={readOnly} onChange={(e) => setOwner(e.detail.value)} />
                </FormField>
              </SpaceBetween>
              {fieldError(error, 'version') && (
                <Alert type="error">version: {fieldError(error, 'version')}</Alert>
              )}
            </SpaceBetween>
          </Container>
          <Container
            header={
              <Header variant="h2" description="Choose servers by id, by DRS tags, or both.">
                Members {group ? `(${group.memberCount} now)` : ''}
              </Header>
            }
          >
            <SpaceBetween size="m">
              <FormField label="Selection">
                <RadioGroup
                  value={mode}
                  onChange={(e) => setMode(e.detail.value as Mode)}
                  items={[
                    { value: 'servers', label: 'Chosen servers', description: 'Pick source servers from the inventory.', disabled: readOnly },
                    { value: 'tags', label: 'Tag selector', description: 'Every server whose tags match, now and later.', disabled: readOnly },
                    { value: 'both', label: 'Both', description: 'Chosen servers plus what the tags match.', disabled: readOnly },
                  ]}
                />
              </FormField>
              {mode !== 'tags' && (
                <SpaceBetween size="xs">
                  <Header variant="h3">Source servers</Header>
                  <InlineError testId="sourceServerIds-error" text={fieldError(error, 'sourceServerIds', true)} />
                  <ServerPicker accountId={accountId} region={region} selected={ids} onChange={setIds}
                    groupId={group?.id} readOnly={readOnly} />
                </SpaceBetween>
              )}
              {mode !== 'servers' && (
                <SpaceBetween size="xs">
                  <Header variant="h3" description="A server matches when it has every key, with one of its values.">
                    Tag selector
                  </Header>
                  <InlineError testId="tagSelector-error" text={fieldError(error, 'tagSelector', true)} />
                  <TagSelectorEditor rows={rows} onChange={setRows} accountId={accountId} region={region}
                    groupId={group?.id} readOnly={readOnly} />
                </SpaceBetween>
              )}
            </SpaceBetween>
          </Container>
          {group && (
            <Container header={<Header variant="h2">Used by</Header>}>
              {group.usedBy && group.usedBy.length > 0 ? (
                <SpaceBetween direction="horizontal" size="s">
                  {group.usedBy.map((p) => (
                    <Link key={p.planId} href={`/recovery-plans/${p.planId}`} onFollow={follow}>{p.planName}</Link>
                  ))}
                </SpaceBetween>
              ) : (
                'No recovery plan uses this group.'
              )}
            </Container>
          )}
        </SpaceBetween>
      </Form>
      {group && <ReadinessSection groupId={group.id} />}
      {group && <LaunchSettingsSection groupId={group.id} />}
      <DeleteGroupModal
        group={deleting && group ? group : null}
        onClose={() => setDeleting(false)}
        onDeleted={() => navigate('/protection-groups', { state: { saved: undefined } })}
      />
    </SpaceBetween>
  );
}
