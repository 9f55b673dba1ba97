const { isIPv6 } = require('node:net');

const DEMO_USER = { username: 'demo', email: 'demo@example.com', password: 'demo-password' };
const DEMO_CLIENT_ID = 'demo-app';

/** Creates the demo user with the authenticated role, unless a user with its name or email exists. */
async function ensureDemoUser(strapi) {
  const existing = await strapi.db.query('plugin::users-permissions.user').findOne({
    where: { $or: [{ username: DEMO_USER.username }, { email: DEMO_USER.email }] },
  });
  if (existing) {
    return;
  }

  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  if (!role) {
    throw new Error('The users-permissions role "authenticated" was not found, so the demo user cannot be created. Check that the users-permissions plugin is enabled.');
  }

  await strapi.plugin('users-permissions').service('user').add({
    ...DEMO_USER,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  strapi.log.info(`[playground] Created the demo user "${DEMO_USER.username}".`);
}

/** Builds the base URL that curl on this machine can reach. */
function localServerUrl(strapi) {
  const url = strapi.config.get('server.url');
  if (url.startsWith('http')) {
    return url;
  }

  const host = strapi.config.get('server.host');
  const port = strapi.config.get('server.port');
  // A wildcard host also listens on loopback, and curl cannot connect to a wildcard address.
  if (!host || host === '0.0.0.0' || host === '::') {
    return `http://127.0.0.1:${port}${url}`;
  }
  return isIPv6(host) ? `http://[${host}]:${port}${url}` : `http://${host}:${port}${url}`;
}

function logDemoCommands(strapi) {
  const baseUrl = localServerUrl(strapi);
  const lines = [
    `The demo user "${DEMO_USER.username}" and the client "${DEMO_CLIENT_ID}" are for local use only.`,
    'Get a token pair with the password grant:',
    `  curl ${baseUrl}/oauth/token -d grant_type=password -d client_id=${DEMO_CLIENT_ID} -d username=${DEMO_USER.username} -d password=${DEMO_USER.password}`,
    'Set ACCESS_TOKEN and REFRESH_TOKEN to the access_token and refresh_token of that response, then read the user:',
    `  curl ${baseUrl}/api/users/me -H "Authorization: Bearer $ACCESS_TOKEN"`,
    'Get a new pair with the refresh token. Rotation retires the old refresh token: sent again within 10 seconds it returns the same new pair, and later it is treated as stolen and ends the whole session:',
    `  curl ${baseUrl}/oauth/token -d grant_type=refresh_token -d client_id=${DEMO_CLIENT_ID} -d "refresh_token=$REFRESH_TOKEN"`,
    'Ask whether a token is still active, as the confidential client "demo-backend":',
    `  curl ${baseUrl}/oauth/introspect -u demo-backend:demo-only-backend-secret -d "token=$ACCESS_TOKEN"`,
  ];
  for (const line of lines) {
    strapi.log.info(`[playground] ${line}`);
  }
}

module.exports = {
  register() {},

  async bootstrap({ strapi }) {
    await ensureDemoUser(strapi);
    logDemoCommands(strapi);
  },
};
