import { type CompiledQuery, type RawBuilder, sql } from 'kysely';
import type {
  ConnectOptions,
  Destination,
  DestinationCapabilities,
  DestinationClient,
  DestinationEvent,
  PackageLoadResult,
  StoredLoad,
  StoredSchema,
  StoredState,
  TableLoadResult,
} from '../destination/types.js';
import type { NormalizedPackage, PipelineState } from '../package/types.js';
import { SYSTEM_COLUMNS } from '../schema/system-columns.js';
import type { Schema } from '../schema/types.js';
import { DataStatements } from './data-statements.js';
import { reconcileTable } from './ddl.js';
import type { QualifiedTable, SqlDriver } from './driver.js';
import { loadTables } from './load-tables.js';
import { LOADS_TABLE, STATE_TABLE, SYSTEM_TABLES, VERSION_TABLE } from './system-tables.js';

/** A SQL destination as `createPipeline` takes it: capabilities plus a way to open a driver per run. */
export function sqlDestination(
  capabilities: DestinationCapabilities,
  openDriver: (options: ConnectOptions) => Promise<SqlDriver>,
): Destination {
  return {
    capabilities,
    connect: async (options) => createSqlClient(await openDriver(options), options),
  };
}

/**
 * loader-core's SQL, written once: system tables, readers, migration and every write disposition, compiled with
 * the driver's dialect. A SQL destination only supplies a `SqlDriver`.
 */
