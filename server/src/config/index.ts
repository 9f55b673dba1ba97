import { configSchema, describeConfigError } from './schema';
import { defaults } from './defaults';

export default {
  default: defaults,

  /** Stops Strapi's start with a message naming each invalid key. */
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (!result.success) {
      throw new Error(`Invalid plugin config: ${describeConfigError(result.error)}`);
    }
  },
};
