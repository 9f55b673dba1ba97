import bcrypt from 'bcryptjs';

export interface PasswordComparison {
  password: string;
  hash: string;
}

/**
 * Checks a password against a users-permissions bcrypt hash, in a worker thread of the password
 * pool. It is the comparison that users-permissions' `validatePassword` makes with bcryptjs's
 * `compare`, run synchronously because the worker has nothing else to do meanwhile.
 */
export default function comparePassword({ password, hash }: PasswordComparison): boolean {
  return bcrypt.compareSync(password, hash);
}
