/**
 * Compact RS256 JSON Web Tokens with node:crypto only: the emulator signs real tokens so that
 * clients which decode them (expiry, audience) see what Entra ID and GitHub would send.
 */
import { createHash, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'

export interface SigningKey {
  /** Key id in the JWT header and the JWKS, like the thumbprints Entra and GitHub publish. */
  kid: string
  privateKey: KeyObject
  publicKey: KeyObject
}

export type JwtClaims = Record<string, unknown>

export interface DecodedJwt {
  header: JwtClaims
  payload: JwtClaims
  signingInput: string
  signature: Buffer
}

export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const der = publicKey.export({ type: 'spki', format: 'der' })
  const kid = createHash('sha1').update(der).digest('base64url')
  return { kid, privateKey, publicKey }
}

export function signJwt(key: SigningKey, payload: JwtClaims): string {
  // Entra and GitHub both send x5t next to kid; clients that pick a key by either find it.
  const header = { typ: 'JWT', alg: 'RS256', x5t: key.kid, kid: key.kid }
  const signingInput = `${encodeSegment(header)}.${encodeSegment(payload)}`
  const signature = sign('sha256', Buffer.from(signingInput), key.privateKey)
  return `${signingInput}.${signature.toString('base64url')}`
}

/** A token whose signature cannot verify: same claims, signature bytes inverted. */
export function corruptSignature(token: string): string {
  const [header, payload, signature] = token.split('.')
  const inverted = Buffer.from(signature, 'base64url').map(byte => byte ^ 0xff)
  return `${header}.${payload}.${Buffer.from(inverted).toString('base64url')}`
}

/** Splits and parses a compact JWT; undefined when it is not one. Does not verify anything. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.')
  if (parts.length !== 3 || parts.some(part => !/^[A-Za-z0-9_-]+$/.test(part))) return undefined
  const header = parseSegment(parts[0])
  const payload = parseSegment(parts[1])
  if (!header || !payload) return undefined
  return {
    header,
    payload,
    signingInput: `${parts[0]}.${parts[1]}`,
    signature: Buffer.from(parts[2], 'base64url')
  }
}

export function hasValidSignature(jwt: DecodedJwt, publicKey: KeyObject): boolean {
  if (jwt.header.alg !== 'RS256') return false
  return verify('sha256', Buffer.from(jwt.signingInput), publicKey, jwt.signature)
}

/** The public half as a JWK entry of a `keys` document. */
export function publicJwk(key: SigningKey): Record<string, unknown> {
  const jwk = key.publicKey.export({ format: 'jwk' })
  return { kty: jwk.kty, use: 'sig', alg: 'RS256', kid: key.kid, x5t: key.kid, n: jwk.n, e: jwk.e }
}

function encodeSegment(value: JwtClaims): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function parseSegment(segment: string): JwtClaims | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as JwtClaims)
      : undefined
  } catch {
    return undefined
  }
}
