import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { createSubscription, FILTER_ATTRIBUTES, PROTOCOLS, type Subscription, type SubscriptionRequest } from '../../api/history';
import { fieldError } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';

interface FilterRow {
  attribute: string;
  values: string;
}

const ENDPOINT_HINT: Record<string, string> = {
  email: 'An email address; SNS sends it a confirmation link first',
  https: 'An https:// URL that confirms the SNS subscription',
  sqs: 'The ARN of an SQS queue (arn:aws:sqs:…)',
};

const PROTOCOL_LABEL: Record<string, string> = { email: 'Email', https: 'HTTPS', sqs: 'SQS queue' };

/** Creates a subscription: protocol, endpoint, an optional filter on the message attributes and topic. */
export function SubscriptionForm({ onCreated, onCancel }: { onCreated: (s: Subscription | undefined, endpoint: string) => void; onCancel: () => void }) {
  const [protocol, setProtocol] = useState('');
  const [endpoint, setEndpoint] = useState('');
  const [topicArn, setTopicArn] = useState('');
  const [rows, setRows] = useState<FilterRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const submit = async () => {
    const body: Partial<SubscriptionRequest> = { endpoint: endpoint.trim() };
    if (protocol) {
      body.protocol = protocol;
    }
    if (topicArn.trim()) {
      body.topicArn = topicArn.trim();
    }
    const filter: Record<string, string[]> = {};
    for (const row of rows) {
      const values = row.values.split(',').map((v) => v.trim()).filter(Boolean);
      if (row.attribute) {
        filter[row.attribute] = [...(filter[row.attribute] ?? []), ...values];
      }
    }
    if (Object.keys(filter).length > 0) {
      body.filter = filter;
    }
    setBusy(true);
    setError(undefined);
    try {
      const created = await createSubscription(body as SubscriptionRequest);
      onCreated(created, body.endpoint ?? '');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const protocolOptions: SelectProps.Option[] = PROTOCOLS.map((p) => ({ value: p, label: PROTOCOL_LABEL[p] ?? p }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Form
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={onCancel}>
              Cancel
            </Button>
            <Button variant="primary" loading={busy} data-testid="create-subscription-submit">
              Subscribe
            </Button>
          </SpaceBetween>
        }
      >
        <Container header={<Header variant="h2">New subscription</Header>}>
          <SpaceBetween size="m">
            <ProblemAlert error={error} />
            <FormField label="Protocol" errorText={fieldError(error, 'protocol')}>
              <Select
                selectedOption={protocolOptions.find((o) => o.value === protocol) ?? null}
                placeholder="Choose how to deliver"
                options={protocolOptions}
                onChange={(e) => setProtocol(e.detail.selectedOption.value ?? '')}
                data-testid="subscription-protocol"
              />
            </FormField>
            <FormField
              label="Endpoint"
              description={ENDPOINT_HINT[protocol] ?? 'Where the notifications go'}
              errorText={fieldError(error, 'endpoint')}
            >
              <Input value={endpoint} onChange={(e) => setEndpoint(e.detail.value)} data-testid="subscription-endpoint" />
            </FormField>
            <FormField
              label="Message filter"
              description="Only messages whose attribute has one of the values are delivered; none: every message"
              errorText={fieldError(error, 'filter')}
            >
              <AttributeEditor<FilterRow>
                items={rows}
                addButtonText="Add filter"
                removeButtonText="Remove"
                empty="No filter: every notification is delivered."
                onAddButtonClick={() => setRows([...rows, { attribute: '', values: '' }])}
                onRemoveButtonClick={(e) => setRows(rows.filter((_, i) => i !== e.detail.itemIndex))}
                definition={[
                  {
                    label: 'Attribute',
                    control: (row, index) => (
                      <Select
                        selectedOption={row.attribute ? { value: row.attribute, label: row.attribute } : null}
                        placeholder="Choose an attribute"
                        options={FILTER_ATTRIBUTES.map((a) => ({ value: a, label: a }))}
                        onChange={(e) =>
                          setRows(rows.map((r, i) => (i === index ? { ...r, attribute: e.detail.selectedOption.value ?? '' } : r)))
                        }
                      />
                    ),
                    errorText: (row) => (row.attribute ? fieldError(error, `filter.${row.attribute}`, true) : undefined),
                  },
                  {
                    label: 'Values (comma-separated)',
                    control: (row, index) => (
                      <Input
                        value={row.values}
                        placeholder="CRITICAL, WARNING"
                        onChange={(e) => setRows(rows.map((r, i) => (i === index ? { ...r, values: e.detail.value } : r)))}
                      />
                    ),
                  },
                ]}
              />
            </FormField>
            <FormField
              label="Topic ARN (optional)"
              description="Leave empty for the orchestrator's notification topic"
              errorText={fieldError(error, 'topicArn')}
            >
              <Input value={topicArn} onChange={(e) => setTopicArn(e.detail.value)} />
            </FormField>
          </SpaceBetween>
        </Container>
      </Form>
    </form>
  );
}
