const path = require('node:path');

// The browser test points DATABASE_FILENAME at a new file in a temporary folder for every run.
module.exports = ({ env }) => ({
  connection: {
    client: 'sqlite',
    connection: { filename: env('DATABASE_FILENAME', path.resolve(__dirname, '..', '.tmp', 'data.db')) },
    useNullAsDefault: true,
  },
});
