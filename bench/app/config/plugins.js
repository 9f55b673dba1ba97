const path = require('node:path');

// Failed-attempt limits far above any bench run, so that no scenario ever gets 429.
const NEVER_REACHED = { points: 1_000_000_000, duration: 60 };

module.exports = () => ({
  'users-permissions': {
    config: {
      jwtSecret: 'bench-users-permissions-jwt-secret',
      // Turns on POST /api/auth/refresh and session-backed JWTs, the mode compared with here.
      jwtManagement: 'refresh',
      // Users-permissions limits /api/auth/local to 10 requests a minute per address by default.
      ratelimit: { interval: 60_000, max: 1_000_000_000 },
    },
  },
  refreshing: {
    enabled: true,
    // An absolute path, because Strapi resolves a relative one against its own files first.
    resolve: path.resolve(__dirname, '../../..'),
    config: {
      rateLimits: {
        passwordPerIdentifier: NEVER_REACHED,
        passwordPerIp: NEVER_REACHED,
        clientAuthenticationPerClient: NEVER_REACHED,
        store: 'memory',
      },
      clients: [{ clientId: 'bench-app', name: 'Bench app', grants: ['password', 'refresh_token'] }],
    },
  },
});
