import Bowser from 'bowser';

// Enough for most native-app agents, such as `MyApp/2.4.1 CFNetwork/1410.0.3 Darwin/22.6.0`.
const MAX_RAW_AGENT_LENGTH = 60;

/**
 * Names the device of a session for people, such as "Safari on iOS", from the user agent stored
 * with its token family. An agent in which bowser finds no browser and operating system, as many
 * native apps send, is returned as it is, cut to 60 characters. Returns null for no agent.
 */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) {
    return null;
  }

  const { browser, os } = Bowser.parse(userAgent);
  if (browser.name && os.name) {
    return `${browser.name} on ${os.name}`;
  }
  return userAgent.slice(0, MAX_RAW_AGENT_LENGTH);
}
