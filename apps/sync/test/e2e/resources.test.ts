import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/source/catalog.js';
import { jsonLines, runCli } from '../support/cli.js';

describe('sluice-sync resources', () => {
  it('lists every resource with its mode and cursor, as a table or JSON lines', async () => {
    const text = await runCli(['resources'], {});
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/tickets\s+incremental merge on updated_at\s+updated_at via updated_since/);
    expect(text.stdout).toMatch(/conversations\s+merge per changed ticket \(by ticket_id\)/);
    expect(text.stdout).toMatch(
      /satisfaction_ratings\s+incremental merge on created_at\s+created_at via created_since \(lookback 7 days\)/,
    );
    // The limit of reading time entries per changed ticket, and its remedy.
    expect(text.stdout).toMatch(
      /Note on time_entries: Freshdesk does not move a ticket's updated_at when a time entry is added .* `sluice-sync run --resources time_entries --full-refresh time_entries`/,
    );
    const json = await runCli(['resources', '--log-format', 'json'], {});
    const lines = jsonLines(json.stdout);
    expect(lines.map((l) => l.name)).toEqual(CATALOG.map((e) => e.name));
    expect(lines.find((l) => l.name === 'contacts')).toMatchObject({
      writeDisposition: 'merge',
      cursor: { field: 'updated_at', param: '_updated_since' },
    });
    expect(String(lines.find((l) => l.name === 'time_entries')?.note)).toContain(
      '--full-refresh time_entries',
    );
  });
});
