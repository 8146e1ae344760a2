// The GitHub client: octokit with its throttling and retry plugins. Rate limits (403 with
// x-ratelimit-remaining: 0, secondary limits on 403/429) wait as GitHub asks (Retry-After or the
// reset time) and retry a bounded number of times; 5xx and 429 without a rate-limit message are
// retried by the retry plugin. 403 "Resource not accessible by integration" is a permission
// answer, never retried (see errors.ts).
import { Octokit } from "octokit";

export type GitHubClient = InstanceType<typeof Octokit>;

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL; https://api.github.com when unset. */
  baseUrl?: string;
  /** How many times a rate-limited or failed request is retried. */
  retries?: number;
  /** Milliseconds per second of Retry-After; tests shrink it. */
  retryAfterBaseMs?: number;
  log?: (level: "debug" | "info" | "warn" | "error", message: string) => void;
}

export function createClient(options: ClientOptions): GitHubClient {
  const retries = options.retries ?? 3;
  const base = options.retryAfterBaseMs ?? 1000;
  const emit = options.log ?? (() => {});
  const shouldRetry = (kind: string) => (retryAfter: number, request: { method: string; url: string; request: { retryCount: number } }): boolean => {
    const again = request.request.retryCount < retries;
    emit("warn", `${kind} on ${request.method} ${request.url}: ${again ? `retrying after ${retryAfter} s` : "giving up"}`);
    return again;
  };
  return new Octokit({
    auth: options.token,
    ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, "") } : {}),
    userAgent: "exemptions-as-code-action",
    log: {
      debug: (m: string) => emit("debug", m),
      info: (m: string) => emit("debug", m),
      warn: (m: string) => emit("warn", m),
      error: (m: string) => emit("error", m),
    },
    throttle: {
      onRateLimit: shouldRetry("rate limit"),
      onSecondaryRateLimit: shouldRetry("secondary rate limit"),
      retryAfterBaseValue: base,
      fallbackSecondaryRateRetryAfter: 60,
    },
    retry: { retries, retryAfterBaseValue: base },
  });
}
