import type { DuckDBValue } from '@duckdb/node-api';
import type { TableFieldSchema } from '../catalog/types.js';
import type { BigQueryErrorProto } from '../errors.js';

/** The REST Job resource (the fields the fake fills in). */
export interface JobResource {
  kind: 'bigquery#job';
  etag: string;
  id: string;
  selfLink: string;
  user_email: string;
  jobReference: { projectId: string; jobId: string; location: string };
  configuration: Record<string, unknown> & { jobType: 'QUERY' | 'LOAD' };
  status: {
    state: 'DONE' | 'RUNNING' | 'PENDING';
    errorResult?: BigQueryErrorProto;
    errors?: BigQueryErrorProto[];
  };
  statistics: Record<string, unknown>;
}

export interface JobRecord {
  resource: JobResource;
  /** Query results (query jobs only). */
  schema?: TableFieldSchema[];
  rows?: DuckDBValue[][];
  numDmlAffectedRows?: number;
  /** The DuckDB SQL a query job ran. */
  executed?: string[];
}

export class JobStore {
  private readonly jobs = new Map<string, JobRecord>();

  has(jobId: string): boolean {
    return this.jobs.has(jobId);
  }

  get(jobId: string): JobRecord | undefined {
    return this.jobs.get(jobId);
  }

  put(record: JobRecord): void {
    this.jobs.set(record.resource.jobReference.jobId, record);
  }

  all(): JobRecord[] {
    return [...this.jobs.values()];
  }

  clear(): void {
    this.jobs.clear();
  }
}
