import type { Core } from '@strapi/strapi';

export interface TestUser {
  id: number;
  username: string;
  email: string;
  password: string;
}

let sequence = 0;

/** Creates a users-permissions user with the authenticated role, through the plugin's service. */
export async function createUser(
  strapi: Core.Strapi,
  overrides: { username?: string; email?: string; password?: string; blocked?: boolean; confirmed?: boolean } = {},
): Promise<TestUser> {
  sequence += 1;
  const username = overrides.username ?? `user${sequence}`;
  const email = overrides.email ?? `${username}@example.com`;
  const password = overrides.password ?? `password-${sequence}`;

  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const user = await strapi.plugin('users-permissions').service('user').add({
    username,
    email,
    password,
    provider: 'local',
    confirmed: overrides.confirmed ?? true,
    blocked: overrides.blocked ?? false,
    role: role.id,
  });

  return { id: user.id, username, email, password };
}

export async function setBlocked(strapi: Core.Strapi, userId: number, blocked: boolean): Promise<void> {
  await strapi.db.query('plugin::users-permissions.user').update({ where: { id: userId }, data: { blocked } });
}

export async function setEmailConfirmationRequired(strapi: Core.Strapi, required: boolean): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = (await store.get({ key: 'advanced' })) as Record<string, unknown>;
  await store.set({ key: 'advanced', value: { ...advanced, email_confirmation: required } });
}
