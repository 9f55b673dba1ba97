module.exports = {
  register({ strapi }) {
    // The do-nothing route: what any request costs in this Strapi before a plugin does work.
    strapi.server.routes([
      {
        method: 'GET',
        path: '/bench/noop',
        handler(ctx) {
          ctx.status = 204;
        },
        config: { auth: false },
      },
    ]);
  },
  bootstrap() {},
};
