/**
 * TEST ONLY: `SLUICE_TEST_CRASH_AT=<event>[:<n>]` makes the process SIGKILL itself at the n-th (default first)
 * occurrence of a progress event, so end-to-end tests can prove that a crash at any phase loses nothing and
 * double-counts nothing. Events: `page` (extraction), `package_extracted` (extracted and normalized, not yet
 * marked normalized: the next run normalizes it again from its raw records),
 * `package_normalized` (before load), `schema_migrated`/`table_loaded` (inside the load transaction),
 * `state_committed` (after the commit, before the package is cleaned up). Never set it in production.
 */
export function crashHook(spec: string | undefined): (event: string) => void {
  if (!spec) return () => {};
  const [name, count] = spec.split(':');
  const target = Math.max(1, Number(count ?? 1) || 1);
  let seen = 0;
  return (event) => {
    if (event !== name) return;
    seen += 1;
    if (seen === target) process.kill(process.pid, 'SIGKILL');
  };
}
