import Box from '@cloudscape-design/components/box';

/** One wave as the graph draws it: its id, its label and the waves it runs after. */
export interface GraphNode {
  id: string;
  name: string;
  dependsOn: string[];
  /** A second line, e.g. "2 groups · 20 servers". */
  detail?: string;
}

export interface PlacedNode extends GraphNode {
  depth: number;
  row: number;
}

/**
 * Each wave's column is its dependency depth (0 for a wave that runs first, else one more than its deepest
 * dependency); a dependency that is no wave, or a cycle, is ignored so that a half-edited plan still draws.
 */
export function layoutDag(nodes: GraphNode[]): { placed: PlacedNode[]; edges: { from: string; to: string }[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) {
      return known;
    }
    if (visiting.has(id)) {
      return 0;
    }
    visiting.add(id);
    const node = byId.get(id);
    let d = 0;
    for (const dep of node?.dependsOn ?? []) {
      if (byId.has(dep) && dep !== id) {
        d = Math.max(d, depthOf(dep) + 1);
      }
    }
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  const rows = new Map<number, number>();
  const placed = nodes.map((n) => {
    const d = depthOf(n.id);
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    return { ...n, depth: d, row };
  });
  const edges: { from: string; to: string }[] = [];
  for (const n of nodes) {
    for (const dep of new Set(n.dependsOn)) {
      if (byId.has(dep) && dep !== n.id) {
        edges.push({ from: dep, to: n.id });
      }
    }
  }
  return { placed, edges };
}

const W = 170;
const H = 52;
const GAP_X = 64;
const GAP_Y = 18;
const PAD = 8;

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** The wave DAG as inline SVG: waves as boxes in columns by depth, an arrow per dependency. */
export function WaveGraph({ nodes, label = 'Wave dependency graph' }: { nodes: GraphNode[]; label?: string }) {
  if (nodes.length === 0) {
    return (
      <Box color="text-status-inactive" data-testid="dag-empty">
        No waves to draw.
      </Box>
    );
  }
  const { placed, edges } = layoutDag(nodes);
  const columns = Math.max(...placed.map((p) => p.depth)) + 1;
  const maxRows = Math.max(...placed.map((p) => p.row)) + 1;
  const width = PAD * 2 + columns * W + (columns - 1) * GAP_X;
  const height = PAD * 2 + maxRows * H + (maxRows - 1) * GAP_Y;
  const pos = new Map(placed.map((p) => [p.id, { x: PAD + p.depth * (W + GAP_X), y: PAD + p.row * (H + GAP_Y) }]));
  const names = new Map(placed.map((p) => [p.id, p.name]));
  const description = placed
    .map((p) =>
      p.dependsOn.filter((d) => names.has(d)).length
        ? `${p.name} runs after ${p.dependsOn.filter((d) => names.has(d)).map((d) => names.get(d)).join(', ')}`
        : `${p.name} runs first`,
    )
    .join('; ');
  return (
    <div style={{ overflowX: 'auto' }} data-testid="wave-graph">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}: ${description}`}>
        <defs>
          <marker id="dag-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#5f6b7a" />
          </marker>
        </defs>
        {edges.map((e) => {
          const a = pos.get(e.from)!;
          const b = pos.get(e.to)!;
          const x1 = a.x + W;
          const y1 = a.y + H / 2;
          const x2 = b.x - 2;
          const y2 = b.y + H / 2;
          const mid = (x1 + x2) / 2;
          const d =
            x2 > x1
              ? `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`
              : `M ${a.x + W / 2} ${a.y + H} L ${b.x + W / 2} ${b.y - 2}`;
          return (
            <path
              key={`${e.from}->${e.to}`}
              d={d}
              fill="none"
              stroke="#5f6b7a"
              strokeWidth={1.5}
              markerEnd="url(#dag-arrow)"
              data-testid="dag-edge"
              data-from={e.from}
              data-to={e.to}
            />
          );
        })}
        {placed.map((p) => {
          const { x, y } = pos.get(p.id)!;
          return (
            <g key={p.id} data-testid={`dag-node-${p.id}`}>
              <title>{p.detail ? `${p.name} — ${p.detail}` : p.name}</title>
              <rect x={x} y={y} width={W} height={H} rx={6} fill="#f2f8fd" stroke="#0972d3" strokeWidth={1.5} />
              <text x={x + 10} y={y + (p.detail ? 21 : 31)} fontSize={13} fontWeight={700} fill="#000716">
                {clip(p.name || p.id, 22)}
              </text>
              {p.detail && (
                <text x={x + 10} y={y + 39} fontSize={11} fill="#5f6b7a">
                  {clip(p.detail, 26)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
