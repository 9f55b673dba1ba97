import { Flex, IconButton } from '@strapi/design-system';
import { ArrowClockwise, Pencil, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { ClientView } from '../types';

interface ClientRowActionsProps {
  client: ClientView;
  onEdit: (client: ClientView) => void;
  onRotateSecret: (client: ClientView) => void;
  onDelete: (client: ClientView) => void;
}

/**
 * Renders the edit, rotate and delete buttons of one client row. A client declared in
 * `config/plugins` is written again from the config at every start, so these changes would not
 * last. Its buttons are disabled, and their tooltip names the file to change instead.
 */
export const ClientRowActions = ({ client, onEdit, onRotateSecret, onDelete }: ClientRowActionsProps) => {
  const { formatMessage } = useIntl();
  const locked = client.declaredInConfig;

  const lockedLabel = formatMessage(
    {
      id: 'refreshing.clients.declaredInConfig',
      defaultMessage: '{name} is declared in config/plugins. Change it there and restart Strapi.',
    },
    { name: client.name },
  );

  return (
    <Flex gap={1} justifyContent="end">
      <IconButton
        label={locked ? lockedLabel : formatMessage({ id: 'refreshing.clients.edit', defaultMessage: 'Edit {name}' }, { name: client.name })}
        variant="ghost"
        disabled={locked}
        onClick={() => onEdit(client)}
      >
        <Pencil />
      </IconButton>
      {client.clientType === 'confidential' && (
        <IconButton
          label={
            locked
              ? lockedLabel
              : formatMessage({ id: 'refreshing.clients.rotate', defaultMessage: 'Rotate the secret of {name}' }, { name: client.name })
          }
          variant="ghost"
          disabled={locked}
          onClick={() => onRotateSecret(client)}
        >
          <ArrowClockwise />
        </IconButton>
      )}
      <IconButton
        label={locked ? lockedLabel : formatMessage({ id: 'refreshing.clients.delete', defaultMessage: 'Delete {name}' }, { name: client.name })}
        variant="ghost"
        disabled={locked}
        onClick={() => onDelete(client)}
      >
        <Trash />
      </IconButton>
    </Flex>
  );
};
