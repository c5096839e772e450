/**
 * What the MCP tools talk to: Rapport's own REST API, so every tool goes through the same routes,
 * validation and services as the web app and the CLI. The CLI's ApiClient fits this shape (stdio),
 * and so does the server calling its own app in-process with the caller's token (`/mcp`).
 */
export interface McpApi {
  /** Sends one API request; throws an Error whose message is the API's sentence on failure. */
  call: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
}

/** A request the API refused: the message is the API's own, written for the person or assistant. */
export class ApiRefusal extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiRefusal';
  }
}

/** An McpApi over a fetch-like function (the app's own `request`, with the caller's headers). */
export function apiOverFetch(
  fetchFn: (path: string, init: RequestInit) => Response | Promise<Response>,
  headers: Record<string, string>,
): McpApi {
  return {
    call: async <T>(method: string, path: string, body?: unknown) => {
      const res = await fetchFn(path, {
        method,
        headers: { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (res.status === 204) return undefined as T;
      const data = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
      if (!res.ok) {
        throw new ApiRefusal(
          data.error?.message ?? `The request failed with status ${res.status}.`,
          res.status,
        );
      }
      return data as T;
    },
  };
}

/** A path segment from an id or any text the assistant sent, never able to change the route. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}

/** A query string from the given values, leaving out the empty ones. */
export function query(values: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
