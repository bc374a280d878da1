import { describe, expect, it } from 'vitest';
import { type Table, foreignKeyOrder, unorderedForeignKeys } from './catalog';

/** A table with foreign keys to `refs` (names), for ordering only. */
function table(name: string, refs: string[] = []): Table {
  return {
    key: name, schema: 'public', name, ident: name, columns: [], primaryKey: ['id'],
    foreignKeys: refs.map((r) => ({ name: `${name}_${r}_fk`, table: name, columns: [`${r}_id`], refTable: r, refColumns: ['id'], deferrable: false })),
  };
}

describe('foreign-key order', () => {
  it('puts every table after the tables it references', () => {
    const order = foreignKeyOrder([table('links', ['goals', 'items']), table('goals', ['workspaces']), table('items', ['workspaces']), table('workspaces')]);
    expect(order.map((t) => t.key)).toEqual(['workspaces', 'goals', 'items', 'links']);
    expect(unorderedForeignKeys(order)).toEqual([]);
  });

  it('orders around self-references and breaks cycles, naming what must be deferred', () => {
    const order = foreignKeyOrder([table('tree', ['tree', 'root']), table('a', ['b', 'root']), table('b', ['a']), table('root')]);
    expect(order.map((t) => t.key)).toEqual(['root', 'tree', 'a', 'b']);
    expect(unorderedForeignKeys(order).map((f) => f.name).sort()).toEqual(['a_b_fk', 'tree_tree_fk']);
  });
});
