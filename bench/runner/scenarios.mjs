// The scenarios of `npm run bench`, in the order they run against one Strapi process.

export const CLIENT_ID = 'bench-app';
export const USER = { username: 'bench', email: 'bench@example.com', password: 'bench-password-1' };

// Refresh-token rows stored before the refresh grant runs at small and at large scale, besides
// the tokens that the run itself uses.
export const SMALL_TABLE_ROWS = 1_000;
export const LARGE_TABLE_ROWS = 1_000_000;

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const JSON_BODY = { 'content-type': 'application/json' };

// Upper bounds on requests per measured run. The duration normally ends a run first.
const MAX_REQUESTS = 200_000;
const MAX_REFRESH_TOKENS = 40_000;
const MAX_SESSIONS = 4_000;
const MAX_LOGINS = 2_000;

// The user agent that `bench/strapi/tokens.js` stores with the tokens it issues. An app sends
// the same one on every refresh, so a refresh does not rewrite where its session was used last.
const APP_USER_AGENT = 'refreshing-bench';

function refreshGrantRequest(nextToken) {
  return {
    method: 'POST',
    path: '/oauth/token',
    headers: { ...FORM, 'user-agent': APP_USER_AGENT },
    nextBody: () => new URLSearchParams({ grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: nextToken() }).toString(),
  };
}

function refreshGrant(context, name, connections) {
  return context.measurer.measureOneUse(name, {
    connections,
    warmupCredentials: 1_000,
    maxCredentials: MAX_REFRESH_TOKENS,
    issue: (count) => context.strapi.call('issueRefreshTokens', { count, userId: context.userId, clientId: CLIENT_ID }),
    buildRequest: refreshGrantRequest,
    expectedStatus: 200,
  });
}

/**
 * Each scenario has a name, which `--only` selects, and `run(context)`, which returns its results
 * by result name. `context` contains the Strapi child, the measurer, the user and what earlier
 * scenarios stored.
 */
export const SCENARIOS = [
  {
    name: 'noop',
    run: async (context) => ({
      noop: await context.measurer.measure('noop', {
        connections: 10,
        maxRequests: MAX_REQUESTS,
        request: { method: 'GET', path: '/bench/noop' },
        expectedStatus: 204,
      }),
    }),
  },
  {
    name: 'refresh-grant',
    async run(context) {
      context.rows.beforeRefreshGrant = await context.strapi.call('seedRefreshTokenRows', {
        total: SMALL_TABLE_ROWS,
        userId: context.userId,
        clientId: CLIENT_ID,
      });
      return { 'refresh-grant': await refreshGrant(context, 'refresh-grant', 10) };
    },
  },
  {
    name: 'users-permissions-refresh',
    run: async (context) => ({
      'users-permissions-refresh': await context.measurer.measureOneUse('users-permissions-refresh', {
        connections: 10,
        warmupCredentials: 300,
        maxCredentials: MAX_SESSIONS,
        issue: (count) => context.strapi.call('issueSessions', { count, userId: context.userId }),
        buildRequest: (nextToken) => ({
          method: 'POST',
          path: '/api/auth/refresh',
          headers: JSON_BODY,
          nextBody: () => JSON.stringify({ refreshToken: nextToken() }),
        }),
        expectedStatus: 200,
      }),
    }),
  },
  {
    name: 'password',
    run: async (context) => ({
      'password-grant': await context.measurer.measure('password-grant', {
        connections: 10,
        maxRequests: MAX_LOGINS,
        request: {
          method: 'POST',
          path: '/oauth/token',
          headers: FORM,
          body: new URLSearchParams({ grant_type: 'password', client_id: CLIENT_ID, username: USER.username, password: USER.password }).toString(),
        },
        expectedStatus: 200,
      }),
      'users-permissions-login': await context.measurer.measure('users-permissions-login', {
        connections: 10,
        maxRequests: MAX_LOGINS,
        request: {
          method: 'POST',
          path: '/api/auth/local',
          headers: JSON_BODY,
          body: JSON.stringify({ identifier: USER.username, password: USER.password }),
        },
        expectedStatus: 200,
      }),
    }),
  },
  {
    name: 'users-me',
    async run(context) {
      const accessToken = await context.signIn.accessToken();
      const jwt = await context.signIn.usersPermissionsJwt();
      const me = (name, token) =>
        context.measurer.measure(name, {
          connections: 10,
          maxRequests: MAX_REQUESTS,
          request: { method: 'GET', path: '/api/users/me', headers: { authorization: `Bearer ${token}` } },
          expectedStatus: 200,
        });
      return {
        'users-me-access-token': await me('users-me-access-token', accessToken),
        'users-me-users-permissions-jwt': await me('users-me-users-permissions-jwt', jwt),
      };
    },
  },
  {
    name: 'refresh-grant-50-connections',
    run: async (context) => ({
      'refresh-grant-50-connections': await refreshGrant(context, 'refresh-grant-50-connections', 50),
    }),
  },
  {
    name: 'scale',
    async run(context) {
      context.log(`seeding the refresh-token table up to ${LARGE_TABLE_ROWS} rows`);
      const seedStarted = Date.now();
      context.rows.beforeScale = await context.strapi.call('seedRefreshTokenRows', {
        total: LARGE_TABLE_ROWS,
        userId: context.userId,
        clientId: CLIENT_ID,
      });
      context.seedSeconds = (Date.now() - seedStarted) / 1000;
      const result = await refreshGrant(context, 'refresh-grant-1m-rows', 10);

      // The plans of the statements of one more refresh, now that the tables are large.
      const [token] = await context.strapi.call('issueRefreshTokens', { count: 1, userId: context.userId, clientId: CLIENT_ID });
      await context.strapi.call('startRecordingQueries');
      await context.signIn.refresh(token);
      context.queryPlans = await context.strapi.call('explainRecordedQueries');
      return { 'refresh-grant-1m-rows': result };
    },
  },
  {
    // The ceiling again: a large difference from the first run means the machine's speed changed.
    name: 'noop-again',
    run: async (context) => ({
      'noop-again': await context.measurer.measure('noop-again', {
        connections: 10,
        maxRequests: MAX_REQUESTS,
        request: { method: 'GET', path: '/bench/noop' },
        expectedStatus: 204,
      }),
    }),
  },
];
