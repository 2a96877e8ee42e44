import type { BigQueryFake } from '@sluice/bigquery-fake';
import { describeDestinationConformance } from '@sluice/loader-core/testing';
import { afterAll } from 'vitest';
import { fakeDestination, startFake } from '../support/fake.js';

let fake: BigQueryFake | undefined;
afterAll(async () => {
  await fake?.stop();
});

describeDestinationConformance({
  name: 'bigquery (fake)',
  createDestination: async () => {
    fake ??= await startFake();
    const server = fake;
    return {
      destination: fakeDestination(server),
      readTable: async (dataset, table) => {
        const exists = await server.tableSchema(dataset, table).then(
          () => true,
          () => false,
        );
        return exists ? server.readTable(dataset, table) : null;
      },
    };
  },
});
