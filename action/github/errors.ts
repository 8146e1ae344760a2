// Classifies GitHub API failures so callers can degrade instead of crashing.

export interface ApiFailure {
  status: number | undefined;
  message: string;
  /** The token lacks the permission (fork pull request, missing `permissions:` entry). */
  permission: boolean;
}

export function describeFailure(error: unknown): ApiFailure {
  const e = error as { status?: unknown; message?: unknown; response?: { data?: { message?: unknown } } };
  const status = typeof e?.status === "number" ? e.status : undefined;
  const apiMessage = typeof e?.response?.data?.message === "string" ? e.response.data.message : undefined;
  const message = apiMessage ?? (typeof e?.message === "string" ? e.message : String(error));
  const rateLimited = /rate limit/i.test(message);
  return { status, message, permission: status === 403 && !rateLimited };
}
