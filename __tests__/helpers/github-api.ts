/**
 * A small stand-in of the GitHub REST API on loopback, for the tests of what the action does on
 * GitHub: deployments and their statuses, releases and their assets, and issue (pull request)
 * comments. The action finds it through GITHUB_API_URL, as the runner sets it; nothing here ever
 * reaches api.github.com.
 *
 * It checks the token (`Authorization: token …` or `Bearer …`) and what the token may do, as the
 * job's `permissions:` decide for GITHUB_TOKEN: a write needs `write`, a read `read` or `write`,
 * and a refused call answers 403 `Resource not accessible by integration`. Lists page with
 * `per_page`/`page` and a `Link` header, newest first where GitHub lists newest first. An asset
 * download with `Accept: application/octet-stream` is redirected (302) to a signed URL on the
 * same server, as GitHub redirects to its storage.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** The job's `permissions:` as GitHub gives them to the token: scope → `read` or `write`. */
export type Permissions = Record<string, 'read' | 'write' | 'none'>

export interface LoggedCall {
  method: string
  /** Path without the query. */
  path: string
  status: number
}

export interface Deployment {
  id: number
  ref: string
  sha: string
  task: string
  environment: string
  description: string | null
  payload: unknown
  production_environment: boolean
  created_at: string
  statuses: DeploymentStatus[]
}

export interface DeploymentStatus {
  id: number
  state: string
  description: string
  environment_url: string
  log_url: string
  created_at: string
}

export interface Release {
  id: number
  tag_name: string
  body: string | null
  assets: Asset[]
}

export interface Asset {
  id: number
  name: string
  size: number
  content_type: string
  data: Buffer
}

export interface Comment {
  id: number
  issue: number
  body: string
  user: { login: string }
}

export interface GitHubApiStandIn {
  /** `http://127.0.0.1:<port>`: GITHUB_API_URL. */
  url: string
  token: string
  repository: string
  /** What the token may do; replace it to model a job's `permissions:`. */
  permissions: Permissions
  deployments: Deployment[]
  releases: Release[]
  comments: Comment[]
  log: LoggedCall[]
  /** Adds a release with assets; resolves with it. */
  addRelease(tag: string, body: string | null, assets?: { name: string; data: Buffer }[]): Release
  /** The secrets it handed out or accepts (token, download signatures), for leak checks. */
  secrets(): string[]
  close(): Promise<void>
}

export interface StandInOptions {
  repository?: string
  permissions?: Permissions
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

type Handler = (call: Call) => Reply | Promise<Reply>
interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}
interface Call {
  method: string
  params: Record<string, string>
  query: URLSearchParams
  body: Record<string, unknown>
  headers: IncomingMessage['headers']
  url: URL
}

