import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The default order, except that the secret scan runs after every other test file. */
export default class SecretScanLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (f: TestSpecification) => f.moduleId.endsWith('secret-scan.test.ts');
    return [...sorted.filter((f) => !last(f)), ...sorted.filter(last)];
  }
}
