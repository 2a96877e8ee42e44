import type { Destination, DestinationClient } from '../destination/types.js';

/** Where `failingDestination` injects its failure. */
export type InjectedFailure =
  /** Throws from inside `loadPackage` when the first table completes: the load must roll back entirely. */
  | 'mid_load'
  /** Lets `loadPackage` commit, then throws: simulates a crash before the pipeline records the package loaded. */
  | 'after_commit';

/** Thrown by `failingDestination`. */
export class InjectedFailureError extends Error {
  override readonly name = 'InjectedFailureError';
}

/**
 * Wraps a destination so that its next `loadPackage` fails at the given point; later loads pass. Works with any
 * destination whose `loadPackage` reports progress through its event callback (as `createSqlClient` does).
 */
export function failingDestination(inner: Destination, failure: InjectedFailure): Destination {
  let armed = true;
  return {
    capabilities: inner.capabilities,
    connect: async (options) => {
      const client = await inner.connect(options);
      const wrapped: DestinationClient = {
        capabilities: client.capabilities,
        getStoredSchema: (n) => client.getStoredSchema(n),
        getState: (n) => client.getState(n),
        getLoad: (id) => client.getLoad(id),
        listLoads: (n, l) => client.listLoads(n, l),
        countRows: (t) => client.countRows(t),
        close: () => client.close(),
        loadPackage: async (pkg, onEvent) => {
          if (!armed) return client.loadPackage(pkg, onEvent);
          armed = false;
          if (failure === 'mid_load') {
            return client.loadPackage(pkg, (event) => {
              if (event.type === 'table_completed') {
                throw new InjectedFailureError(
                  `Injected failure after table "${event.table}" of ${pkg.loadId}`,
                );
              }
              onEvent?.(event);
            });
          }
          await client.loadPackage(pkg, onEvent);
          throw new InjectedFailureError(`Injected crash after commit of ${pkg.loadId}`);
        },
      };
      return wrapped;
    },
  };
}
