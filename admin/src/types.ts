// Shapes of the plugin's admin API responses. Dates arrive as ISO 8601 strings, lifetimes and
// durations as whole seconds.

export type ClientType = 'confidential' | 'public';

export interface ClientView {
  id: number;
  clientId: string;
  name: string;
  clientType: ClientType;
  grants: string[];
  scopes: string[];
  accessTokenLifetime: number | null;
  refreshTokenLifetime: number | null;
  refreshTokenIdleLifetime: number | null;
  resourceServer: boolean;
  enabled: boolean;
  declaredInConfig: boolean;
  activeSessions: number;
  createdAt: string;
  updatedAt: string;
}

/** Body of `PUT /refreshing/clients/:id` as this panel sends it: the client id and type are set only at creation. */
export interface ClientUpdate {
  name: string;
  grants: string[];
  scopes: string[];
  accessTokenLifetime?: number | null;
  refreshTokenLifetime?: number | null;
  refreshTokenIdleLifetime?: number | null;
  resourceServer?: boolean;
  enabled?: boolean;
}

/** Body of `POST /refreshing/clients`. */
export interface ClientInput extends ClientUpdate {
  clientId?: string;
  clientType: ClientType;
}

/** A response that carries a plain client secret: only creation and rotation send one. */
export interface ClientSecretResponse {
  data: ClientView;
  clientSecret?: string;
}

export interface SessionView {
  id: number;
  /** Username and email are null for a user deleted without Strapi's Query Engine. */
  user: { id: number; username: string | null; email: string | null };
  clientId: string;
  clientName: string;
  device: string | null;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface SessionsResponse {
  data: SessionView[];
  meta: { pagination: Pagination };
}

export interface RateLimit {
  points: number;
  duration: number;
}

export const RATE_LIMIT_NAMES = ['passwordPerIdentifier', 'passwordPerIp', 'clientAuthenticationPerClient'] as const;

export type RateLimitName = (typeof RATE_LIMIT_NAMES)[number];

export interface Settings {
  accessTokenLifetime: number;
  refreshTokenLifetime: number;
  refreshTokenIdleLifetime: number;
  refreshTokenReuseInterval: number;
  rateLimits: Record<RateLimitName, RateLimit>;
}

export interface SettingsResponse {
  data: Settings;
  defaults: Settings;
}

export interface RevokeResponse {
  data: { revoked: number };
}
