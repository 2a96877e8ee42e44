import { afterAll } from 'vitest';
import { stopStrictAnalyzer } from './strict.js';

afterAll(async () => {
  await stopStrictAnalyzer();
});
