/**
 * Entra ID's token endpoints for the client-credentials grant (ingestion-v1.md §1):
 * `POST /{tenant}/oauth2/token` (v1: `resource`, numeric fields as strings) and
 * `POST /{tenant}/oauth2/v2.0/token` (v2: `scope=<resource>/.default`, numeric fields as numbers).
 * Both accept a client secret or a client assertion (workload identity federation).
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AccessTokenService } from './access-tokens.js'
import { aad, sendAadError, sendTokenEndpointJson, type AadError } from './aad-errors.js'
import { checkClientAssertion } from './client-assertion.js'
import type { GithubOidcIssuer } from './github-oidc.js'
import type { EntraApp, EntraOptions } from './types.js'

const TOKEN_PATH = /^\/([^/]+)\/oauth2\/(v2\.0\/)?token\/?$/i
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DNS_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i

export interface TokenEndpoint {
  /** false when the path is not a token endpoint. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): boolean
  assertionsSeen(): string[]
}

type Granted = { app: EntraApp; credential: 'secret' | 'assertion'; resource: string }

export function createTokenEndpoint(
  o: EntraOptions,
  tokens: AccessTokenService,
  oidc: GithubOidcIssuer
): TokenEndpoint {
  const assertions: string[] = []

  function authenticate(form: URLSearchParams, v2: boolean, tenant: string): Granted | AadError {
    const grantType = form.get('grant_type')
    if (!grantType) return aad.missingParameter('grant_type')
    if (grantType !== 'client_credentials') return aad.unsupportedGrantType(grantType)
    const clientId = form.get('client_id')
    if (!clientId) return aad.missingParameter('client_id')

    const target = v2 ? form.get('scope') : form.get('resource')
    if (!target) return aad.missingParameter(v2 ? 'scope' : 'resource')
    if (v2 && !target.endsWith('/.default')) return aad.scopeWithoutDefault(target)
    const requested = v2 ? target.slice(0, -'/.default'.length) : target
    const resource = [o.resource, ...(o.otherResources ?? [])].find(
      known => known === requested.replace(/\/$/, '')
    )
    if (!resource) return aad.unknownResource(requested, tenant)

    const app = o.apps.find(a => a.clientId.toLowerCase() === clientId.toLowerCase())
    if (!app) return aad.unknownApplication(clientId, tenant)

    const assertion = form.get('client_assertion')
    if (assertion !== null) {
      assertions.push(assertion)
      // A wrong assertion type is answered like a missing one (inferred).
      if (form.get('client_assertion_type') !== JWT_BEARER) {
        return aad.missingParameter('client_assertion_type')
      }
      const failure = checkClientAssertion(assertion, app, {
        builtinIssuer: oidc.issuer(),
        publicKey: oidc.key.publicKey,
        nowMs: o.now()
      })
      return failure ?? { app, credential: 'assertion', resource }
    }
    const secret = form.get('client_secret')
    if (secret === null) return aad.missingClientCredential()
    if (app.clientSecret === undefined || secret !== app.clientSecret) {
      return aad.wrongSecret(app.clientId)
    }
    return { app, credential: 'secret', resource }
  }

  return {
    handle(req, res, url, body) {
      const match = TOKEN_PATH.exec(url.pathname)
      if (!match) return false
      const v2 = match[2] !== undefined
      const tenant = decodeURIComponent(match[1])
      const header = req.headers['client-request-id']
      const correlationId = typeof header === 'string' && header ? header : randomUUID()
      const fail = (failure: AadError): void => sendAadError(res, failure, o.now(), correlationId)

      if (tenant.toLowerCase() !== o.tenantId.toLowerCase()) {
        const wellFormed = GUID.test(tenant) || DNS_NAME.test(tenant)
        fail(wellFormed ? aad.unknownTenant(tenant) : aad.malformedTenant(tenant))
        return true
      }
      if (req.method !== 'POST') {
        fail(aad.methodNotAllowed(req.method ?? 'GET'))
        return true
      }
      const granted = authenticate(new URLSearchParams(body.toString('utf8')), v2, tenant)
      if ('status' in granted) {
        fail(granted)
        return true
      }

      const issued = tokens.issue(granted.app.clientId, granted.credential, granted.resource)
      const reply = v2
        ? {
            token_type: 'Bearer',
            expires_in: issued.expiresIn,
            ext_expires_in: issued.expiresIn,
            access_token: issued.token
          }
        : {
            token_type: 'Bearer',
            expires_in: String(issued.expiresIn),
            ext_expires_in: String(issued.expiresIn),
            expires_on: String(issued.expiresOn),
            not_before: String(issued.notBefore),
            resource: granted.resource,
            access_token: issued.token
          }
      sendTokenEndpointJson(res, 200, reply, randomUUID(), correlationId)
      return true
    },
    assertionsSeen: () => [...assertions]
  }
}
