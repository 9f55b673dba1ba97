import { configSchema, describeConfigError } from './schema';
import { defaults } from './defaults';

/**
 * Rejects a client whose `clientSecret` key is present but empty, as from an unset environment
 * variable. Treating it as omitted would quietly turn a confidential client into a public one.
 */
function assertNoEmptyClientSecret(config: unknown): void {
  const clients = (config as { clients?: unknown }).clients;
  if (!Array.isArray(clients)) {
    return;
  }

  clients.forEach((client: unknown, index) => {
    if (typeof client !== 'object' || client === null || !Object.prototype.hasOwnProperty.call(client, 'clientSecret')) {
      return;
    }
    const secret = (client as { clientSecret?: unknown }).clientSecret;
    if (secret === undefined || secret === null || secret === '') {
      throw new Error(
        `Invalid plugin config: refreshing.config.clients.${index}.clientSecret is empty. ` +
          'Set the secret, or remove the key to declare a public client.',
      );
    }
  });
}

export default {
  default: defaults,

  /** Stops Strapi's start with a message naming each invalid key. */
  validator(config: unknown) {
    assertNoEmptyClientSecret(config);
    const result = configSchema.safeParse(config);
    if (!result.success) {
      throw new Error(`Invalid plugin config: ${describeConfigError(result.error)}`);
    }
  },
};
