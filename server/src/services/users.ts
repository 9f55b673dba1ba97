import type { Strapi } from '../utils/plugin';
import { CONTENT_TYPES } from '../utils/plugin';

/** A users-permissions user row, with the fields this plugin reads. */
export interface User {
  id: number;
  username: string;
  email: string;
  provider?: string;
  password?: string | null;
  confirmed?: boolean | null;
  blocked?: boolean | null;
  role?: { id: number; type?: string } | null;
  [field: string]: unknown;
}

/**
 * Looks up users-permissions users and applies the same checks as `POST /api/auth/local`, so a
 * user who cannot sign in there cannot get or refresh a token here.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const usersPermissions = () => strapi.plugin('users-permissions');

  async function isEmailConfirmationRequired(): Promise<boolean> {
    const advanced = (await strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'advanced' })) as
      | { email_confirmation?: boolean }
      | null;
    return Boolean(advanced?.email_confirmation);
  }

  /** Whether the user may hold tokens: not blocked, and confirmed when confirmation is on. */
  async function isActive(user: User): Promise<boolean> {
    if (user.blocked === true) {
      return false;
    }
    if (user.confirmed !== true && (await isEmailConfirmationRequired())) {
      return false;
    }
    return true;
  }

  return {
    isActive,

    /**
     * Returns the user whose identifier and password match, or null. The identifier is an email,
     * compared case-insensitively, or a username, compared exactly, among local-provider users.
     */
    async findByCredentials(identifier: string, password: string): Promise<User | null> {
      const user = (await strapi.db.query(CONTENT_TYPES.user).findOne({
        where: {
          provider: 'local',
          $or: [{ email: identifier.toLowerCase() }, { username: identifier }],
        },
      })) as User | null;

      if (!user || !user.password) {
        return null;
      }

      const valid = await usersPermissions().service('user').validatePassword(password, user.password);
      if (!valid) {
        return null;
      }

      return (await isActive(user)) ? user : null;
    },

    /** Returns the user with its role when it exists and may hold tokens, or null. */
    async findActiveById(id: number): Promise<User | null> {
      const user = (await strapi.db.query(CONTENT_TYPES.user).findOne({
        where: { id },
        populate: ['role'],
      })) as User | null;

      if (!user || !(await isActive(user))) {
        return null;
      }
      return user;
    },
  };
};
