import type { PluginConfig } from '../config/defaults';
import type { Settings } from '../config/schema';
import { settingsSchema } from '../config/schema';
import { currentSettings } from '../oauth/settings';
import type { Strapi } from '../utils/plugin';
import { logMessage, PLUGIN_ID } from '../utils/plugin';

const STORE_KEY = 'settings';

// NOTE: another Strapi instance on the same database applies a saved change on its next reload,
// so for up to 15 seconds the instances can issue tokens with different lifetimes.
export const SETTINGS_RELOAD_INTERVAL_MS = 15_000;

const LIFETIME_KEYS = ['accessTokenLifetime', 'refreshTokenLifetime', 'refreshTokenIdleLifetime', 'refreshTokenReuseInterval'] as const;
const RATE_LIMIT_KINDS = ['passwordPerIdentifier', 'passwordPerIp', 'clientAuthenticationPerClient'] as const;

/** Copies the settings that the admin panel may change out of the plugin config. */
function pickSettings(config: PluginConfig): Settings {
  const { rateLimits } = config;
  return {
    accessTokenLifetime: config.accessTokenLifetime,
    refreshTokenLifetime: config.refreshTokenLifetime,
    refreshTokenIdleLifetime: config.refreshTokenIdleLifetime,
    refreshTokenReuseInterval: config.refreshTokenReuseInterval,
    rateLimits: {
      passwordPerIdentifier: { ...rateLimits.passwordPerIdentifier },
      passwordPerIp: { ...rateLimits.passwordPerIp },
      clientAuthenticationPerClient: { ...rateLimits.clientAuthenticationPerClient },
    },
  };
}

/**
 * The settings saved in the admin panel, kept in the plugin store and applied on top of the
 * config file by writing them into Strapi's config. `currentSettings()` stays a synchronous
 * config read on the token and content-API paths, and returns a saved change at once on this
 * instance. A timer reloads the store so that other instances converge.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });

  // Taken when the service is created, before this service first writes the config.
  const configFileSettings = pickSettings(currentSettings(strapi));

  let reloadTimer: NodeJS.Timeout | undefined;
  let reloadFailing = false;
  let lastRejectedValue: string | undefined;
  // Counts the saves and resets on this instance, each raised together with its apply(). A reload
  // that started before one of them may have read the previous value, so it applies nothing.
  // Otherwise the previous settings would be back until the next reload.
  let writeCount = 0;

  function apply(settings: Settings): void {
    for (const key of LIFETIME_KEYS) {
      strapi.config.set(`plugin::${PLUGIN_ID}.${key}`, settings[key]);
    }
    for (const kind of RATE_LIMIT_KINDS) {
      strapi.config.set(`plugin::${PLUGIN_ID}.rateLimits.${kind}`, { ...settings.rateLimits[kind] });
    }
  }

  /** Returns the saved settings, or null when none are saved or the saved value is invalid. */
  async function readSaved(): Promise<Settings | null> {
    const saved = await store().get({ key: STORE_KEY });
    if (saved === null || saved === undefined) {
      return null;
    }

    const result = settingsSchema.safeParse(saved);
    if (result.success) {
      return result.data;
    }
    // Logged once per value, because the timer reads the same value every few seconds.
    const rejected = JSON.stringify(saved);
    if (rejected !== lastRejectedValue) {
      lastRejectedValue = rejected;
      const reason = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      strapi.log.warn(logMessage('saved settings are invalid, using the config file', { reason }));
    }
    return null;
  }

  async function reload(): Promise<void> {
    const writeCountBefore = writeCount;
    const saved = await readSaved();
    if (writeCount === writeCountBefore) {
      apply(saved ?? configFileSettings);
    }
  }

  function reloadOnTimer(): void {
    reload().then(
      () => {
        reloadFailing = false;
      },
      (error: unknown) => {
        // Logged once until a reload succeeds again.
        if (!reloadFailing) {
          strapi.log.warn(logMessage('settings reload failed', { error: error instanceof Error ? error.message : String(error) }));
        }
        reloadFailing = true;
      },
    );
  }

  return {
    reload,

    /** Applies the saved settings and starts reloading them; called from the plugin's bootstrap. */
    async start(): Promise<void> {
      await reload();
      reloadTimer = setInterval(reloadOnTimer, SETTINGS_RELOAD_INTERVAL_MS);
      reloadTimer.unref();
    },

    /** Stops the reload timer; called from the plugin's destroy. */
    stop(): void {
      clearInterval(reloadTimer);
      reloadTimer = undefined;
    },

    /** Returns the settings in force and the config file's values. */
    find(): { data: Settings; defaults: Settings } {
      return { data: pickSettings(currentSettings(strapi)), defaults: configFileSettings };
    },

    /** Validates and saves new settings, and applies them on this instance at once. */
    async update(rawInput: unknown): Promise<Settings> {
      const settings = settingsSchema.parse(rawInput);
      await store().set({ key: STORE_KEY, value: settings });
      writeCount += 1;
      apply(settings);
      strapi.log.info(logMessage('settings saved', { ...settings, rateLimits: JSON.stringify(settings.rateLimits) }));
      return settings;
    },

    /**
     * Deletes the saved settings, so that the config file's values, or the built-in defaults where
     * the file sets none, apply again on this instance at once. Returns the settings now in force.
     */
    async reset(): Promise<Settings> {
      await store().delete({ key: STORE_KEY });
      writeCount += 1;
      apply(configFileSettings);
      strapi.log.info(logMessage('saved settings deleted, using the config file'));
      return pickSettings(currentSettings(strapi));
    },
  };
};
