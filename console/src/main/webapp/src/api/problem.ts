/** One thing wrong with a request, as the APIs name it: a JSON path such as `waves[0].name`, and why. */
export interface FieldError {
  field: string;
  reason: string;
}

/** An RFC 9457 problem (`application/problem+json`) as every service answers a refused or failed request. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** A request the API refused or could not answer: what it said, so the page can show it next to the fields. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly problem: ProblemBody;

  constructor(status: number, problem: ProblemBody) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.problem = problem;
  }

  get title(): string {
    return this.problem.title ?? `HTTP ${this.status}`;
  }

  get errors(): FieldError[] {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }

  /**
   * The reasons given for one field: exactly `field`, or a path inside it (`waves[0]` also takes `waves[0].name`
   * when `nested`). Joined with "; " for a form field's error text, or undefined when there is none.
   */
  fieldError(field: string, nested = false): string | undefined {
    const reasons = this.errors
      .filter((e) => e.field === field || (nested && (e.field.startsWith(field + '.') || e.field.startsWith(field + '['))))
      .map((e) => (e.field === field ? e.reason : `${e.field}: ${e.reason}`));
    return reasons.length > 0 ? reasons.join('; ') : undefined;
  }
}

/**
 * The problem a refused or failed answer carries: its problem+json body (`text`), with `status` added. A body that is
 * not JSON (a proxy's error page, say) becomes `fallback`, or an empty problem.
 */
export function problemOf(status: number, text: string, fallback: () => ProblemBody = () => ({})): ApiProblem {
  let body: ProblemBody;
  try {
    body = JSON.parse(text) as ProblemBody;
  } catch {
    body = fallback();
  }
  return new ApiProblem(status, { status, ...body });
}

/** Whether `error` is a request aborted on purpose (a newer load, or the page left): nothing to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The error text for a field, from whatever a request threw (only an ApiProblem names fields). */
export function fieldError(error: unknown, field: string, nested = false): string | undefined {
  return error instanceof ApiProblem ? error.fieldError(field, nested) : undefined;
}

/** What to tell the user about an error of any kind. */
export function describe(error: unknown): { title: string; detail: string } {
  if (error instanceof ApiProblem) {
    return { title: error.title, detail: error.problem.detail ?? '' };
  }
  if (error instanceof Error) {
    return { title: 'Something went wrong', detail: error.message };
  }
  return { title: 'Something went wrong', detail: String(error) };
}
