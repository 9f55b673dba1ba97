const path = require('node:path');

module.exports = () => ({
  'users-permissions': { config: { jwtSecret: 'browser-test-users-permissions-jwt-secret' } },
  refreshing: {
    enabled: true,
    // An absolute path, because Strapi resolves a relative one against its own files first.
    resolve: path.resolve(__dirname, '../../../..'),
    config: {
      // A declared client, so that the Clients page shows one from the config file next to the
      // one the test creates in the admin panel.
      clients: [{ clientId: 'mobile-app', name: 'Mobile app', grants: ['password', 'refresh_token'] }],
    },
  },
});
