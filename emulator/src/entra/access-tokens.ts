/**
 * Access tokens for the Ingestion API (and the Graph product-ingestion API): v1-style Entra JWTs
 * (the Partner Center resource accepts v1 tokens, so both token endpoints issue them), signed with
 * a key generated at start, and the bearer check each API applies to every call.
 */
import { createHash, randomUUID } from 'node:crypto'
import { createSigningKey, decodeJwt, hasValidSignature, signJwt, type SigningKey } from './jwt.js'

/** Entra back-dates `iat`/`nbf` by five minutes to absorb clock skew. */
const SKEW_SECONDS = 300

export type CredentialKind = 'secret' | 'assertion'

export interface IssuedAccessToken {
  token: string
  /** Seconds the token stays valid from now. */
  expiresIn: number
  /** Epoch seconds. */
  expiresOn: number
  notBefore: number
}

export type BearerCheck =
  { ok: true; clientId: string; tenantId: string } | { ok: false; error: string }

export interface AccessTokenService {
  /** `audience` defaults to the service's `resource`. */
  issue(clientId: string, credential: CredentialKind, audience?: string): IssuedAccessToken
  /** Accepts only tokens issued for `audience` (default: the service's `resource`). */
  verify(authorization?: string, audience?: string): BearerCheck
  /** Every token issued so far stops verifying; tokens issued later are unaffected. */
  revokeAll(): void
  setLifetime(seconds: number): void
  issued(): string[]
}

export function createAccessTokenService(o: {
  tenantId: string
  resource: string
  lifetimeSeconds: number
  now: () => number
  /** Injected only by tests that need two services sharing one key. */
  signingKey?: SigningKey
}): AccessTokenService {
  const key = o.signingKey ?? createSigningKey()
  const issuer = `https://sts.windows.net/${o.tenantId}/`
  let lifetime = o.lifetimeSeconds
  const tokens: string[] = []
  const liveTokenIds = new Set<string>()
  const revokedTokenIds = new Set<string>()

  return {
    issue(clientId, credential, audience = o.resource) {
      const now = Math.floor(o.now() / 1000)
      const tokenId = randomUUID()
      const claims = {
        aud: audience,
        iss: issuer,
        iat: now - SKEW_SECONDS,
        nbf: now - SKEW_SECONDS,
        exp: now + lifetime,
        aio: randomUUID().replace(/-/g, ''),
        appid: clientId,
        // 1 = client secret, 2 = certificate or client assertion.
        appidacr: credential === 'secret' ? '1' : '2',
        idp: issuer,
        idtyp: 'app',
        oid: servicePrincipalId(o.tenantId, clientId),
        sub: servicePrincipalId(o.tenantId, clientId),
        tid: o.tenantId,
        uti: tokenId,
        ver: '1.0'
      }
      const token = signJwt(key, claims)
      tokens.push(token)
      liveTokenIds.add(tokenId)
      return { token, expiresIn: lifetime, expiresOn: claims.exp, notBefore: claims.nbf }
    },

    verify(authorization, audience = o.resource) {
      if (!authorization) return { ok: false, error: 'The Authorization header is missing.' }
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim())
      if (!match) return { ok: false, error: 'The Authorization header is not a Bearer token.' }
      const jwt = decodeJwt(match[1])
      if (!jwt) return { ok: false, error: 'The bearer token is malformed.' }
      if (!hasValidSignature(jwt, key.publicKey)) {
        return { ok: false, error: 'The bearer token signature is invalid.' }
      }
      const claims = jwt.payload
      if (claims.aud !== audience) {
        return { ok: false, error: `The bearer token audience is not ${audience}.` }
      }
      if (claims.iss !== issuer) return { ok: false, error: 'The bearer token issuer is invalid.' }
      const now = o.now() / 1000
      if (typeof claims.exp !== 'number' || claims.exp <= now) {
        return { ok: false, error: 'The bearer token is expired.' }
      }
      if (typeof claims.nbf !== 'number' || claims.nbf > now) {
        return { ok: false, error: 'The bearer token is not yet valid.' }
      }
      if (typeof claims.uti !== 'string' || revokedTokenIds.has(claims.uti)) {
        return { ok: false, error: 'The bearer token is expired.' }
      }
      return { ok: true, clientId: String(claims.appid), tenantId: String(claims.tid) }
    },

    revokeAll() {
      for (const id of liveTokenIds) revokedTokenIds.add(id)
      liveTokenIds.clear()
    },

    setLifetime(seconds) {
      lifetime = seconds
    },

    issued: () => [...tokens]
  }
}

/** A stable GUID per app, standing in for its service principal's object id. */
function servicePrincipalId(tenantId: string, clientId: string): string {
  const hex = createHash('sha256').update(`${tenantId}/${clientId}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
