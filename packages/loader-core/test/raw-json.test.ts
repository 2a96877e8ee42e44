import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../src/extract/raw-json.js';

describe('raw record copies (extracted files)', () => {
  it('round-trips plain JSON records exactly as JSON.stringify writes them', () => {
    const record = { id: 1, s: 'x "q" ñ', n: null, list: [1, 'a', { deep: [true] }], nested: { a: 1.5 } };
    expect(encodeRecord(record)).toBe(JSON.stringify(record));
    expect(decodeRecord(encodeRecord(record))).toEqual(record);
  });

  it('keeps bigint, Date and bytes wherever they are nested', () => {
    const record = {
      big: 2n ** 70n,
      at: new Date('2024-05-01T10:00:00.123Z'),
      bytes: new Uint8Array([0, 1, 255]),
      list: [{ inner: -(2n ** 64n) }, [new Date(0)]],
      nested: { deeper: { blob: new Uint8Array([7]) } },
    };
    const decoded = decodeRecord(encodeRecord(record)) as typeof record;
    expect(decoded).toEqual(record);
    expect(decoded.at).toBeInstanceOf(Date);
    expect(decoded.bytes).toBeInstanceOf(Uint8Array);
    expect(typeof decoded.list[0] === 'object' && (decoded.list[0] as { inner: unknown }).inner).toBe(
      -(2n ** 64n),
    );
  });

  it('treats objects that are not plain (class instances, null prototypes) like JSON.stringify does', () => {
    class Money {
      constructor(readonly cents: number) {}
      toJSON() {
        return `${this.cents / 100} EUR`;
      }
    }
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { k: 1 });
    const record = { price: new Money(1250), bare };
    expect(decodeRecord(encodeRecord(record))).toEqual({ price: '12.5 EUR', bare: { k: 1 } });
  });
});
