import type { PluginConfig } from '../config/defaults';
import type { Strapi } from '../utils/plugin';
import { PLUGIN_ID } from '../utils/plugin';

/**
 * Returns the token lifetimes and limits in force: the validated plugin config, with the settings
 * saved in the admin panel written over it by the settings service.
 */
export function currentSettings(strapi: Strapi): PluginConfig {
  return strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginConfig;
}
