/**
 * Reads a token endpoint's 200 reply. The v1 endpoint sends its numbers as strings
 * (`"expires_in":"3599"`), the v2 endpoint as numbers: both are accepted.
 */
import { PublishError } from '../errors.js'

export interface IssuedToken {
  accessToken: string
  /** Epoch ms on the caller's clock. */
  expiresAt: number
}

/**
 * Lifetime assumed when a reply states none. Entra tokens live 60 minutes (ingestion-v1.md §1);
 * a shorter guess only costs an earlier refresh.
 */
const ASSUMED_LIFETIME_MS = 30 * 60_000

function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined
}

/** `now` is the clock reading when the request was sent, so transit time shortens the lifetime. */
export function parseTokenReply(
  text: string,
  now: number,
  where: { method: string; path: string }
): IssuedToken {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const accessToken = record.access_token
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new PublishError(
      'HTTP_BAD_REPLY',
      'The token endpoint answered 200 without an access_token.',
      where
    )
  }
  // `expires_in` is relative, so it survives a skewed local clock; `expires_on` is the fallback.
  const expiresIn = toNumber(record.expires_in)
  const expiresOn = toNumber(record.expires_on)
  const expiresAt =
    expiresIn !== undefined
      ? now + expiresIn * 1000
      : expiresOn !== undefined
        ? expiresOn * 1000
        : now + ASSUMED_LIFETIME_MS
  return { accessToken, expiresAt }
}
