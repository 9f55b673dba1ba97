module.exports = ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  // The public URL, which the plugin also publishes as its OAuth issuer. Set PUBLIC_URL when the
  // playground is reached through another address.
  url: env('PUBLIC_URL', `http://127.0.0.1:${env.int('PORT', 1337)}`),
  // Demo-only fallback: set APP_KEYS (comma-separated) for anything other than local use.
  app: { keys: env.array('APP_KEYS', ['demo-only-app-key-one', 'demo-only-app-key-two']) },
  // Turns off the update check, which requests Strapi's latest version from the npm registry.
  // Telemetry is off too, through `strapi.telemetryDisabled` in package.json.
  logger: { updates: { enabled: false } },
});
