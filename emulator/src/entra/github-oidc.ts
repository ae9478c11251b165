/**
 * A stand-in for GitHub Actions' OIDC token service, so tests can exercise `core.getIDToken()`
 * and the federated-credential login without GitHub. It answers the request @actions/core makes
 * (`GET ${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=<aud>` with `Authorization: Bearer
 * ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`, reading `value` from the JSON reply) and publishes its
 * discovery document and keys like token.actions.githubusercontent.com does.
 *
 * Query overrides let a test mint wrong assertions: `sub`, `iss` (a pretend issuer, still signed
 * with this key), `exp_in` (seconds from now; negative = already expired) and `sign=bad`.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { corruptSignature, createSigningKey, publicJwk, signJwt, type SigningKey } from './jwt.js'

export const OIDC_PATH = '/_emulator/oidc'

/** GitHub's ID tokens are valid for five minutes. */
const DEFAULT_LIFETIME_SECONDS = 300

export interface GithubOidcIssuer {
  /** Serves `/_emulator/oidc/...`; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean
  issuer(): string
  info(): { issuer: string; requestUrl: string; requestToken: string }
  key: SigningKey
  minted(): string[]
}

export function createGithubOidcIssuer(o: {
  origin: () => string
  now: () => number
  defaultSubject: string
}): GithubOidcIssuer {
  const key = createSigningKey()
  const requestToken = randomBytes(32).toString('base64url')
  const minted: string[] = []
  const issuer = (): string => `${o.origin()}${OIDC_PATH}`

  function mint(query: URLSearchParams): string {
    const subject = query.get('sub') ?? o.defaultSubject
    const context = workflowContext(subject)
    const now = Math.floor(o.now() / 1000)
    const expiresIn = numberOr(query.get('exp_in'), DEFAULT_LIFETIME_SECONDS)
    const exp = now + expiresIn
    const issuedAt = Math.min(now, exp - DEFAULT_LIFETIME_SECONDS)
    const token = signJwt(key, {
      jti: randomUUID(),
      sub: subject,
      aud: query.get('audience') ?? `https://github.com/${context.owner}`,
      ...context.claims,
      iss: query.get('iss') ?? issuer(),
      nbf: issuedAt,
      exp,
      iat: issuedAt
    })
    return query.get('sign') === 'bad' ? corruptSignature(token) : token
  }

  return {
    handle(req, res, url) {
      const path = url.pathname.replace(/\/+$/, '')
      if (path !== OIDC_PATH && !path.startsWith(`${OIDC_PATH}/`)) return false
      if (req.method !== 'GET') {
        sendJson(res, 405, { message: 'Method not allowed' })
        return true
      }
      if (path === `${OIDC_PATH}/.well-known/openid-configuration`) {
        sendJson(res, 200, discoveryDocument(issuer()))
      } else if (path === `${OIDC_PATH}/.well-known/jwks`) {
        sendJson(res, 200, { keys: [publicJwk(key)] })
      } else if (path === `${OIDC_PATH}/token`) {
        if (req.headers.authorization !== `Bearer ${requestToken}`) {
          sendJson(res, 401, { message: 'Bad credentials' })
        } else {
          const token = mint(url.searchParams)
          minted.push(token)
          sendJson(res, 200, { count: 1, value: token })
        }
      } else {
        sendJson(res, 404, { message: 'Not Found' })
      }
      return true
    },
    issuer,
    info: () => ({
      issuer: issuer(),
      // @actions/core appends `&audience=...`, so the URL already carries a query.
      requestUrl: `${issuer()}/token?api-version=2.0`,
      requestToken
    }),
    key,
    minted: () => [...minted]
  }
}

/**
 * The workflow claims GitHub puts next to `sub`, derived from a subject such as
 * `repo:contoso/marketplace-offers:ref:refs/tags/v1.2.3` or `repo:o/r:environment:prod`.
 */
function workflowContext(subject: string): { owner: string; claims: Record<string, unknown> } {
  const match = /^repo:([^/:]+)\/([^:]+):(.*)$/.exec(subject)
  const owner = match?.[1] ?? 'contoso'
  const repository = match ? `${match[1]}/${match[2]}` : 'contoso/marketplace-offers'
  const scope = match?.[3] ?? ''
  const ref = scope.startsWith('ref:') ? scope.slice(4) : 'refs/heads/main'
  const environment = scope.startsWith('environment:') ? scope.slice(12) : undefined
  const sha = createHash('sha1').update(subject).digest('hex')
  const workflowRef = `${repository}/.github/workflows/publish.yml@${ref}`
  return {
    owner,
    claims: {
      ref,
      sha,
      repository,
      repository_owner: owner,
      repository_owner_id: '1024',
      repository_id: '4096',
      repository_visibility: 'private',
      run_id: '8192',
      run_number: '1',
      run_attempt: '1',
      actor: owner,
      actor_id: '1024',
      workflow: 'Publish marketplace offers',
      head_ref: '',
      base_ref: '',
      event_name: scope === 'pull_request' ? 'pull_request' : 'push',
      ref_protected: 'false',
      ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      workflow_ref: workflowRef,
      workflow_sha: sha,
      job_workflow_ref: workflowRef,
      job_workflow_sha: sha,
      runner_environment: 'github-hosted',
      ...(environment === undefined ? {} : { environment })
    }
  }
}

function discoveryDocument(issuer: string): Record<string, unknown> {
  return {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks`,
    subject_types_supported: ['public', 'pairwise'],
    response_types_supported: ['id_token'],
    claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'ref', 'sha', 'repository'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid']
  }
}

function numberOr(text: string | null, fallback: number): number {
  const value = text === null ? NaN : Number(text)
  return Number.isFinite(value) ? value : fallback
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}
