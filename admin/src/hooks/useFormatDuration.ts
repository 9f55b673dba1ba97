import * as React from 'react';

import { useIntl } from 'react-intl';

const SECONDS_PER_MINUTE = 60;
const SECONDS_PER_HOUR = 60 * SECONDS_PER_MINUTE;
const SECONDS_PER_DAY = 24 * SECONDS_PER_HOUR;

/**
 * Returns a formatter that writes a number of seconds in the largest unit that divides it
 * exactly, such as "15 minutes" for 900 or "30 days" for 2592000, so that no value is rounded.
 */
export function useFormatDuration() {
  const { formatMessage } = useIntl();

  return React.useCallback(
    (seconds: number) => {
      if (seconds > 0 && seconds % SECONDS_PER_DAY === 0) {
        return formatMessage(
          { id: 'refreshing.duration.days', defaultMessage: '{count, plural, one {# day} other {# days}}' },
          { count: seconds / SECONDS_PER_DAY },
        );
      }
      if (seconds > 0 && seconds % SECONDS_PER_HOUR === 0) {
        return formatMessage(
          { id: 'refreshing.duration.hours', defaultMessage: '{count, plural, one {# hour} other {# hours}}' },
          { count: seconds / SECONDS_PER_HOUR },
        );
      }
      if (seconds > 0 && seconds % SECONDS_PER_MINUTE === 0) {
        return formatMessage(
          { id: 'refreshing.duration.minutes', defaultMessage: '{count, plural, one {# minute} other {# minutes}}' },
          { count: seconds / SECONDS_PER_MINUTE },
        );
      }
      return formatMessage(
        { id: 'refreshing.duration.seconds', defaultMessage: '{count, plural, one {# second} other {# seconds}}' },
        { count: seconds },
      );
    },
    [formatMessage],
  );
}