export async function startGitHubApi(options: StandInOptions = {}): Promise<GitHubApiStandIn> {
  const repository = options.repository ?? 'contoso/marketplace-offers'
  const token = `ghs_${randomBytes(18).toString('hex')}`
  const signatures: string[] = []
  let nextId = 1000
  const id = (): number => nextId++
  const now = (): string => new Date().toISOString()

  const api: GitHubApiStandIn = {
    url: '',
    token,
    repository,
    permissions: options.permissions ?? {
      contents: 'read',
      deployments: 'write',
      'pull-requests': 'write'
    },
    deployments: [],
    releases: [],
    comments: [],
    log: [],
    addRelease(tag, body, assets = []) {
      const release: Release = {
        id: id(),
        tag_name: tag,
        body,
        assets: assets.map(a => ({
          id: id(),
          name: a.name,
          size: a.data.length,
          content_type: 'application/zip',
          data: a.data
        }))
      }
      api.releases.push(release)
      return release
    },
    secrets: () => [token, ...signatures],
    close: () => new Promise(done => server.close(() => done()))
  }

  /** Any of `scopes` granting `level` will do (a pull request's comments: issues or pull-requests). */
  const may = (scopes: string | string[], level: 'read' | 'write'): void => {
    for (const scope of [scopes].flat()) {
      const granted = api.permissions[scope] ?? 'none'
      if (granted === 'write' || (level === 'read' && granted === 'read')) return
    }
    throw new HttpError(403, 'Resource not accessible by integration')
  }
  const deployment = (call: Call): Deployment => {
    const found = api.deployments.find(d => d.id === Number(call.params.id))
    if (!found) throw new HttpError(404, 'Not Found')
    return found
  }
  const release = (releaseId: number): Release => {
    const found = api.releases.find(r => r.id === releaseId)
    if (!found) throw new HttpError(404, 'Not Found')
    return found
  }
  const asset = (assetId: number): Asset => {
    const found = api.releases.flatMap(r => r.assets).find(a => a.id === assetId)
    if (!found) throw new HttpError(404, 'Not Found')
    return found
  }
  const assetView = (a: Asset) => ({
    id: a.id,
    name: a.name,
    size: a.size,
    content_type: a.content_type,
    url: `${api.url}/repos/${repository}/releases/assets/${a.id}`
  })
  const deploymentView = ({ statuses: _statuses, ...d }: Deployment) => d
  const required = (call: Call, field: string): string => {
    const value = call.body[field]
    if (typeof value !== 'string' || value === '')
      throw new HttpError(422, `Invalid request: "${field}" is required`)
    return value
  }

  const repo = `/repos/${repository}`
  const routes: Array<[string, string, Handler]> = [
    [
      'GET',
      `${repo}/deployments`,
      call => {
        may('deployments', 'read')
        const filters = ['environment', 'task', 'ref', 'sha'] as const
        const matching = api.deployments
          .filter(d => filters.every(f => !call.query.has(f) || call.query.get(f) === d[f]))
          .reverse()
        return page(call, matching.map(deploymentView))
      }
    ],
    [
      'POST',
      `${repo}/deployments`,
      call => {
        may('deployments', 'write')
        const ref = required(call, 'ref')
        const created: Deployment = {
          id: id(),
          ref,
          sha: /^[0-9a-f]{40}$/.test(ref) ? ref : 'f'.repeat(40),
          task: typeof call.body.task === 'string' ? call.body.task : 'deploy',
          environment:
            typeof call.body.environment === 'string' ? call.body.environment : 'production',
          description: typeof call.body.description === 'string' ? call.body.description : null,
          payload: call.body.payload ?? {},
          production_environment: call.body.production_environment === true,
          created_at: now(),
          statuses: []
        }
        api.deployments.push(created)
        return { status: 201, body: deploymentView(created) }
      }
    ],
    [
      'GET',
      `${repo}/deployments/:id/statuses`,
      call => {
        may('deployments', 'read')
        return page(call, [...deployment(call).statuses].reverse())
      }
    ],
    [
      'POST',
      `${repo}/deployments/:id/statuses`,
      call => {
        may('deployments', 'write')
        const target = deployment(call)
        const state = required(call, 'state')
        const states = [
          'error',
          'failure',
          'inactive',
          'in_progress',
          'queued',
          'pending',
          'success'
        ]
        if (!states.includes(state)) throw new HttpError(422, `Invalid state: ${state}`)
        const status: DeploymentStatus = {
          id: id(),
          state,
          description: typeof call.body.description === 'string' ? call.body.description : '',
          environment_url:
            typeof call.body.environment_url === 'string' ? call.body.environment_url : '',
          log_url: typeof call.body.log_url === 'string' ? call.body.log_url : '',
          created_at: now()
        }
        if (status.description.length > 140)
          throw new HttpError(422, 'description is too long (maximum is 140 characters)')
        target.statuses.push(status)
        // auto_inactive (default true): earlier successful deployments of the environment go inactive.
        if (state === 'success' && call.body.auto_inactive !== false) {
          for (const other of api.deployments) {
            if (other === target || other.environment !== target.environment) continue
            if (other.statuses.at(-1)?.state === 'success')
              other.statuses.push({ ...status, id: id(), state: 'inactive', description: '' })
          }
        }
        return { status: 201, body: status }
      }
    ],
    [
      'GET',
      `${repo}/releases/tags/:tag`,
      call => {
        may('contents', 'read')
        const found = api.releases.find(r => r.tag_name === call.params.tag)
        if (!found) throw new HttpError(404, 'Not Found')
        return { status: 200, body: { ...found, assets: found.assets.map(assetView) } }
      }
    ],
    [
      'GET',
      `${repo}/releases/:id/assets`,
      call => {
        may('contents', 'read')
        return page(call, release(Number(call.params.id)).assets.map(assetView))
      }
    ],
    [
      'GET',
      `${repo}/releases/assets/:id`,
      call => {
        may('contents', 'read')
        const found = asset(Number(call.params.id))
        if (call.headers.accept !== 'application/octet-stream')
          return { status: 200, body: assetView(found) }
        const sig = randomBytes(16).toString('hex')
        signatures.push(sig)
        return {
          status: 302,
          headers: { location: `${api.url}/_downloads/${found.id}?sig=${sig}` }
        }
      }
    ],
    [
      'GET',
      `${repo}/issues/:number/comments`,
      call => {
        may(['issues', 'pull-requests'], 'read')
        const issue = Number(call.params.number)
        return page(
          call,
          api.comments.filter(c => c.issue === issue)
        )
      }
    ],
    [
      'POST',
      `${repo}/issues/:number/comments`,
      call => {
        may(['issues', 'pull-requests'], 'write')
        const comment: Comment = {
          id: id(),
          issue: Number(call.params.number),
          body: required(call, 'body'),
          user: { login: 'github-actions[bot]' }
        }
        api.comments.push(comment)
        return { status: 201, body: comment }
      }
    ],
    [
      'PATCH',
      `${repo}/issues/comments/:id`,
      call => {
        may(['issues', 'pull-requests'], 'write')
        const comment = api.comments.find(c => c.id === Number(call.params.id))
        if (!comment) throw new HttpError(404, 'Not Found')
        comment.body = required(call, 'body')
        return { status: 200, body: comment }
      }
    ]
  ]

  /** `per_page` (default 30, at most 100) and `page`, with GitHub's `Link: <…>; rel="next"`. */
  const page = (call: Call, items: unknown[]): Reply => {
    const perPage = Math.min(100, Number(call.query.get('per_page') ?? 30))
    const number = Number(call.query.get('page') ?? 1)
    const slice = items.slice((number - 1) * perPage, number * perPage)
    const headers: Record<string, string> = {}
    if (number * perPage < items.length) {
      const next = new URL(call.url)
      next.searchParams.set('page', String(number + 1))
      headers.link = `<${next.href}>; rel="next"`
    }
    return { status: 200, body: slice, headers }
  }

  const download = (url: URL): Reply & { data?: Buffer } => {
    const found = api.releases
      .flatMap(r => r.assets)
      .find(a => url.pathname === `/_downloads/${a.id}`)
    if (!found || !signatures.includes(url.searchParams.get('sig') ?? ''))
      return { status: 403, body: { message: 'Signature does not match' } }
    return { status: 200, data: found.data }
  }

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', api.url)
    const method = request.method ?? 'GET'
    const send = (reply: Reply & { data?: Buffer }): void => {
      api.log.push({ method, path: url.pathname, status: reply.status })
      if (reply.data) {
        response.writeHead(reply.status, { 'content-type': 'application/octet-stream' })
        response.end(reply.data)
        return
      }
      response.writeHead(reply.status, {
        'content-type': 'application/json; charset=utf-8',
        ...reply.headers
      })
      response.end(reply.body === undefined ? '' : JSON.stringify(reply.body))
    }
    if (url.pathname.startsWith('/_downloads/')) return send(download(url))
    try {
      const auth = request.headers.authorization ?? ''
      if (auth !== `token ${token}` && auth !== `Bearer ${token}`)
        throw new HttpError(401, 'Bad credentials')
      const text = await readBody(request)
      const body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>)
      for (const [routeMethod, pattern, handler] of routes) {
        const params = match(pattern, url.pathname)
        if (routeMethod !== method || !params) continue
        return send(
          await handler({
            method,
            params,
            query: url.searchParams,
            body,
            headers: request.headers,
            url
          })
        )
      }
      throw new HttpError(404, 'Not Found')
    } catch (error) {
      if (!(error instanceof HttpError)) throw error
      send({
        status: error.status,
        body: { message: error.message, documentation_url: 'https://docs.github.com/rest' }
      })
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(error => {
      response.writeHead(500)
      response.end(String(error))
    })
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', () => done()))
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return api
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const names: string[] = []
  const regex = new RegExp(
    `^${pattern.replace(/:([a-z]+)/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`
  )
  const found = regex.exec(path)
  if (!found) return undefined
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]))
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    request.setEncoding('utf8')
    request.on('data', chunk => (text += chunk))
    request.on('end', () => resolve(text))
    request.on('error', reject)
  })
}
