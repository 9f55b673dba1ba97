module.exports = ({ env }) => ({
  host: '127.0.0.1',
  // The test picks a free port and passes it in PORT. `strapi build` reads this file too, and any
  // port works there, because the admin bundle calls the API on its own origin.
  port: env.int('PORT', 1337),
  app: { keys: ['browser-test-app-key-one', 'browser-test-app-key-two'] },
  // No npm-registry update check: the test sends no traffic beyond loopback.
  logger: { updates: { enabled: false } },
});