export function createSqlClient(
  driver: SqlDriver,
  options: Pick<ConnectOptions, 'dataset'>,
): DestinationClient {
  const dataset = options.dataset;
  const db = driver.db;
  const data = new DataStatements(db);
  const q = (table: string): QualifiedTable => ({ dataset, table });
  const exists = async (table: string): Promise<boolean> => (await driver.getTableColumns(q(table))) !== null;
  const tsType = sql.raw(driver.columnType({ name: 'inserted_at', dataType: 'timestamp', nullable: false }));
  const timestamp = (iso: string) => sql`CAST(${iso} AS ${tsType})`;
  const textType = sql.raw(driver.columnType({ name: 'rows', dataType: 'text', nullable: true }));

  const getStoredSchema = async (schemaName: string): Promise<StoredSchema | null> => {
    if (!(await exists(VERSION_TABLE.name))) return null;
    const rows = await driver.query(
      db
        .withSchema(dataset)
        .selectFrom(VERSION_TABLE.name)
        .select(['schema', 'inserted_at'])
        .where('schema_name', '=', schemaName)
        .orderBy('version', 'desc')
        .limit(sql.lit(1))
        .compile(),
    );
    const row = rows[0];
    if (!row) return null;
    return { schema: JSON.parse(String(row.schema)) as Schema, insertedAt: isoText(row.inserted_at) };
  };

  const getState = async (pipelineName: string): Promise<StoredState | null> => {
    if (!(await exists(STATE_TABLE.name))) return null;
    const rows = await driver.query(
      db
        .withSchema(dataset)
        .selectFrom(STATE_TABLE.name)
        .select(['state', 'load_id', 'inserted_at'])
        .where('pipeline_name', '=', pipelineName)
        .orderBy('version', 'desc')
        .orderBy('inserted_at', 'desc')
        .limit(sql.lit(1))
        .compile(),
    );
    const row = rows[0];
    if (!row) return null;
    return {
      state: JSON.parse(String(row.state)) as PipelineState,
      loadId: String(row.load_id),
      insertedAt: isoText(row.inserted_at),
    };
  };

  const loadsQuery = () =>
    db
      .withSchema(dataset)
      .selectFrom(LOADS_TABLE.name)
      .select(['load_id', 'pipeline_name', 'status', 'inserted_at', 'schema_version_hash', 'rows']);

  const getLoad = async (loadId: string): Promise<StoredLoad | null> => {
    if (!(await exists(LOADS_TABLE.name))) return null;
    const rows = await driver.query(loadsQuery().where('load_id', '=', loadId).compile());
    return rows[0] ? toStoredLoad(rows[0]) : null;
  };

  const listLoads = async (pipelineName: string, limit: number): Promise<readonly StoredLoad[]> => {
    if (!(await exists(LOADS_TABLE.name))) return [];
    const rows = await driver.query(
      loadsQuery()
        .where('pipeline_name', '=', pipelineName)
        .orderBy('inserted_at', 'desc')
        .orderBy('load_id', 'desc')
        .limit(sql.lit(Math.max(0, Math.floor(limit))))
        .compile(),
    );
    return rows.map(toStoredLoad);
  };

  const countRows = async (table: string): Promise<number | null> => {
    if (!(await exists(table))) return null;
    const rows = await driver.query(
      sql`SELECT COUNT(*) AS ${sql.id('n')} FROM ${sql.id(dataset, table)}`.compile(db),
    );
    return Number(rows[0]?.n ?? 0);
  };

  /**
   * The loads row's `rows` JSON. Merge tables count the rows of this load in the final table (after dedup and
   * hard deletes), which only SQL knows: the count is computed by the statement, inside the load's transaction.
   */
  const rowsJson = (results: readonly TableLoadResult[], loadId: string) => {
    const pieces: RawBuilder<unknown>[] = [];
    let text = '{';
    results.forEach((r, i) => {
      text += `${i > 0 ? ',' : ''}${JSON.stringify(r.table)}:`;
      if (r.writeDisposition !== 'merge') {
        text += String(r.rows);
        return;
      }
      pieces.push(sql`${text}`);
      text = '';
      pieces.push(
        sql`CAST((SELECT COUNT(*) FROM ${sql.id(dataset, r.table)} WHERE ${sql.id(SYSTEM_COLUMNS.loadId)} = ${loadId}) AS ${textType})`,
      );
    });
    text += '}';
    if (pieces.length === 0) return text;
    pieces.push(sql`${text}`);
    return sql<string>`CONCAT(${sql.join(pieces)})`;
  };

  const loadPackage = async (
    pkg: NormalizedPackage,
    onEvent?: (event: DestinationEvent) => void,
  ): Promise<PackageLoadResult> => {
    const committed = await getLoad(pkg.loadId);
    if (committed) {
      // Already applied (a crash after commit): applying it again would double-count.
      return {
        loadId: pkg.loadId,
        tables: pkg.tables.map((t) => ({
          table: t.table,
          rows: committed.rows[t.table] ?? 0,
          writeDisposition: t.writeDisposition,
        })),
      };
    }
    await driver.ensureDataset(dataset);
    const storedHash = (await getStoredSchema(pkg.schema.name))?.schema.versionHash ?? null;
    const migrations: CompiledQuery[] = [];
    for (const table of SYSTEM_TABLES) {
      migrations.push(...reconcileTable(driver, dataset, table, await driver.getTableColumns(q(table.name))));
    }
    const touched = new Set<string>();
    for (const change of pkg.schemaChanges)
      touched.add(change.kind === 'create_table' ? change.table.name : change.table);
    for (const t of pkg.tables) touched.add(t.table);
    for (const name of touched) {
      const wanted = pkg.schema.tables[name];
      if (!wanted)
        throw new Error(`Package ${pkg.loadId} refers to table "${name}" that its schema does not define.`);
      migrations.push(
        ...reconcileTable(driver, dataset, wanted, await driver.getTableColumns(q(name)), true),
      );
    }

    const session = await driver.beginLoad(pkg.loadId);
    try {
      if (migrations.length > 0) {
        await session.migrate(migrations);
        onEvent?.({ type: 'schema_migrated', changes: migrations.length });
      }
      const results = await loadTables(driver, session, data, dataset, pkg, onEvent);
      const now = new Date().toISOString();
      const finals: CompiledQuery[] = [
        db
          .withSchema(dataset)
          .insertInto(STATE_TABLE.name)
          .values({
            pipeline_name: pkg.pipelineName,
            version: pkg.state.version,
            state: JSON.stringify(pkg.state),
            load_id: pkg.loadId,
            inserted_at: timestamp(now),
          })
          .compile(),
      ];
      if (storedHash !== pkg.schema.versionHash) {
        finals.push(
          db
            .withSchema(dataset)
            .insertInto(VERSION_TABLE.name)
            .values({
              version: pkg.schema.version,
              version_hash: pkg.schema.versionHash,
              schema_name: pkg.schema.name,
              schema: JSON.stringify(pkg.schema),
              inserted_at: timestamp(now),
            })
            .compile(),
        );
      }
      finals.push(
        db
          .withSchema(dataset)
          .insertInto(LOADS_TABLE.name)
          .values({
            load_id: pkg.loadId,
            pipeline_name: pkg.pipelineName,
            status: 'loaded',
            inserted_at: timestamp(now),
            schema_version_hash: pkg.schema.versionHash,
            rows: rowsJson(results, pkg.loadId),
          })
          .compile(),
      );
      await session.execute(finals);
      await session.commit();
      onEvent?.({ type: 'committed', loadId: pkg.loadId });
      // Merge counts were taken in SQL (rows of this load in the final table): read what was committed.
      const stored = results.some((r) => r.writeDisposition === 'merge')
        ? await getLoad(pkg.loadId).catch(() => null)
        : null;
      return {
        loadId: pkg.loadId,
        tables: results.map((r) => ({ ...r, rows: stored?.rows[r.table] ?? r.rows })),
      };
    } catch (error) {
      try {
        await session.rollback();
      } catch {
        // The original error says what went wrong; a failed rollback leaves nothing committed either.
      }
      throw error;
    }
  };

  return {
    capabilities: driver.capabilities,
    getStoredSchema,
    getState,
    getLoad,
    listLoads,
    countRows,
    loadPackage,
    close: () => driver.close(),
  };
}

function isoText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function toStoredLoad(row: Record<string, unknown>): StoredLoad {
  return {
    loadId: String(row.load_id),
    pipelineName: String(row.pipeline_name),
    status: row.status === 'failed' ? 'failed' : 'loaded',
    insertedAt: isoText(row.inserted_at),
    schemaVersionHash: String(row.schema_version_hash),
    rows: JSON.parse(String(row.rows)) as Record<string, number>,
  };
}
