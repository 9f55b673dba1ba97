import type { StrapiApp } from '@strapi/strapi/admin';

import { PluginIcon } from './components/PluginIcon';
import { MENU_PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';

type Translations = Record<string, string>;

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: 'refreshing.plugin.name', defaultMessage: 'OAuth' },
      permissions: MENU_PERMISSIONS,
      Component: () => import('./pages/App'),
    });

    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  // The keys of translations/*.json already carry the `refreshing.` prefix, so they are
  // registered as they are. A locale without a file falls back to the English defaultMessage.
  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as { default: Translations };
          return { data, locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
  },
};
