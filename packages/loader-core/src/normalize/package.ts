import { join } from 'node:path';
import { decodeRecord } from '../extract/raw-json.js';
import { readLines } from '../package/jsonl-reader.js';
import { EXTRACTED_DIR, type ExtractManifest, type NormalizedManifest } from '../package/manifest.js';
import { PackageNormalizer, type PackageNormalizerOptions } from './package-normalizer.js';

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
      for (const file of extracted.files) {
        for await (const line of readLines(join(options.dir, EXTRACTED_DIR, file))) {
          const flushed = normalizer.record(
            extracted.config.resource,
            decodeRecord(line) as Record<string, unknown>,
          );
          if (flushed) await flushed;
        }
      }
    }
  } catch (error) {
    await normalizer.abort();
    throw error;
  }
  return normalizer.finish(manifest);
}
