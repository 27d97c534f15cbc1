import Box from '@cloudscape-design/components/box';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { deleteGroup, type ProtectionGroup } from '../../api/catalog';
import { ModalFooter } from '../../components/ModalFooter';
import { ProblemAlert } from '../../components/ProblemAlert';

/**
 * Asks before deleting a protection group. A refusal (409: the group is used by a recovery plan) stays in the modal
 * with the problem's detail, which names the plans.
 */
export function DeleteGroupModal({
  group,
  onClose,
  onDeleted,
}: {
  group: Pick<ProtectionGroup, 'id' | 'name' | 'version' | 'usedBy'> | null;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const close = () => {
    setError(undefined);
    onClose();
  };

  const confirm = async () => {
    if (!group) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await deleteGroup(group.id, group.version);
      onDeleted();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!group) {
    return null;
  }
  const usedBy = group.usedBy ?? [];
  return (
    <Modal
      visible
      onDismiss={close}
      header="Delete protection group"
      footer={
        <ModalFooter confirm="Delete" onConfirm={() => void confirm()} onCancel={close} busy={busy} testId="confirm-delete" />
      }
    >
      <SpaceBetween size="m">
        <ProblemAlert error={error} />
        <Box>
          Delete the protection group <b>{group.name}</b>? Its servers stay replicating in DRS; only the group goes.
        </Box>
        {usedBy.length > 0 && (
          <Box color="text-status-warning">
            It is used by {usedBy.map((p) => p.planName).join(', ')}: the service refuses to delete a group a plan uses.
          </Box>
        )}
      </SpaceBetween>
    </Modal>
  );
}
