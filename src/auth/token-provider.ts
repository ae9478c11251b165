/**
 * Access tokens for one API (its Entra resource) from Entra ID: a client secret at the v1 endpoint
 * (ingestion-v1.md §1), or, without one, a GitHub OIDC assertion exchanged at the v2 endpoint.
 * One provider per resource: the Ingestion API (`https://api.partner.microsoft.com`) and the
 * Graph product-ingestion API (`https://graph.microsoft.com`, product-ingestion.md §2) each
 * refuse the other's token. Tokens are cached and refreshed when less than five minutes remain,
 * because polling a certification can outlive a token (navcontainerhelper#2673).
 */
import * as core from '@actions/core'
import type { Clock } from '../clock.js'
import { PublishError, isPublishError } from '../errors.js'
import { connectionError, httpError } from '../http/http-error.js'
import { redact, registerSecret } from '../http/redact.js'
import type { HttpRequest, Transport } from '../http/types.js'
import { DEFAULTS, INPUT_NAMES, inputRef, type Settings } from '../settings.js'
import { entraHint } from './entra-hints.js'
import { noSignIn, oidcAvailable } from './sign-in.js'
import { parseTokenReply, type IssuedToken } from './token-reply.js'
import type { TokenProvider } from './types.js'

/** The Entra resource of the Ingestion API v1. */
export const INGESTION_RESOURCE = 'https://api.partner.microsoft.com'
/** The Entra resource of the Graph product-ingestion API. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com'
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
const REFRESH_MARGIN_MS = 5 * 60_000

export interface TokenProviderOptions {
  settings: Pick<
    Settings,
    'tenantId' | 'clientId' | 'clientSecret' | 'oidcAudience' | 'authorityHost'
  >
  transport: Transport
  clock: Clock
  /** The API the tokens are for; INGESTION_RESOURCE by default. */
  resource?: string
  /** GitHub's OIDC token for an audience; `core.getIDToken` by default. */
  getIdToken?: (audience: string) => Promise<string>
  /** Where the ACTIONS_ID_TOKEN_REQUEST_* variables are read; `process.env` by default. */
  env?: NodeJS.ProcessEnv
}

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const { settings, transport, clock } = options
  const resource = options.resource ?? INGESTION_RESOURCE
  const getIdToken = options.getIdToken ?? core.getIDToken
  const env = options.env ?? process.env
  const authority = `${settings.authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(settings.tenantId)}`
  const secret = settings.clientSecret
  if (secret) registerSecret(secret)

  let cached: IssuedToken | undefined
  // Offers published concurrently share one refresh instead of each asking Entra.
  let pending: Promise<IssuedToken> | undefined

  async function requestToken(): Promise<IssuedToken> {
    // Client secret: the v1 endpoint with `resource` (§1). OIDC: the v2 endpoint with `scope`,
    // which is where Entra accepts federated assertions.
    const [path, fields] = secret
      ? [
          'oauth2/token',
          {
            grant_type: 'client_credentials',
            client_id: settings.clientId,
            client_secret: secret,
            resource
          }
        ]
      : [
          'oauth2/v2.0/token',
          {
            grant_type: 'client_credentials',
            client_id: settings.clientId,
            scope: `${resource}/.default`,
            client_assertion_type: ASSERTION_TYPE,
            client_assertion: await githubAssertion()
          }
        ]
    const request: HttpRequest = {
      method: 'POST',
      url: `${authority}/${path}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(fields).toString(),
      phase: 'token',
      retry: true
    }
    const sentAt = clock.now()
    const response = await transport.send(request).catch((error: unknown) => {
      throw connectionError(
        error,
        'Microsoft Entra ID',
        settings.authorityHost,
        `Check ${inputRef(INPUT_NAMES.authorityHost)}: it is ${settings.authorityHost} in this run (default ${DEFAULTS.authorityHost}).`
      )
    })
    if (response.status !== 200)
      throw tokenError(
        request,
        response,
        `get an access token for ${resource} from Microsoft Entra ID`
      )
    const issued = parseTokenReply(response.text, sentAt, {
      method: 'POST',
      path: new URL(request.url).pathname
    })
    registerSecret(issued.accessToken)
    return issued
  }

  /** A fresh assertion per exchange: GitHub's tokens are short-lived (minutes). */
  async function githubAssertion(): Promise<string> {
    // The run checks this before it starts (sign-in.ts); a caller that skips the run is refused too.
    if (!oidcAvailable(env)) throw noSignIn()
    try {
      const assertion = await getIdToken(settings.oidcAudience)
      registerSecret(assertion)
      return assertion
    } catch (error) {
      if (isPublishError(error)) throw error
      const reason = error instanceof Error ? error.message : String(error)
      throw new PublishError(
        'AUTH_OIDC_UNAVAILABLE',
        redact(
          `Could not get a GitHub OIDC token for audience '${settings.oidcAudience}': ${reason}`
        ),
        { hint: "Grant the job 'permissions: id-token: write'." }
      )
    }
  }

  return {
    async getToken() {
      if (cached && cached.expiresAt - clock.now() > REFRESH_MARGIN_MS) return cached.accessToken
      pending ??= requestToken().finally(() => {
        pending = undefined
      })
      cached = await pending
      return cached.accessToken
    },
    invalidate() {
      cached = undefined
    }
  }
}

/**
 * Entra's own replies (4xx with an AADSTS code) are credential problems: AUTH_FAILED with a hint
 * for that code. A 5xx without one is the service failing: HTTP_STATUS.
 */
function tokenError(
  request: HttpRequest,
  response: Parameters<typeof httpError>[1],
  what: string
): PublishError {
  const base = httpError(request, response, what)
  const isEntraVerdict = response.status < 500 || /^AADSTS/i.test(base.details.serviceCode ?? '')
  if (!isEntraVerdict) return base
  return new PublishError('AUTH_FAILED', base.message, {
    ...base.details,
    hint: entraHint(base.details.serviceCode)
  })
}
