/**
 * The emulator's Entra ID: token endpoints (v1 and v2, client secret or GitHub OIDC assertion),
 * the bearer check the Ingestion API applies, and a GitHub OIDC test issuer under
 * `/_emulator/oidc`. The server (emulator.ts) routes requests here first.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createAccessTokenService, type BearerCheck } from './access-tokens.js'
import { createGithubOidcIssuer } from './github-oidc.js'
import { createTokenEndpoint } from './token-endpoint.js'
import type { EntraOptions } from './types.js'

export type { EntraApp, EntraOptions, FederatedCredential } from './types.js'
export { BUILTIN_ISSUER } from './client-assertion.js'

export interface Entra {
  /** false when the path is not Entra's or the OIDC issuer's. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<boolean>
  /** `audience` defaults to EntraOptions.resource. */
  verifyBearer(authorization?: string, audience?: string): BearerCheck
  /** Every access token issued so far stops verifying: simulates expiry in the middle of a run. */
  expireAllTokens(): void
  setTokenLifetime(seconds: number): void
  /** Every access token issued and every client assertion presented (for secret-leak tests). */
  issued(): { accessTokens: string[]; assertions: string[] }
  oidcInfo(): { issuer: string; requestUrl: string; requestToken: string }
}

export function createEntra(o: EntraOptions): Entra {
  const tokens = createAccessTokenService({
    tenantId: o.tenantId,
    resource: o.resource,
    lifetimeSeconds: o.tokenLifetimeSeconds,
    now: o.now
  })
  const oidc = createGithubOidcIssuer({
    origin: o.origin,
    now: o.now,
    defaultSubject: o.oidcSubject
  })
  const tokenEndpoint = createTokenEndpoint(o, tokens, oidc)

  return {
    handle: async (req, res, url, body) =>
      oidc.handle(req, res, url) || tokenEndpoint.handle(req, res, url, body),
    verifyBearer: (authorization, audience) => tokens.verify(authorization, audience),
    expireAllTokens: () => tokens.revokeAll(),
    setTokenLifetime: seconds => tokens.setLifetime(seconds),
    issued: () => ({
      accessTokens: tokens.issued(),
      assertions: [...new Set([...oidc.minted(), ...tokenEndpoint.assertionsSeen()])]
    }),
    oidcInfo: () => oidc.info()
  }
}
