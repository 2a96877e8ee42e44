import { describeDestinationConformance, MemoryDestination } from '../src/testing/index.js';

// The skip option: everything but one case is skipped here (the full kit runs in conformance-memory.test.ts).
describeDestinationConformance({
  name: 'memory (skip option)',
  skip: [
    'append',
    'replace',
    'merge',
    'merge key',
    'child tables',
    'evolution',
    'contracts',
    'incremental',
    'crash mid-load',
    'crash after commit',
    'data types',
    'many files per table',
  ],
  createDestination: async () => {
    const destination = new MemoryDestination({ capabilities: { maxIdentifierLength: 30 } });
    return { destination, readTable: async (dataset, table) => destination.readTable(dataset, table) };
  },
});
