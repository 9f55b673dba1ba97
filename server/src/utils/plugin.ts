import type { Core } from '@strapi/strapi';

export const PLUGIN_ID = 'refreshing';

export const CONTENT_TYPES = {
  client: 'plugin::refreshing.client',
  tokenFamily: 'plugin::refreshing.token-family',
  refreshToken: 'plugin::refreshing.refresh-token',
  accessToken: 'plugin::refreshing.access-token',
  user: 'plugin::users-permissions.user',
} as const;

/** Prefixes a log line with the plugin id, so deployments can filter the plugin's lines. */
export function logMessage(event: string, details: Record<string, unknown> = {}): string {
  const fields = Object.entries(details)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${String(value)}`);
  return [`[${PLUGIN_ID}] ${event}`, ...fields].join(' ');
}

export type Strapi = Core.Strapi;
