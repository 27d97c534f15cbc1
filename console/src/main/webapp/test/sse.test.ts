import { afterEach, describe, expect, it, vi } from 'vitest';
import { setTokenSource } from '../src/api/client';
import { follow, type StreamEvent } from '../src/api/sse';

function streamOf(text: string): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

function notFound(): Response {
  return new Response(JSON.stringify({ status: 404, detail: 'There is no execution exec-1' }), {
    status: 404,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('follow', () => {
  it('waits for what was requested a moment ago: a 404 within the grace is retried', async () => {
    setTokenSource(async () => 'tok');
    const answers = [notFound(), streamOf('event:execution\nid:3\ndata:{"status":"RUNNING"}\n\n')];
    const fetch = vi.fn(async () => answers.shift() ?? new Promise<Response>(() => {}));
    vi.stubGlobal('fetch', fetch);
    const events: StreamEvent[] = [];
    const finals: boolean[] = [];
    const sub = follow('/api/execution-service/executions/exec-1/events', {
      notFoundGraceMs: 30_000,
      onEvent: (e) => events.push(e),
      onStatus: (_c, _d, final) => finals.push(!!final),
    });
    await vi.waitFor(() => expect(events).toEqual([{ event: 'execution', id: '3', data: '{"status":"RUNNING"}' }]), {
      timeout: 5000,
    });
    expect(finals).not.toContain(true);
    const second = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect((second[1].headers as Record<string, string>).Authorization).toBe('Bearer tok');
    sub.close();
  });

  it('ends on a 404 without the grace, and says so', async () => {
    setTokenSource(async () => 'tok');
    const fetch = vi.fn(async () => notFound());
    vi.stubGlobal('fetch', fetch);
    const finals: [boolean, string | undefined, boolean | undefined][] = [];
    follow('/api/execution-service/executions/exec-1/events', {
      onEvent: () => undefined,
      onStatus: (c, d, final) => finals.push([c, d, final]),
    });
    await vi.waitFor(() => expect(finals).toEqual([[false, 'There is no execution exec-1', true]]));
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
