// Every fallback below is a demo-only value, so that a fresh clone starts without a .env file.
// Set the environment variables for anything other than local use.
module.exports = ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET', 'demo-only-admin-jwt-secret') },
  apiToken: { salt: env('API_TOKEN_SALT', 'demo-only-api-token-salt') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'demo-only-transfer-token-salt') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'demo-only-encryption-key') },
});
