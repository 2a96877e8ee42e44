import type { DatabaseConnection, Driver } from 'kysely';

const MESSAGE =
  'The BigQuery kysely dialect only compiles statements: run them through the destination (SqlDriver.query ' +
  'or a load session), which sends them as BigQuery jobs with typed parameters.';

const connection: DatabaseConnection = {
  executeQuery: () => Promise.reject(new Error(MESSAGE)),
  // biome-ignore lint/correctness/useYield: fails before yielding, by design
  streamQuery: async function* () {
    throw new Error(MESSAGE);
  },
};

/**
 * Like kysely's DummyDriver, but running a query fails loudly instead of returning no rows: BigQuery statements
 * are executed as jobs by the destination, never through kysely.
 */
export class CompileOnlyDriver implements Driver {
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error(MESSAGE);
  }
  async commitTransaction(): Promise<void> {
    throw new Error(MESSAGE);
  }
  async rollbackTransaction(): Promise<void> {
    throw new Error(MESSAGE);
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}
