import { join } from 'node:path';
import { decodeRecord } from '../extract/raw-json.js';
import { readLines } from '../package/jsonl-reader.js';
import { EXTRACTED_DIR, type ExtractManifest, type NormalizedManifest } from '../package/manifest.js';
import { PackageNormalizer, type PackageNormalizerOptions } from './package-normalizer.js';

/** Records read from the files before they are normalized together, as pages are while extracting. */
const BATCH = 100;

export interface NormalizeOptions extends Omit<PackageNormalizerOptions, 'loadId' | 'resources'> {
  readonly manifest: ExtractManifest;
}

/**
 * Normalizes a package from its extracted files: the path of a package a crash left extracted but not
 * normalized (a package extracted in this process is normalized while its records are extracted).
 */
export async function normalizePackage(options: NormalizeOptions): Promise<NormalizedManifest> {
  const { manifest } = options;
  const normalizer = await PackageNormalizer.open({
    ...options,
    loadId: manifest.loadId,
    resources: manifest.resources.map((r) => r.config),
  });
  try {
    for (const extracted of manifest.resources) {
      const resource = extracted.config.resource;
      let batch: Record<string, unknown>[] = [];
      for (const file of extracted.files) {
        for await (const line of readLines(join(options.dir, EXTRACTED_DIR, file))) {
          batch.push(decodeRecord(line) as Record<string, unknown>);
          if (batch.length < BATCH) continue;
          const flushed = normalizer.records(resource, batch);
          batch = [];
          if (flushed) await flushed;
        }
      }
      if (batch.length > 0) await normalizer.records(resource, batch);
    }
  } catch (error) {
    await normalizer.abort();
    throw error;
  }
  return normalizer.finish(manifest);
}
