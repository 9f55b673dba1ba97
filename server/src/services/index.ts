import clients from './clients';
import tokens from './tokens';
import users from './users';

export default { clients, tokens, users };
