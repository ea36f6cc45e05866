/**
 * How a client authenticates. `apply` adds credentials to a request and returns a stamp of what
 * it used; `refresh` decides, from an error and that stamp, whether to get new credentials and
 * replay the call (only token auth ever does).
 */
import type { ApiError } from './errors.js';

export interface AuthTarget {
  headers: Record<string, string>;
  url: URL;
}

export interface ClientAuth {
  apply(target: AuthTarget): unknown | Promise<unknown>;
  refresh?(error: ApiError, stamp: unknown): boolean;
}

export type Secret = string | (() => string | Promise<string>);

function reveal(secret: Secret): string | Promise<string> {
  return typeof secret === 'function' ? secret() : secret;
}

export const noAuth: ClientAuth = { apply: () => undefined };

export function bearerAuth(token: Secret, prefix = 'Bearer'): ClientAuth {
  const set = (target: AuthTarget, value: string): undefined => {
    if (value !== '') target.headers.authorization = `${prefix} ${value}`;
    return undefined;
  };
  return {
    apply(target) {
      const value = reveal(token);
      return value instanceof Promise ? value.then((resolved) => set(target, resolved)) : set(target, value);
    },
  };
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function basicAuth(username: Secret, password: Secret): ClientAuth {
  return {
    async apply(target) {
      target.headers.authorization = `Basic ${base64(`${await reveal(username)}:${await reveal(password)}`)}`;
      return undefined;
    },
  };
}

export function apiKeyAuth(name: string, value: Secret, placement: 'header' | 'query'): ClientAuth {
  return {
    async apply(target) {
      const key = await reveal(value);
      if (placement === 'query') target.url.searchParams.set(name, key);
      else target.headers[name.toLowerCase()] = key;
      return undefined;
    },
  };
}

export interface IssuedToken {
  tokenType: string;
  accessToken: string;
}

/**
 * A token fetched on first need and shared: concurrent calls wait on the one request in flight.
 * When the API says a token is no longer good, the token that call used is dropped (unless another
 * call already replaced it), so that a burst of failures triggers a single new token request.
 */
export class TokenAuth implements ClientAuth {
  private pending: Promise<IssuedToken> | undefined;
  /** The value of `pending` once it has resolved. */
  private current: IssuedToken | undefined;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly isTokenError: (error: ApiError) => boolean,
  ) {}

  token(): Promise<IssuedToken> {
    if (!this.pending) {
      const pending = this.issue();
      this.pending = pending;
      this.current = undefined;
      // Registered before any caller awaits `pending`, so `current` is set by the time they resume.
      pending.then(
        (token) => {
          if (this.pending === pending) this.current = token;
        },
        () => {
          // A failed request must not poison later calls: the next call tries again.
          if (this.pending === pending) this.pending = undefined;
        },
      );
    }
    return this.pending;
  }

  /** Adds the token; the stamp is the token object itself, compared by identity on refresh. */
  async apply(target: AuthTarget): Promise<IssuedToken> {
    const token = await this.token();
    target.headers.authorization = `${token.tokenType || 'Bearer'} ${token.accessToken}`;
    return token;
  }

  refresh(error: ApiError, stamp: unknown): boolean {
    if (!this.isTokenError(error)) return false;
    // Drop the token only if it is still the one that failed; a newer one stays. (`current` is
    // reset by the next token request, which a refresh always leads to.)
    if (stamp !== undefined && this.current === stamp) this.pending = undefined;
    return true;
  }
}
