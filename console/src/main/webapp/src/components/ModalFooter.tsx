import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';

/** A confirming modal's footer: a link that backs out, then the primary button that does it (busy while it runs). */
export function ModalFooter({
  confirm,
  onConfirm,
  onCancel,
  busy,
  cancel = 'Cancel',
  cancelDisabled,
  testId,
}: {
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy: boolean;
  cancel?: string;
  cancelDisabled?: boolean;
  testId?: string;
}) {
  return (
    <Box float="right">
      <SpaceBetween direction="horizontal" size="xs">
        <Button variant="link" onClick={onCancel} disabled={cancelDisabled}>
          {cancel}
        </Button>
        <Button variant="primary" onClick={onConfirm} loading={busy} data-testid={testId}>
          {confirm}
        </Button>
      </SpaceBetween>
    </Box>
  );
}
