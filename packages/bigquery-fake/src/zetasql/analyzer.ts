import type { AnalyzeRequest } from '@fivetrandevelopers/zetasql';
import zetasql from '@fivetrandevelopers/zetasql';
import { buildCatalog, typeProto } from './catalog.js';
import { bigQueryLanguageOptions } from './language.js';
import { freePort, type ServerProcess, spawnServer, zetaSqlBinary } from './server-process.js';
import type { AnalyzeOptions, AnalyzeResult, SqlAnalyzer } from './types.js';

type LanguageOptionsProto = ReturnType<typeof bigQueryLanguageOptions>;

/** Thrown when the ZetaSQL server cannot start on this machine; the message carries its output. */
export class ZetaSqlUnavailableError extends Error {
  override name = 'ZetaSqlUnavailableError';
}

// The package's gRPC client is a process-wide singleton, so one server serves every analyzer of a process.
let shared: { server: ServerProcess; language: LanguageOptionsProto; users: number } | undefined;
let starting: Promise<NonNullable<typeof shared>> | undefined;

async function start(): Promise<NonNullable<typeof shared>> {
  let binary: string;
  try {
    binary = zetaSqlBinary();
  } catch (error) {
    throw new ZetaSqlUnavailableError((error as Error).message);
  }
  const port = await freePort();
  const server = spawnServer(binary, port);
  zetasql.ZetaSQLClient.init(port);
  const client = zetasql.ZetaSQLClient.getInstance();
  const connected = await Promise.race([client.testConnection(), server.exited.then(() => false)]);
  if (!connected) {
    const how = await Promise.race([server.exited, Promise.resolve('still running')]);
    await server.stop();
    throw new ZetaSqlUnavailableError(
      `The ZetaSQL server (${binary}) did not answer on localhost:${port} (${how}). Output: ${server.output() || '(none)'}`,
    );
  }
  const max = await zetasql.LanguageOptions.getMaxFeatures();
  const language = bigQueryLanguageOptions(max?.enabledLanguageFeatures ?? []);
  return { server, language, users: 0 };
}

const AT = /\s*\[at (\d+):(\d+)\]\s*$/;

/**
 * Starts (or reuses) the ZetaSQL server shipped by @fivetrandevelopers/zetasql and returns an analyzer that
 * checks GoogleSQL statements against a catalog of BigQuery tables, as BigQuery's front end does.
 * Throws ZetaSqlUnavailableError (with the server's output) if the binary cannot run here.
 */
export async function createZetaSqlAnalyzer(): Promise<SqlAnalyzer> {
  if (!shared) {
    starting ??= start();
    try {
      shared = await starting;
    } finally {
      starting = undefined;
    }
  }
  const instance = shared;
  instance.users += 1;
  let stopped = false;
  return {
    async analyze(sql: string, options: AnalyzeOptions): Promise<AnalyzeResult> {
      if (stopped) throw new Error('This ZetaSQL analyzer was stopped.');
      const named = (options.parameters ?? []).filter((p) => p.name);
      const positional = (options.parameters ?? []).filter((p) => !p.name);
      const request: AnalyzeRequest = {
        options: {
          languageOptions: instance.language,
          errorMessageMode: 'ERROR_MESSAGE_ONE_LINE',
          parameterMode: positional.length > 0 ? 'PARAMETER_POSITIONAL' : 'PARAMETER_NAMED',
          queryParameters: named.map((p) => ({ name: p.name as string, type: typeProto(p.type) })),
          positionalQueryParameters: positional.map((p) => typeProto(p.type)),
        },
        simpleCatalog: buildCatalog(options, { languageOptions: instance.language }),
        sqlStatement: sql,
      };
      try {
        const response = await zetasql.ZetaSQLClient.getInstance().analyze(request);
        const kind = Object.keys(response?.resolvedStatement ?? {}).find((k) => k !== 'node') ?? 'unknown';
        return { ok: true, statementKind: kind };
      } catch (error) {
        const details = (error as { details?: string; code?: number }).details;
        if (details === undefined || (error as { code?: number }).code !== 3) throw error;
        const at = AT.exec(details);
        return {
          ok: false,
          message: details.replace(AT, ''),
          ...(at ? { line: Number(at[1]), column: Number(at[2]) } : {}),
        };
      }
    },
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      instance.users -= 1;
      if (instance.users === 0 && shared === instance) {
        shared = undefined;
        zetasql.ZetaSQLClient.API.close();
        await instance.server.stop();
      }
    },
  };
}

/**
 * Like createZetaSqlAnalyzer, but reports instead of throwing when the server cannot run on this machine,
 * so a test file can skip its ZetaSQL checks with a visible reason.
 */
export async function tryCreateZetaSqlAnalyzer(): Promise<
  { analyzer: SqlAnalyzer; unavailable?: undefined } | { analyzer?: undefined; unavailable: string }
> {
  try {
    return { analyzer: await createZetaSqlAnalyzer() };
  } catch (error) {
    if (error instanceof ZetaSqlUnavailableError) return { unavailable: error.message };
    throw error;
  }
}
