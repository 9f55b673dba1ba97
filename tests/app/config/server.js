module.exports = () => ({
  host: '127.0.0.1',
  port: 0,
  url: 'http://127.0.0.1',
  app: { keys: ['test-app-key-one', 'test-app-key-two'] },
  // Tests send no traffic beyond loopback: no npm-registry update check.
  logger: { updates: { enabled: false } },
});
