import * as React from 'react';

import { Dialog } from '@strapi/design-system';
import { ConfirmDialog } from '@strapi/strapi/admin';

interface ConfirmActionDialogProps {
  /** The dialog is open while a confirmation is pending; null closes it. */
  confirmation: { title: string; body: React.ReactNode } | null;
  onConfirm: () => Promise<void> | void;
  onClose: () => void;
}

/** Asks the admin to confirm one destructive action: delete, rotate or revoke. */
export const ConfirmActionDialog = ({ confirmation, onConfirm, onClose }: ConfirmActionDialogProps) => (
  <Dialog.Root open={confirmation !== null} onOpenChange={(open) => !open && onClose()}>
    {confirmation && (
      <ConfirmDialog title={confirmation.title} onConfirm={onConfirm}>
        {confirmation.body}
      </ConfirmDialog>
    )}
  </Dialog.Root>
);
