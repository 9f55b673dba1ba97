const path = require('node:path');

// The bench runner sets these: a fresh SQLite file or PostgreSQL database for every run.
module.exports = ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'sqlite') {
    // Strapi leaves SQLite in its default rollback-journal mode. `--sqlite-wal` switches the
    // bench database to write-ahead logging, to show what the disk syncs of that mode cost.
    const journalMode = env('BENCH_SQLITE_JOURNAL_MODE');
    return {
      connection: {
        client: 'sqlite',
        connection: { filename: path.resolve(__dirname, '..', env('DATABASE_FILENAME', '.tmp/bench.db')) },
        useNullAsDefault: true,
        ...(journalMode
          ? {
              pool: {
                afterCreate(connection, done) {
                  connection.pragma(`journal_mode = ${journalMode}`);
                  done(null, connection);
                },
              },
            }
          : {}),
      },
    };
  }

  return {
    connection: {
      client: 'postgres',
      connection: {
        host: '127.0.0.1',
        port: 5432,
        database: env('DATABASE_NAME'),
        user: 'postgres',
        password: env('DATABASE_PASSWORD', ''),
      },
    },
  };
};
