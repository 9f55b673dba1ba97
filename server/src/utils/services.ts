import type services from '../services';
import type { Strapi } from './plugin';
import { PLUGIN_ID } from './plugin';

type ServiceFactories = typeof services;

/** Returns one of the plugin's services with its real type. */
export function getService<Name extends keyof ServiceFactories>(
  strapi: Strapi,
  name: Name,
): ReturnType<ServiceFactories[Name]> {
  return strapi.plugin(PLUGIN_ID).service(name) as ReturnType<ServiceFactories[Name]>;
}
