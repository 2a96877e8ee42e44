import { describeDestinationConformance, MemoryDestination } from '../src/testing/index.js';

describeDestinationConformance({
  name: 'memory',
  createDestination: async () => {
    const destination = new MemoryDestination();
    return { destination, readTable: async (dataset, table) => destination.readTable(dataset, table) };
  },
});
