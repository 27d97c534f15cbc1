import { vi } from 'vitest';
import type { Execution, Wave } from '../../src/api/executions';

export const EXEC_ID = 'exec-1';
export const BASE = `/api/execution-service/executions/${EXEC_ID}`;

function wave(index: number, waveId: string, status: string, extra: Partial<Wave> = {}): Wave {
  return {
    waveId,
    name: waveId.replace('-', ' '),
    index,
    status,
    attempt: 1,
    failurePolicy: 'FAIL_FAST',
    dependsOn: index === 1 ? [] : ['databases'],
    startedAt: status === 'WAITING' ? null : '2026-12-02T10:00:00Z',
    endedAt: status === 'COMPLETED' ? '2026-12-02T10:05:00Z' : null,
    counts: { total: 2, launched: status === 'COMPLETED' ? 2 : 0, failed: 0, pending: status === 'COMPLETED' ? 0 : 2, excluded: 0 },
    jobs: [{ jobId: `drsjob-${waveId}`, attempt: 1, batch: 1, accountId: '111111111111', region: 'us-east-1', status: 'STARTED' }],
    servers: [
      {
        sourceServerId: `s-${waveId}-1`,
        hostname: `${waveId}-host-1`,
        accountId: '111111111111',
        region: 'us-east-1',
        launchStatus: status === 'COMPLETED' ? 'LAUNCHED' : 'IN_PROGRESS',
        excluded: false,
        jobId: `drsjob-${waveId}`,
        recoveryInstanceId: status === 'COMPLETED' ? `i-${waveId}-1` : null,
      },
      {
        sourceServerId: `s-${waveId}-2`,
        hostname: `${waveId}-host-2`,
        launchStatus: null,
        excluded: true,
        error: 'left out, not ready: STALLED',
      },
    ],
    actions: [],
    ...extra,
  };
}

/** A running DRILL of plan web-shop: wave 1 done, wave 2 running. */
export function runningDrill(extra: Partial<Execution> = {}): Execution {
  return {
    executionId: EXEC_ID,
    planId: 'plan-1',
    planName: 'web-shop',
    planVersion: 3,
    executionType: 'DRILL',
    status: 'RUNNING',
    trigger: { type: 'USER' },
    requestedBy: 'drill-operator',
    requestedById: 'sub-requester',
    approval: { requiredApprovals: 0, missing: 0, reason: 'the plan requires no approval for a DRILL', approvals: [] },
    requestedAt: '2026-12-02T10:00:00Z',
    startedAt: '2026-12-02T10:00:00Z',
    endedAt: null,
    rto: { targetSeconds: 900, elapsedSeconds: 0, met: null },
    counts: { total: 4, launched: 2, failed: 0, pending: 2, excluded: 0 },
    awaitingApproval: [],
    waves: [wave(1, 'databases', 'COMPLETED'), wave(2, 'app-tier', 'RUNNING', { controls: ['skip'] })],
    cleanup: { status: 'PENDING', terminated: [], failures: [] },
    controls: ['pause', 'cancel'],
    ...extra,
  };
}

/** The same drill with wave 2 complete. */
export function completedDrill(): Execution {
  const e = runningDrill({ status: 'COMPLETED', endedAt: '2026-12-02T10:05:00Z', rto: { targetSeconds: 900, elapsedSeconds: 300, met: true }, controls: ['cleanup'] });
  e.waves = [wave(1, 'databases', 'COMPLETED'), wave(2, 'app-tier', 'COMPLETED')];
  return e;
}

/** A RECOVERY awaiting approval of the whole execution. */
export function awaitingRecovery(): Execution {
  return runningDrill({
    executionType: 'RECOVERY',
    status: 'AWAITING_APPROVAL',
    startedAt: null,
    approval: { requiredApprovals: 1, missing: 1, reason: 'the plan requires 1 approval for a RECOVERY', approvals: [] },
    awaitingApproval: [{ scope: 'EXECUTION', waveId: null, message: 'the RECOVERY awaits 1 approval' }],
    controls: ['approve', 'cancel'],
    waves: [wave(1, 'databases', 'WAITING'), wave(2, 'app-tier', 'WAITING')],
  });
}

export interface FakeStream {
  /** Sends raw SSE text. */
  push: (text: string) => void;
  /** Sends one `execution` event. */
  send: (execution: Execution, version: number) => void;
  /** The headers of every connection made. */
  connections: Record<string, string>[];
  /** The abort signal of every connection made (aborted when the page closes the stream). */
  signals: (AbortSignal | undefined)[];
}

/**
 * Answers `/events` URLs with a ReadableStream of SSE text (kept open until the page aborts it); every other request
 * goes to the fetch stubbed before (fakeApi's).
 */
export function fakeStream(): FakeStream {
  const inner = globalThis.fetch;
  const encoder = new TextEncoder();
  const controllers: ReadableStreamDefaultController<Uint8Array>[] = [];
  const queued: string[] = [];
  const connections: Record<string, string>[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input).includes('/events')) {
        return inner(input, init);
      }
      connections.push((init?.headers ?? {}) as Record<string, string>);
      signals.push(init?.signal ?? undefined);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controllers.push(controller);
          for (const text of queued.splice(0)) {
            controller.enqueue(encoder.encode(text));
          }
          init?.signal?.addEventListener('abort', () => {
            try {
              controller.error(new DOMException('aborted', 'AbortError'));
            } catch {
              // already closed
            }
          });
        },
      });
      return new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    }),
  );
  const push = (text: string) => {
    const controller = controllers[controllers.length - 1];
    if (controller) {
      controller.enqueue(encoder.encode(text));
    } else {
      queued.push(text);
    }
  };
  return {
    push,
    send: (execution, version) => push(`event: execution\nid: ${version}\ndata: ${JSON.stringify(execution)}\n\n`),
    connections,
    signals,
  };
}
