module.exports = () => ({
  host: '127.0.0.1',
  // The bench runner reads the port that the system picks from the child's ready message.
  port: 0,
  url: 'http://127.0.0.1',
  app: { keys: ['bench-app-key-one', 'bench-app-key-two'] },
  // No traffic beyond loopback, so no npm-registry update check, and no start-up banner.
  logger: { updates: { enabled: false }, startup: { enabled: false } },
});
