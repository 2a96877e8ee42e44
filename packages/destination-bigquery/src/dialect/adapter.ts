import { DialectAdapterBase } from 'kysely';

/** BigQuery has no RETURNING, and DDL is not transactional. Migration locks are not used by Sluice. */
export class BigQueryAdapter extends DialectAdapterBase {
  override get supportsReturning(): boolean {
    return false;
  }

  override get supportsTransactionalDdl(): boolean {
    return false;
  }

  override async acquireMigrationLock(): Promise<void> {
    throw new Error('BigQuery dialect: kysely migrations are not supported; Sluice migrates schemas itself.');
  }

  override async releaseMigrationLock(): Promise<void> {}
}
