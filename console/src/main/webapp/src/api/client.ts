import { ApiProblem, isAbort, problemOf } from './problem';

/** The five services, as the entry point routes them: `/api/<service>/…`. */
export type Service = 'catalog-service' | 'plan-service' | 'execution-service' | 'drs-adapter' | 'notifier';

/** Where the bearer token comes from (the signed-in session); set once at start-up. */
type TokenSource = () => Promise<string>;

let tokenSource: TokenSource = async () => '';

export function setTokenSource(source: TokenSource): void {
  tokenSource = source;
}

export function token(): Promise<string> {
  return tokenSource();
}

/** `headers` with the session's bearer token added (when there is one). */
export async function withBearer(headers: Record<string, string>): Promise<Record<string, string>> {
  const bearer = await token();
  return bearer ? { ...headers, Authorization: `Bearer ${bearer}` } : headers;
}

/** The same-origin URL of a service's path, e.g. `url('plan-service', '/recovery-plans')`. */
export function url(service: Service, path: string, query?: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') {
      params.set(k, String(v));
    }
  }
  const qs = params.toString();
  return `/api/${service}${path}${qs ? `?${qs}` : ''}`;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Calls a service with the session's bearer token and returns its JSON (undefined for 204). A refusal or failure is
 * thrown as an {@link ApiProblem} carrying the problem+json body; a body that is not problem+json (a proxy's error
 * page, say) becomes a problem whose detail says what came back.
 */
export async function request<T>(service: Service, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = await withBearer({ Accept: 'application/json', ...options.headers });
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(url(service, path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: options.signal,
    });
  } catch (e) {
    if (isAbort(e)) {
      throw e;
    }
    throw new ApiProblem(0, {
      title: `${service} cannot be reached`,
      detail: `The request to ${service} did not get an answer (${e instanceof Error ? e.message : String(e)}). Check the network, then try again.`,
    });
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  const type = response.headers.get('Content-Type') ?? '';
  if (!response.ok) {
    throw problemOf(response.status, text, () => ({
      title: `${service} answered HTTP ${response.status}`,
      detail: text ? text.slice(0, 300) : `No details came back (${type || 'no content type'}).`,
    }));
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A page of a list, as every list endpoint answers: the items and the cursor of the next page (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The items of a list from its first page on, following cursors up to `max` items; `truncated` when there were more. */
export async function collect<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  max: number,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return { items, truncated: !!cursor };
}

/** Every item of a list, following cursors up to `max` items. */
export async function all<T>(
  service: Service,
  path: string,
  query: Record<string, string | number | undefined> = {},
  max = 2000,
): Promise<T[]> {
  const { items } = await collect(
    (cursor) => request<Page<T>>(service, path, { query: { ...query, limit: query.limit ?? 200, cursor } }),
    max,
  );
  return items;
}
