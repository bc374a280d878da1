import type { TProblem } from '../../domain/common';

const BASE = '/api/v1';

/** A failed API call, carrying the server's problem+json (or a stand-in for a network failure). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: TProblem;

  constructor(problem: TProblem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** Field errors keyed by the field's path inside the request body ("body.title" → "title"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = e.path.replace(/^body\.?/, '');
      if (key && !(key in out)) out[key] = e.message;
    }
    return out;
  }
}

/** True when `e` is an ApiError with the given status. */
export function isApiError(e: unknown, status?: number): e is ApiError {
  return e instanceof ApiError && (status === undefined || e.status === status);
}

async function readProblem(res: Response): Promise<TProblem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<TProblem>;
      return {
        type: body.type ?? 'about:blank',
        title: body.title ?? res.statusText,
        status: body.status ?? res.status,
        detail: body.detail,
        errors: body.errors,
        retryAt: body.retryAt,
        requestId: body.requestId,
      };
    } catch {
      // fall through to the generic problem below
    }
  }
  return { type: 'about:blank', title: res.statusText || 'Request failed', status: res.status, detail: `The server answered ${res.status}.` };
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(BASE + path, init);
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: 'Cannot reach Tandem',
      status: 0,
      detail: 'The server did not answer. Check your connection and try again.',
    });
  }
  if (!res.ok) throw new ApiError(await readProblem(res));
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Builds a query string from the defined, non-empty values of `params`. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  }
  const text = s.toString();
  return text ? `?${text}` : '';
}

/** The Tandem API under /api/v1, with the browser's session cookie. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** A list envelope of the API. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
