import { Divider } from '@strapi/design-system';
import { SubNav } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { useSectionAccess } from '../hooks/useSectionAccess';
import { PLUGIN_ID } from '../pluginId';

/** Renders the plugin's side navigation, with links to the pages the admin may read only. */
export const PluginNav = () => {
  const { formatMessage } = useIntl();
  const access = useSectionAccess();

  const title = formatMessage({ id: 'refreshing.plugin.name', defaultMessage: 'OAuth' });
  const links = [
    {
      to: `/plugins/${PLUGIN_ID}/clients`,
      label: formatMessage({ id: 'refreshing.nav.clients', defaultMessage: 'Clients' }),
      visible: access.canReadClients,
    },
    {
      to: `/plugins/${PLUGIN_ID}/sessions`,
      label: formatMessage({ id: 'refreshing.nav.sessions', defaultMessage: 'Sessions' }),
      visible: access.canReadSessions,
    },
    {
      to: `/plugins/${PLUGIN_ID}/settings`,
      label: formatMessage({ id: 'refreshing.nav.settings', defaultMessage: 'Settings' }),
      visible: access.canReadSettings,
    },
  ].filter((link) => link.visible);

  return (
    <SubNav.Main aria-label={title}>
      <SubNav.Header label={title} />
      <Divider />
      <SubNav.Content>
        <SubNav.Sections>
          {links.map((link) => (
            <SubNav.Link key={link.to} to={link.to} label={link.label} />
          ))}
        </SubNav.Sections>
      </SubNav.Content>
    </SubNav.Main>
  );
};
