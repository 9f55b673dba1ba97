'use strict';

// Tables that grow with every login or refresh. A scan of one of them would slow every request
// as the table grows.
const GROWING_TABLES = ['refreshing_refresh_tokens', 'refreshing_access_tokens', 'refreshing_token_families', 'strapi_sessions'];

const isPostgres = (strapi) => strapi.db.dialect.client === 'postgres';

/** Returns whether a plan line reads a whole growing table rather than searching an index. */
function isScanOfGrowingTable(line) {
  return GROWING_TABLES.some((table) => new RegExp(`(^|\\s)(SCAN|Seq Scan on) ${table}\\b`).test(line));
}

/**
 * Records the SQL that Strapi sends while one request runs, then runs EXPLAIN on each statement
 * that reads or changes rows, to show which of them search an index.
 */
function createQueryRecorder(strapi) {
  const knex = strapi.db.connection;
  let recorded = [];
  const record = (query) => recorded.push({ sql: query.sql, bindings: query.bindings ?? [] });

  async function explain(statement) {
    if (isPostgres(strapi)) {
      // The pg driver numbers its placeholders; knex.raw reads `?`, in the same order.
      const sql = statement.sql.replace(/\$\d+/g, '?');
      const { rows } = await knex.raw(`EXPLAIN ${sql}`, statement.bindings);
      return rows.map((row) => row['QUERY PLAN']);
    }
    const rows = await knex.raw(`EXPLAIN QUERY PLAN ${statement.sql}`, statement.bindings);
    return rows.map((row) => row.detail);
  }

  return {
    start() {
      recorded = [];
      knex.removeListener('query', record);
      knex.on('query', record);
    },

    async explainRecorded() {
      knex.removeListener('query', record);
      const statements = recorded.filter((statement) => /^\s*(select|update|delete)\b/i.test(statement.sql));
      const plans = [];
      for (const statement of statements) {
        const plan = await explain(statement);
        plans.push({ sql: statement.sql, plan, scansGrowingTable: plan.some(isScanOfGrowingTable) });
      }
      return { statements: recorded.length, plans };
    },
  };
}

module.exports = { createQueryRecorder };
