/** Access tokens for one API (an Entra resource: the Ingestion API, or Graph for product ingestion). */
export interface TokenProvider {
  /** A cached token with at least five minutes left, else a fresh one. */
  getToken(): Promise<string>
  /** Forget the cached token (after a 401), so the next getToken() fetches a new one. */
  invalidate(): void
}
