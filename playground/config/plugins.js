const path = require('node:path');

module.exports = ({ env }) => ({
  'users-permissions': {
    // Demo-only fallback. Without a jwtSecret, users-permissions would generate one and append
    // it to a .env file.
    config: { jwtSecret: env('JWT_SECRET', 'demo-only-users-permissions-jwt-secret') },
  },
  refreshing: {
    enabled: true,
    // An absolute path, because Strapi resolves a relative one against its own files first.
    resolve: path.resolve(__dirname, '../..'),
    config: {
      clients: [
        // A public client (no secret) for the curl commands that src/index.js prints at start.
        { clientId: 'demo-app', name: 'Demo app', grants: ['password', 'refresh_token'], scopes: [] },
        // A confidential client that may introspect every token. Demo-only secret.
        {
          clientId: 'demo-backend',
          name: 'Demo backend',
          clientSecret: env('DEMO_BACKEND_SECRET', 'demo-only-backend-secret'),
          grants: [],
          resourceServer: true,
        },
      ],
    },
  },
});
