import { describe, expect, it, vi } from 'vitest';
import { invalidateWorkspaceCaches, WorkspaceCache } from './workspace-cache';

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
};

describe('WorkspaceCache', () => {
  it('keeps a value per workspace and key until the workspace changes', async () => {
    const cache = new WorkspaceCache<number>();
    let n = 0;
    const load = async () => ++n;
    expect(await cache.get('ws1', 'a', load)).toBe(1);
    expect(await cache.get('ws1', 'a', load)).toBe(1);
    expect(await cache.get('ws1', 'b', load)).toBe(2);
    expect(await cache.get('ws2', 'a', load)).toBe(3);
    cache.invalidate('ws1');
    expect(await cache.get('ws1', 'a', load)).toBe(4);
    expect(await cache.get('ws2', 'a', load)).toBe(3);
    invalidateWorkspaceCaches('ws2');
    expect(await cache.get('ws2', 'a', load)).toBe(5);
  });

  it('shares one computation between concurrent misses', async () => {
    const cache = new WorkspaceCache<string>();
    const d = deferred<string>();
    const load = vi.fn(() => d.promise);
    const both = Promise.all([cache.get('ws', 'k', load), cache.get('ws', 'k', load)]);
    d.resolve('x');
    expect(await both).toEqual(['x', 'x']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('hands out but does not keep a value computed while the workspace changed', async () => {
    const cache = new WorkspaceCache<string>();
    const d = deferred<string>();
    const first = cache.get('ws', 'k', () => d.promise);
    cache.invalidate('ws');
    d.resolve('before the change');
    expect(await first).toBe('before the change');
    expect(await cache.get('ws', 'k', async () => 'after the change')).toBe('after the change');
  });

  it('drops everything on clear (events may have been missed), and expires entries', async () => {
    const cache = new WorkspaceCache<number>(200, 1000);
    let n = 0;
    const load = async () => ++n;
    await cache.get('ws', 'k', load);
    cache.clear();
    expect(await cache.get('ws', 'k', load)).toBe(2);
    const now = Date.now();
    const spy = vi.spyOn(Date, 'now').mockReturnValue(now + 1001);
    expect(await cache.get('ws', 'k', load)).toBe(3);
    spy.mockRestore();
  });

  it('keeps at most maxEntries, evicting the least recently used', async () => {
    const cache = new WorkspaceCache<string>(2);
    await cache.get('ws', 'a', async () => 'a1');
    await cache.get('ws', 'b', async () => 'b1');
    await cache.get('ws', 'a', async () => 'a2');
    await cache.get('ws', 'c', async () => 'c1');
    expect(await cache.get('ws', 'a', async () => 'a3')).toBe('a1');
    expect(await cache.get('ws', 'b', async () => 'b2')).toBe('b2');
  });
});
