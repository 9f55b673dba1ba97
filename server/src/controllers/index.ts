import revocation from './revocation';
import token from './token';

export default { token, revocation };
