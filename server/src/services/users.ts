import { compareInWorker } from '../passwords/password-pool';
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

/** A user with a role, and the actions that role's users-permissions permissions allow. */
export interface UserWithPermissions {
  user: User & { role: NonNullable<User['role']> };
  actions: string[];
}

type RoleWithPermissions = NonNullable<User['role']> & { permissions?: { action: string }[] };

/**
 * Looks up users-permissions users and applies the same checks as `POST /api/auth/local`, so a
 * user who cannot sign in there cannot get or refresh a token here.
 */
export default ({ strapi }: { strapi: Strapi }) => {
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

      // NOTE: this is the comparison of users-permissions' `validatePassword`, made in a worker
      // thread. An app that overrides `validatePassword`, for example to accept another hash
      // format, also needs the override here.
      const valid = await compareInWorker(password, user.password);
      if (!valid) {
        return null;
      }

      return (await isActive(user)) ? user : null;
    },

    /**
     * Returns the user when it exists and may hold tokens, or null. The role is not loaded:
     * the token endpoint and introspection need only the user's own fields.
     */
    async findActiveById(id: number): Promise<User | null> {
      const user = (await strapi.db.query(CONTENT_TYPES.user).findOne({ where: { id } })) as User | null;

      if (!user || !(await isActive(user))) {
        return null;
      }
      return user;
    },

    /**
     * Returns the users among `ids` that exist and may hold tokens, by id, in one query. Each user
     * has only the fields that identify it and decide whether it may hold tokens.
     */
    async findActiveByIds(ids: number[]): Promise<Map<number, User>> {
      const rows = (await strapi.db.query(CONTENT_TYPES.user).findMany({
        select: ['id', 'username', 'email', 'provider', 'confirmed', 'blocked'],
        where: { id: { $in: [...new Set(ids)] } },
      })) as User[];
      const active = new Map<number, User>();
      for (const user of rows) {
        if (await isActive(user)) {
          active.set(user.id, user);
        }
      }
      return active;
    },

    /**
     * Returns the user with its role, as users-permissions' own strategy loads it, and the
     * actions of the role's permissions, or null when the user cannot hold tokens or has no
     * role. One nested populate makes three queries, where users-permissions' strategy makes four.
     */
    async findActiveWithPermissions(id: number): Promise<UserWithPermissions | null> {
      const found = (await strapi.db.query(CONTENT_TYPES.user).findOne({
        where: { id },
        populate: { role: { populate: { permissions: { select: ['action'] } } } },
      })) as (User & { role?: RoleWithPermissions | null }) | null;

      if (!found || !found.role || !(await isActive(found))) {
        return null;
      }

      // The request's user carries its role without the permissions, as users-permissions sets it.
      const { permissions = [], ...role } = found.role;
      return { user: { ...found, role }, actions: permissions.map(({ action }) => action) };
    },
  };
};
