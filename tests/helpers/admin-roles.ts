import type { Core } from '@strapi/strapi';
import type supertest from 'supertest';

const PASSWORD = 'Admin-password-1';

/**
 * Creates an admin role with the permissions of Strapi's default Editor role, plus `extraActions`.
 * The Editor role has no permission of this plugin, so such a role stands for an everyday editor.
 */
export async function createEditorLikeRole(strapi: Core.Strapi, name: string, extraActions: string[] = []): Promise<number> {
  const roles = strapi.service('admin::role');
  const editor = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  const editorPermissions = await strapi.db.query('admin::permission').findMany({ where: { role: { id: editor.id } } });

  const role = await roles.create({ name, description: `${name} test role` });
  const permissions = [
    ...editorPermissions.map(({ action, subject, properties, conditions }) => ({ action, subject, properties, conditions })),
    ...extraActions.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
  ];
  await roles.assignPermissions(role.id, permissions);
  return role.id;
}

/** Creates an admin user in the role and signs in through the admin API; returns the admin JWT. */
export async function signInWithRole(strapi: Core.Strapi, http: supertest.Agent, email: string, roleId: number): Promise<string> {
  await strapi.service('admin::user').create({
    email,
    firstname: 'Role',
    lastname: 'Tester',
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [roleId],
  });

  const response = await http.post('/admin/login').send({ email, password: PASSWORD });
  if (response.status !== 200) {
    throw new Error(`admin login failed with ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body.data.token as string;
}
