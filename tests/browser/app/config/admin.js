module.exports = () => ({
  auth: { secret: 'browser-test-admin-jwt-secret' },
  apiToken: { salt: 'browser-test-api-token-salt' },
  transfer: { token: { salt: 'browser-test-transfer-token-salt' } },
  secrets: { encryptionKey: 'browser-test-encryption-key' },
});
