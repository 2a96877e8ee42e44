/**
 * Extracted records are stored as JSON lines before normalization. JSON has no bigint, bytes or Date, so such
 * values are tagged (`{"$sluice$": "bigint", "v": "123"}`) and restored when the file is read back.
 */
const TAG = '$sluice$';

function replacer(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return { [TAG]: 'bigint', v: value.toString() };
  const original = (this as Record<string, unknown>)[key];
  if (original instanceof Date) return { [TAG]: 'date', v: original.toISOString() };
  if (original instanceof Uint8Array) return { [TAG]: 'bytes', v: Buffer.from(original).toString('base64') };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && TAG in value) {
    const tagged = value as { [TAG]: string; v: string };
    if (tagged[TAG] === 'bigint') return BigInt(tagged.v);
    if (tagged[TAG] === 'date') return new Date(tagged.v);
    if (tagged[TAG] === 'bytes') return new Uint8Array(Buffer.from(tagged.v, 'base64'));
  }
  return value;
}

/**
 * Whether JSON.stringify keeps `value` as it is: only plain objects, arrays and JSON scalars. A walk costs a
 * fraction of a replacer, which V8 calls back for every key.
 */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'bigint';
  if (Array.isArray(value)) {
    for (const item of value) if (!isPlainJson(item)) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (!isPlainJson((value as Record<string, unknown>)[key])) return false;
  return true;
}

export function encodeRecord(record: unknown): string {
  return isPlainJson(record) ? JSON.stringify(record) : JSON.stringify(record, replacer);
}

export function decodeRecord(line: string): unknown {
  // The reviver is slow: only pay for it when the line holds a tagged value.
  return line.includes(TAG) ? JSON.parse(line, reviver) : JSON.parse(line);
}
