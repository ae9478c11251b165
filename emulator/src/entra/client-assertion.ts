/**
 * Workload identity federation: whether a client assertion (a GitHub OIDC token) may stand in for
 * an app's secret. Entra matches the assertion's issuer, subject and audience exactly
 * (case-sensitive since 2024) against the app's federated identity credentials.
 *
 * The order of the checks (issuer, signature, subject, audience, time) is inferred. Every issuer
 * is verified with the built-in issuer's key: the emulator cannot fetch keys from a real issuer,
 * and a pretend issuer lets tests present an assertion that only the issuer check rejects.
 */
import type { KeyObject } from 'node:crypto'
import { aad, type AadError } from './aad-errors.js'
import { decodeJwt, hasValidSignature } from './jwt.js'
import type { EntraApp, FederatedCredential } from './types.js'

export const BUILTIN_ISSUER = 'builtin'

export interface AssertionContext {
  builtinIssuer: string
  publicKey: KeyObject
  nowMs: number
}

/** undefined when the assertion is acceptable, else the AADSTS error Entra would answer. */
export function checkClientAssertion(
  assertion: string,
  app: EntraApp,
  context: AssertionContext
): AadError | undefined {
  const jwt = decodeJwt(assertion)
  if (!jwt) return aad.malformedAssertion()
  const credentials = app.federatedCredentials ?? []
  if (credentials.length === 0) {
    return aad.noFederatedCredentials(app.clientId, app.displayName ?? app.clientId)
  }

  const { iss, sub, aud, nbf, exp } = jwt.payload
  const byIssuer = credentials.filter(c => issuerUrl(c, context.builtinIssuer) === iss)
  if (byIssuer.length === 0) return aad.assertionIssuerMismatch(String(iss ?? ''))
  if (!hasValidSignature(jwt, context.publicKey)) return aad.assertionSignature()

  const bySubject = byIssuer.filter(c => c.subject === sub)
  if (bySubject.length === 0) return aad.assertionSubjectMismatch(String(sub ?? ''))
  const audiences = Array.isArray(aud) ? aud : [aud]
  if (!bySubject.some(c => audiences.some(a => c.audiences.includes(String(a))))) {
    return aad.assertionAudienceMismatch(audiences.join(', '))
  }

  // No clock-skew allowance here (inferred), so an assertion minted with exp_in=-1 fails at once.
  const nowSeconds = context.nowMs / 1000
  if (typeof exp !== 'number' || typeof nbf !== 'number' || exp <= nowSeconds || nbf > nowSeconds) {
    return aad.assertionTimeRange(
      new Date(context.nowMs),
      new Date(Number(nbf) * 1000 || 0),
      new Date(Number(exp) * 1000 || 0)
    )
  }
  return undefined
}

function issuerUrl(credential: FederatedCredential, builtinIssuer: string): string {
  return credential.issuer === BUILTIN_ISSUER ? builtinIssuer : credential.issuer
}
