import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { Writable } from 'node:stream';
import zlib from 'node:zlib';

/** A file written as a stream, gzip'd or not, that appears under its name only once complete. */
export interface Output {
  write(text: string): Promise<void>;
  /** Flushes, closes and moves the file into place; returns its size in bytes. */
  finish(): Promise<number>;
  /** Removes the partial file after a failure. */
  abort(): Promise<void>;
}

/** Resolves when `head` can take more, rejects when the file fails meanwhile. */
function drained(head: Writable, file: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (e?: Error) => {
      head.off('drain', done);
      head.off('error', done);
      file.off('error', done);
      if (e) reject(e);
      else resolve();
    };
    head.on('drain', done);
    head.on('error', done);
    file.on('error', done);
  });
}

/** Opens `file` for writing through `file.partial`, so a failed run never leaves a truncated file. */
export function openOutput(file: string, options: { gzip: boolean }): Output {
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const gzip = options.gzip ? zlib.createGzip({ level: 4 }) : null;
  if (gzip) gzip.pipe(out);
  const head: Writable = gzip ?? out;
  let failure: Error | null = null;
  const onError = (e: Error) => (failure ??= e);
  out.on('error', onError);
  gzip?.on('error', onError);
  return {
    async write(text) {
      if (failure) throw failure;
      // Waits when the buffer is full, so memory stays flat however large the output.
      if (!head.write(text)) await drained(head, out);
    },
    async finish() {
      head.end();
      await once(out, 'close');
      if (failure) throw failure;
      await fsp.rename(partial, file);
      return (await fsp.stat(file)).size;
    },
    async abort() {
      head.destroy();
      out.destroy();
      await fsp.rm(partial, { force: true });
    },
  };
}
