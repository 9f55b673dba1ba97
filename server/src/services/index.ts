import clientManagement from './client-management';
import clients from './clients';
import rateLimits from './rate-limits';
import revocation from './revocation';
import sessionManagement from './session-management';
import sessions from './sessions';
import settings from './settings';
import tokens from './tokens';
import users from './users';

export default {
  clients,
  'client-management': clientManagement,
  'rate-limits': rateLimits,
  revocation,
  sessions,
  'session-management': sessionManagement,
  settings,
  tokens,
  users,
};
