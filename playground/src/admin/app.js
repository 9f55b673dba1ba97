// Keeps the admin panel from asking GitHub for Strapi's latest release on every load, so the
// playground sends no traffic beyond this machine.
export default {
  config: {
    notifications: { releases: false },
    tutorials: false,
  },
};
