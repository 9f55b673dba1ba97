import type { Strapi } from '../utils/plugin';
import { ENDPOINT_PATHS } from './endpoint-paths';
import { SUPPORTED_GRANT_TYPES } from './grant-types';
import { currentSettings } from './settings';

/** The authorization server metadata this server publishes (RFC 8414 §2). */
export interface ServerMetadata {
  issuer: string;
  token_endpoint: string;
  revocation_endpoint: string;
  introspection_endpoint: string;
  grant_types_supported: string[];
  response_types_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  revocation_endpoint_auth_methods_supported: string[];
  introspection_endpoint_auth_methods_supported: string[];
}

/**
 * Returns the issuer: the plugin's `issuer` setting, or else Strapi's `server.absoluteUrl`, which
 * Strapi 5 derives from `server.url` or from the host and port. A trailing slash is removed so
 * that the endpoint URLs join without a double slash.
 */
export function resolveIssuer(strapi: Strapi): string {
  // NOTE: RFC 8414 §3 puts the metadata of an issuer with a path (https://example.com/cms) at
  // /.well-known/oauth-authorization-server/cms on the host, but the plugin serves it only at
  // the Strapi root. Discovery of such an issuer needs a proxy rule for that path.
  const issuer = currentSettings(strapi).issuer ?? (strapi.config.get('server.absoluteUrl') as string);
  return issuer.replace(/\/+$/, '');
}

/** Builds the metadata document from the current settings, so a changed issuer shows at once. */
export function buildServerMetadata(strapi: Strapi): ServerMetadata {
  const issuer = resolveIssuer(strapi);

  return {
    issuer,
    token_endpoint: `${issuer}${ENDPOINT_PATHS.token}`,
    revocation_endpoint: `${issuer}${ENDPOINT_PATHS.revocation}`,
    introspection_endpoint: `${issuer}${ENDPOINT_PATHS.introspection}`,
    grant_types_supported: [...SUPPORTED_GRANT_TYPES],
    // RFC 8414 §2 requires this member. The server has no authorization endpoint, so no
    // response type is supported.
    response_types_supported: [],
    // `none` is a public client sending only client_id (RFC 6749 §2.1).
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    // RFC 7662 §2.1: only an authenticated client may introspect, so `none` is left out.
    introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  };
}
