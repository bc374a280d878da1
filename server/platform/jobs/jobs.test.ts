import { afterAll, expect, it } from 'vitest';
import { freshDatabase } from '../../test/harness';
import { type JobDefinition, Jobs } from './jobs';

const quiet = { info: () => {}, error: () => {} };
const started: Jobs[] = [];
afterAll(async () => {
  await Promise.all(started.map((j) => j.stop(2_000)));
}, 30_000);

const until = async (ok: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

it('runs a job on one process at a time, collapses a burst of kicks, and retries a failed run', async () => {
  const { url } = await freshDatabase();
  const runs: { start: number; end: number }[] = [];
  let active = 0;
  let overlapped = false;
  let failures = 0;
  const definitions = (): JobDefinition[] => [
    {
      name: 'test.sweep',
      run: async () => {
        if (++active > 1) overlapped = true;
        const start = Date.now();
        await new Promise((r) => setTimeout(r, 300));
        runs.push({ start, end: Date.now() });
        active--;
      },
    },
    {
      name: 'test.flaky',
      run: async () => {
        if (failures++ === 0) throw new Error('first attempt fails');
      },
    },
  ];
  // Two "processes": two queues on the same database, each with its own workers.
  const [one, two] = await Promise.all([Jobs.start(url, definitions(), quiet), Jobs.start(url, definitions(), quiet)]);
  started.push(one, two);

  await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).kick('test.sweep')));
  await until(() => runs.length >= 1, 15_000);
  await new Promise((r) => setTimeout(r, 3_000));
  expect(overlapped).toBe(false);
  // 20 kicks at once: at most one waiting and one running at any time, never 20 runs.
  expect(runs.length).toBeGreaterThanOrEqual(1);
  expect(runs.length).toBeLessThanOrEqual(3);

  await one.kick('test.flaky');
  await until(() => failures >= 2, 30_000);
  expect(failures).toBe(2);
  await expect(one.kick('no.such.job')).rejects.toThrow(/no job named/);
}, 60_000);
