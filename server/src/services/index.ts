import clients from './clients';
import revocation from './revocation';
import tokens from './tokens';
import users from './users';

export default { clients, revocation, tokens, users };
