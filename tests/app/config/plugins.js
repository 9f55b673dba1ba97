const path = require('node:path');

const clients = require('../../helpers/clients.json');

module.exports = () => ({
  'users-permissions': { config: { jwtSecret: 'test-users-permissions-jwt-secret' } },
  refreshing: {
    enabled: true,
    // An absolute path: Strapi resolves a relative one against its own files first.
    resolve: path.resolve(__dirname, '../../..'),
    config: {
      accessTokenLifetime: 900,
      refreshTokenLifetime: 3600,
      clients,
    },
  },
});
