import adminClients from './admin-clients';
import adminSessions from './admin-sessions';
import adminSettings from './admin-settings';
import introspection from './introspection';
import revocation from './revocation';
import serverMetadata from './server-metadata';
import token from './token';
import userSessions from './user-sessions';

export default {
  token,
  revocation,
  introspection,
  'server-metadata': serverMetadata,
  'user-sessions': userSessions,
  'admin-clients': adminClients,
  'admin-sessions': adminSessions,
  'admin-settings': adminSettings,
};
