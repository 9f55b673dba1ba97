// Turns off the admin panel's check for a new Strapi release, which the browser would send to
// GitHub: the test sends traffic to 127.0.0.1 only.
export default {
  config: {
    notifications: { releases: false },
  },
  bootstrap() {},
};
