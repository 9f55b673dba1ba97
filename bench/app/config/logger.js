const { winston, formats } = require('@strapi/logger');

// Warnings and errors only. Strapi's default level, `silly`, formats a line for every request,
// which would add the same cost to every scenario and hide the runner's progress lines.
module.exports = {
  level: 'warn',
  transports: [
    new winston.transports.Console({
      level: 'warn',
      format: winston.format.combine(formats.levelFilter('warn'), formats.prettyPrint({ timestamps: false })),
    }),
  ],
};
