import { errors } from '@strapi/utils';

// The content-API strategies that authenticate a users-permissions user: this plugin's access
// token and the users-permissions JWT. Strapi's API tokens pass authentication too, but they
// belong to an integration, not to a user, so they have no sessions.
const USER_STRATEGIES = ['refreshing', 'users-permissions'];

export interface PolicyContext {
  state: { user?: unknown; auth?: { strategy?: { name?: string } } };
}

/** Lets a request through only when a users-permissions user authenticated it. */
export default (policyContext: PolicyContext) => {
  const strategy = policyContext.state.auth?.strategy?.name;
  if (!strategy || !USER_STRATEGIES.includes(strategy) || !policyContext.state.user) {
    throw new errors.PolicyError('This route needs a signed-in user: send an access token or a users-permissions JWT.');
  }
  return true;
};
