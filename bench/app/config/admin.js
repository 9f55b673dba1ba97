// Fixed values: the bench app runs on loopback only and its database is dropped after each run.
module.exports = () => ({
  serveAdminPanel: false,
  auth: { secret: 'bench-admin-jwt-secret' },
  apiToken: { salt: 'bench-api-token-salt' },
  transfer: { token: { salt: 'bench-transfer-token-salt' } },
  secrets: { encryptionKey: 'bench-encryption-key' },
});
