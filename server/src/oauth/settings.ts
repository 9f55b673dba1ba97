import type { PluginConfig } from '../config/defaults';
import type { Strapi } from '../utils/plugin';
import { PLUGIN_ID } from '../utils/plugin';

/** Returns the token lifetimes and limits in force, from the validated plugin config. */
export function currentSettings(strapi: Strapi): PluginConfig {
  return strapi.config.get(`plugin::${PLUGIN_ID}`) as PluginConfig;
}
