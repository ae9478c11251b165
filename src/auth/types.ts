/** Access tokens for the Ingestion API (resource https://api.partner.microsoft.com). */
export interface TokenProvider {
  /** A cached token with at least five minutes left, else a fresh one. */
  getToken(): Promise<string>
  /** Forget the cached token (after a 401), so the next getToken() fetches a new one. */
  invalidate(): void
}
