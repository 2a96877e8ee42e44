import { createReadStream } from 'node:fs';

/** Lines of a JSONL file, streamed in 1 MiB chunks (faster than node:readline for this job). */
export async function* readLines(path: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let start = 0;
    let end = text.indexOf('\n', start);
    while (end !== -1) {
      if (end > start) yield text.slice(start, end);
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    rest = text.slice(start);
  }
  if (rest !== '') yield rest;
}
