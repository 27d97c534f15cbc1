import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { vi } from 'vitest';
import { SessionProvider, sessionOf } from '../../src/auth/AuthContext';
import type { Role } from '../../src/auth/roles';
import { setTokenSource } from '../../src/api/client';

/** A fake API: each call is answered by the first route whose method and path match; every request is kept. */
export interface FakeRoute {
  method?: string;
  /** Matched against the path with its query, e.g. `/api/plan-service/recovery-plans` or a RegExp. */
  path: string | RegExp;
  status?: number;
  body?: unknown;
  contentType?: string;
}

export interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export function fakeApi(routes: FakeRoute[]): { sent: Sent[] } {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const method = init?.method ?? 'GET';
      const headers = (init?.headers ?? {}) as Record<string, string>;
      sent.push({ method, url, headers, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      const path = url.replace(/^https?:\/\/[^/]+/, '');
      const route = routes.find(
        (r) =>
          (r.method ?? 'GET') === method && (typeof r.path === 'string' ? path.split('?')[0] === r.path || path === r.path : r.path.test(path)),
      );
      if (!route) {
        return new Response(JSON.stringify({ title: 'Not found in the fake API', status: 404, detail: `${method} ${path}` }), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        });
      }
      const status = route.status ?? 200;
      return new Response(status === 204 ? null : JSON.stringify(route.body ?? {}), {
        status,
        headers: { 'Content-Type': route.contentType ?? (status >= 400 ? 'application/problem+json' : 'application/json') },
      });
    }),
  );
  return { sent };
}

/** Renders a page at `path` (matched against `pattern`, e.g. `/executions/:id`) for a user with `roles`. */
export function renderPage(
  element: ReactElement,
  { path = '/', pattern = '/', roles = ['admin'] as Role[], sub = 'sub-1', username = 'tester' } = {},
) {
  setTokenSource(async () => 'test-token');
  const router = createMemoryRouter(
    [
      { path: pattern, element },
      { path: '*', element: <div data-testid="navigated-away" /> },
    ],
    { initialEntries: [path] },
  );
  const session = sessionOf({ sub, username, roles }, () => undefined);
  const result = render(
    <SessionProvider session={session}>
      <RouterProvider router={router} />
    </SessionProvider>,
  );
  return { ...result, router };
}
