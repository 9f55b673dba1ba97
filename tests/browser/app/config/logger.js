const { winston, formats } = require('@strapi/logger');

// Tests read the plugin's log lines only when they fail; REFRESHING_TEST_LOG_LEVEL=debug shows them.
module.exports = {
  transports: [
    new winston.transports.Console({
      level: process.env.REFRESHING_TEST_LOG_LEVEL || 'warn',
      format: winston.format.combine(formats.levelFilter(process.env.REFRESHING_TEST_LOG_LEVEL || 'warn'), formats.prettyPrint({ timestamps: false })),
    }),
  ],
};
