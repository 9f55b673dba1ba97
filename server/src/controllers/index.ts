import introspection from './introspection';
import revocation from './revocation';
import serverMetadata from './server-metadata';
import token from './token';

export default { token, revocation, introspection, 'server-metadata': serverMetadata };
