import admin from './admin';

/**
 * The routes Strapi registers from the plugin's `routes` export. The OAuth endpoints and the
 * user's session routes are added in `register` instead, because they need function handlers.
 */
export default { admin };
