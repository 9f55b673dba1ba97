import clientManagement from './client-management';
import clients from './clients';
import rateLimits from './rate-limits';
import revocation from './revocation';
import sessions from './sessions';
import tokens from './tokens';
import users from './users';

export default {
  clients,
  'client-management': clientManagement,
  'rate-limits': rateLimits,
  revocation,
  sessions,
  tokens,
  users,
};
