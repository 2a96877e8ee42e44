import type { DatabaseIntrospector, Dialect, DialectAdapter, Driver, QueryCompiler } from 'kysely';
import { BigQueryAdapter } from './adapter.js';
import { CompileOnlyDriver } from './compile-only-driver.js';
import { BigQueryQueryCompiler } from './query-compiler.js';

/** A kysely dialect that compiles to GoogleSQL. It never executes: see {@link CompileOnlyDriver}. */
export class BigQueryDialect implements Dialect {
  createDriver(): Driver {
    return new CompileOnlyDriver();
  }

  createQueryCompiler(): QueryCompiler {
    return new BigQueryQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new BigQueryAdapter();
  }

  createIntrospector(): DatabaseIntrospector {
    throw new Error(
      'BigQuery dialect: introspection is not supported; use tables.get through the destination.',
    );
  }
}
