import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { fieldError } from '../../api/problem';
import { newKey, type DrillNetworkForm, type PlanForm } from './editorModel';

type Patch = (patch: Partial<PlanForm>) => void;

/** Where drills launch, per account and Region (the plan's drillNetworks). */
export function DrillNetworksEditor({ form, set, error }: { form: PlanForm; set: Patch; error: unknown }) {
  const update = (i: number, patch: Partial<DrillNetworkForm>) =>
    set({ drillNetworks: form.drillNetworks.map((n, j) => (j === i ? { ...n, ...patch } : n)) });
  const err = (i: number, f: string) => fieldError(error, `drillNetworks[${i}].${f}`, true);
  return (
    <Container
      header={
        <Header variant="h2" description="A subnet isolated from production per account and Region; recoveries never use it.">
          Drill networks
        </Header>
      }
    >
      <FormField errorText={fieldError(error, 'drillNetworks')} stretch>
        <AttributeEditor
          items={form.drillNetworks}
          addButtonText="Add drill network"
          removeButtonText="Remove"
          empty="No drill network: drills launch with the servers' production launch settings."
          onAddButtonClick={() =>
            set({ drillNetworks: [...form.drillNetworks, { key: newKey('n'), accountId: '', region: '', subnetId: '', securityGroupIds: '' }] })
          }
          onRemoveButtonClick={(e) => set({ drillNetworks: form.drillNetworks.filter((_, i) => i !== e.detail.itemIndex) })}
          definition={[
            {
              label: 'Account ID',
              control: (n, i) => <Input value={n.accountId} ariaLabel="Account ID" onChange={(e) => update(i, { accountId: e.detail.value })} />,
              errorText: (_, i) => err(i, 'accountId'),
            },
            {
              label: 'Region',
              control: (n, i) => <Input value={n.region} ariaLabel="Region" onChange={(e) => update(i, { region: e.detail.value })} />,
              errorText: (_, i) => err(i, 'region'),
            },
            {
              label: 'Subnet ID',
              control: (n, i) => <Input value={n.subnetId} ariaLabel="Subnet ID" onChange={(e) => update(i, { subnetId: e.detail.value })} />,
              errorText: (_, i) => err(i, 'subnetId'),
            },
            {
              label: 'Security groups (comma-separated)',
              control: (n, i) => (
                <Input value={n.securityGroupIds} ariaLabel="Security groups" onChange={(e) => update(i, { securityGroupIds: e.detail.value })} />
              ),
              errorText: (_, i) => err(i, 'securityGroupIds'),
            },
          ]}
        />
      </FormField>
    </Container>
  );
}

/** How the plan returns to its origin (REPROTECT, FAILBACK). */
export function FailbackEditor({ form, set, error }: { form: PlanForm; set: Patch; error: unknown }) {
  return (
    <Container header={<Header variant="h2">Failback</Header>}>
      <SpaceBetween size="s">
        <FormField
          label="Failback wave order"
          description="Wave IDs in the order they return, comma-separated; each wave once. Empty: the dependencies reversed."
          errorText={fieldError(error, 'failback.waveOrder', true) ?? fieldError(error, 'failback')}
        >
          <Input value={form.failbackWaveOrder} onChange={(e) => set({ failbackWaveOrder: e.detail.value })} />
        </FormField>
        <Checkbox checked={form.restoreDirection} onChange={(e) => set({ restoreDirection: e.detail.checked })}>
          After a failback, protect the origin again in the original direction
        </Checkbox>
        <Checkbox checked={form.terminateRecoveryInstances} onChange={(e) => set({ terminateRecoveryInstances: e.detail.checked })}>
          After a failback, terminate the recovery instances (once an operator confirms)
        </Checkbox>
      </SpaceBetween>
    </Container>
  );
}
