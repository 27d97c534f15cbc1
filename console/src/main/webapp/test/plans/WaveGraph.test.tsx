import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { layoutDag, WaveGraph } from '../../src/pages/plans/WaveGraph';

const NODES = [
  { id: 'db', name: 'databases', dependsOn: [] },
  { id: 'app', name: 'app tier', dependsOn: ['db'] },
  { id: 'web', name: 'web tier', dependsOn: ['db', 'app'] },
  { id: 'batch', name: 'batch', dependsOn: ['db'] },
];

describe('WaveGraph', () => {
  it('draws one edge per dependency and a box per wave', () => {
    const { container, getByRole } = render(<WaveGraph nodes={NODES} />);
    const edges = [...container.querySelectorAll('[data-testid="dag-edge"]')].map((e) => `${e.getAttribute('data-from')}->${e.getAttribute('data-to')}`);
    expect(edges.sort()).toEqual(['app->web', 'db->app', 'db->batch', 'db->web']);
    expect(container.querySelectorAll('[data-testid^="dag-node-"]')).toHaveLength(4);
    expect(getByRole('img').getAttribute('aria-label')).toContain('web tier runs after databases, app tier');
  });

  it('puts each wave in the column of its dependency depth, and survives unknown waves and cycles', () => {
    const { placed } = layoutDag(NODES);
    expect(Object.fromEntries(placed.map((p) => [p.id, p.depth]))).toEqual({ db: 0, app: 1, web: 2, batch: 1 });
    const odd = layoutDag([
      { id: 'a', name: 'a', dependsOn: ['b', 'ghost'] },
      { id: 'b', name: 'b', dependsOn: ['a'] },
    ]);
    expect(odd.edges).toEqual([
      { from: 'b', to: 'a' },
      { from: 'a', to: 'b' },
    ]);
    expect(odd.placed).toHaveLength(2);
  });
});
