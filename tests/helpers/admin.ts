import type { Core } from '@strapi/strapi';
import type supertest from 'supertest';

/** Creates a super admin and signs in through the admin API; returns the admin JWT. */
export async function signInAsSuperAdmin(strapi: Core.Strapi, http: supertest.Agent): Promise<string> {
  const email = 'admin@example.com';
  const password = 'Admin-password-1';

  const superAdminRole = await strapi.service('admin::role').getSuperAdmin();
  const existing = await strapi.db.query('admin::user').findOne({ where: { email } });
  if (!existing) {
    await strapi.service('admin::user').create({
      email,
      firstname: 'Test',
      lastname: 'Admin',
      password,
      isActive: true,
      registrationToken: null,
      roles: [superAdminRole.id],
    });
  }

  const response = await http.post('/admin/login').send({ email, password });
  if (response.status !== 200) {
    throw new Error(`admin login failed with ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body.data.token as string;
}
