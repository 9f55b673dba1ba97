import isSignedInUser from './is-signed-in-user';

export default { 'is-signed-in-user': isSignedInUser };
