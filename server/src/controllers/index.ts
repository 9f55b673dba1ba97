import introspection from './introspection';
import revocation from './revocation';
import token from './token';

export default { token, revocation, introspection };
