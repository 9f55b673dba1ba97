export const PLUGIN_ID = 'refreshing';
