/**
 * Paths of the plugin's OAuth endpoints at the server root. The routes and the server metadata
 * (RFC 8414 §2) both read them, so the published endpoints always match the routes.
 */
export const ENDPOINT_PATHS = {
  token: '/oauth/token',
  revocation: '/oauth/revoke',
  introspection: '/oauth/introspect',
  // RFC 8414 §3: the well-known URI suffix registered for authorization server metadata.
  serverMetadata: '/.well-known/oauth-authorization-server',
} as const;
