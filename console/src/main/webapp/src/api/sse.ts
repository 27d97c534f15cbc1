import { withBearer } from './client';
import { problemOf } from './problem';

/** One Server-Sent Event as the stream delivered it. */
export interface StreamEvent {
  event: string;
  id?: string;
  data: string;
}

/**
 * Parses a Server-Sent Events body incrementally (https://html.spec.whatwg.org/multipage/server-sent-events.html):
 * feed it text as it arrives; it returns the events completed so far. Comment lines (keep-alives) are skipped.
 */
export class EventParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | undefined;

  feed(chunk: string): StreamEvent[] {
    this.buffer += chunk;
    const out: StreamEvent[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      if (line === '') {
        if (this.data.length > 0) {
          out.push({ event: this.event || 'message', id: this.id, data: this.data.join('\n') });
        }
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) {
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) {
        value = value.slice(1);
      }
      if (field === 'event') {
        this.event = value;
      } else if (field === 'data') {
        this.data.push(value);
      } else if (field === 'id' && !value.includes('\0')) {
        this.id = value;
      }
    }
    return out;
  }
}

/** A followed stream: `close()` stops it. */
export interface StreamSubscription {
  close(): void;
}

export interface StreamHandlers {
  onEvent: (event: StreamEvent) => void;
  /** For this long after `follow` is called, a 404 is retried every second instead of ending the stream. */
  notFoundGraceMs?: number;
  /**
   * The stream is connected (true) or lost (false): retried, unless `final` (a refusal that retrying will not
   * change, e.g. 404 from a server without the stream, or 403).
   */
  onStatus?: (connected: boolean, error?: string, final?: boolean) => void;
}

/**
 * Follows a Server-Sent Events stream with the session's bearer token (EventSource cannot send one), reconnecting
 * after a drop with the last event id (`Last-Event-ID`) so nothing is missed and nothing is sent twice. Waits 1, 2, 4
 * … up to 15 s between attempts. A 4xx other than 429 ends it (the stream will not come back by retrying).
 */
export function follow(path: string, handlers: StreamHandlers): StreamSubscription {
  let closed = false;
  let lastId: string | undefined;
  let controller: AbortController | undefined;
  let attempt = 0;
  let refused = 0;
  const notFoundUntil = Date.now() + (handlers.notFoundGraceMs ?? 0);

  const run = async () => {
    while (!closed) {
      controller = new AbortController();
      try {
        const headers = await withBearer({ Accept: 'text/event-stream' });
        if (lastId !== undefined) {
          headers['Last-Event-ID'] = lastId;
        }
        const response = await fetch(path, { headers, signal: controller.signal, cache: 'no-store' });
        if (!response.ok || !response.body) {
          const text = await response.text().catch(() => '');
          const detail = problemOf(response.status, text).problem.detail ?? `HTTP ${response.status}`;
          // A token that expired on the way (or a clock ahead of the issuer's) is renewed by the next attempt: try
          // once more before giving up; any other 4xx will not change by retrying.
          const renewable = response.status === 401 && refused++ < 1;
          // What was requested a moment ago may not exist yet (an execution is created when its request is consumed).
          const soon = response.status === 404 && Date.now() < notFoundUntil;
          if (soon) {
            attempt = 0;
          }
          if (response.status >= 400 && response.status < 500 && response.status !== 429 && !renewable && !soon) {
            handlers.onStatus?.(false, detail, true);
            return;
          }
          const retryAfter = Number(response.headers.get('Retry-After'));
          if (retryAfter > 0) {
            attempt = Math.max(attempt, Math.ceil(Math.log2(Math.min(retryAfter, 15))));
          }
          throw new Error(detail);
        }
        attempt = 0;
        refused = 0;
        handlers.onStatus?.(true);
        const parser = new EventParser();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            break;
          }
          for (const event of parser.feed(value)) {
            if (event.id !== undefined) {
              lastId = event.id;
            }
            handlers.onEvent(event);
          }
        }
        if (!closed) {
          handlers.onStatus?.(false, 'the stream ended; reconnecting');
        }
      } catch (e) {
        if (closed) {
          return;
        }
        handlers.onStatus?.(false, e instanceof Error ? e.message : String(e));
      }
      const wait = Math.min(15_000, 1000 * 2 ** attempt++);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
  void run();
  return {
    close() {
      closed = true;
      controller?.abort();
    },
  };
}
