/**
 * One emulator for an end-to-end test: the action's inputs that point at it, and typed access
 * to its admin routes (state, request log, faults, issued secrets).
 */
import { afterAll, beforeAll } from '@jest/globals'
import { startEmulatorProcess, type EmulatorProcess } from '../helpers/emulator.js'
import { inputs } from '../helpers/runner.js'

export type Emulator = EmulatorProcess

export interface LoggedRequest {
  method: string
  path: string
  status: number
  /** The fault clauses that hit the request, when any did. */
  fault?: string
  /** The leniency rules the emulator needed to accept the request (emulator/README.md). */
  leniencies?: { rule: string; at: string }[]
}

export interface Session {
  emulator: Emulator
  /** The runner environment for a publish of `workspace/marketplace.yml` with these inputs. */
  env(overrides?: Record<string, string>): Record<string, string>
  requests(): Promise<LoggedRequest[]>
  state(): Promise<Record<string, unknown>>
  setFaults(spec: string): Promise<void>
  /** The model recreated from the seed; request log and faults cleared. Like stop(), it first
   *  fails when the action sent a request that only a leniency rule made acceptable. */
  reset(): Promise<void>
  /** Every secret the emulator knows or issued (client secret, tokens, assertions, SAS sigs). */
  secrets(): Promise<string[]>
  stop(): Promise<void>
}

export async function startSession(args: string[] = []): Promise<Session> {
  const emulator = await startEmulatorProcess(args)
  const { ready } = emulator
  const json = (path: string, init?: RequestInit): Promise<unknown> =>
    emulator.adminJson(path, init)
  const requests = async (): Promise<LoggedRequest[]> => listOf(await json('/requests'))
  return {
    emulator,
    env: (overrides = {}) =>
      inputs({
        'tenant-id': ready.tenantId,
        'client-id': ready.clientId,
        'client-secret': ready.clientSecret,
        manifest: 'marketplace.yml',
        'authority-host': ready.authorityHost,
        'api-base-url': ready.apiBaseUrl,
        'product-ingestion-url': ready.productIngestionUrl,
        'timeout-minutes': '5',
        ...overrides
      }),
    requests,
    state: async () => (await json('/state')) as Record<string, unknown>,
    setFaults: async spec => {
      await json('/faults', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ spec })
      })
    },
    reset: async () => {
      expectNoLeniency(await requests())
      await json('/reset', { method: 'POST' })
    },
    secrets: async () => strings(await json('/secrets')).filter(s => s.length >= 8),
    stop: async () => {
      const sent = emulator.child.exitCode === null ? await requests() : []
      await emulator.stop()
      expectNoLeniency(sent)
    }
  }
}

/**
 * The action must be spec-valid without the service's leniency (issue 13): every e2e session
 * checks its request log with this before each reset and at its end.
 */
export function expectNoLeniency(requests: LoggedRequest[]): void {
  const lenient = requests.filter(r => r.leniencies?.length)
  if (lenient.length === 0) return
  const lines = lenient.map(
    r => `${r.method} ${r.path}: ${r.leniencies!.map(l => `${l.rule} at ${l.at}`).join(', ')}`
  )
  throw new Error(
    `the action sent ${lenient.length} request(s) that the service accepts only by leniency:\n${lines.join('\n')}`
  )
}

/**
 * One session for every test in the calling file: started before the first test (beforeAll),
 * stopped after the last (afterAll). The returned object forwards to it, so use it in tests and
 * hooks only, not while the file is being loaded.
 */
export function sessionForFile(args: string[] = []): Session {
  let started: Session | undefined
  beforeAll(async () => {
    started = await startSession(args)
  })
  afterAll(async () => {
    await started?.stop()
  })
  return new Proxy({} as Session, {
    get(_, member: keyof Session) {
      if (!started) throw new Error('the e2e session starts in beforeAll: use it inside a test')
      return started[member]
    }
  })
}

function listOf<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[]
  const record = body as Record<string, unknown>
  for (const key of ['requests', 'entries', 'value'])
    if (Array.isArray(record?.[key])) return record[key] as T[]
  throw new Error(`unexpected request log shape: ${JSON.stringify(body).slice(0, 200)}`)
}

/** Every string value in a JSON document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

/** Requests to either API that change something: what a dry run must never send. */
export function writesToApi(requests: LoggedRequest[]): LoggedRequest[] {
  return requests.filter(
    r => r.method !== 'GET' && /\/v1\.0\/ingestion\/|\/rp\/product-ingestion\//i.test(r.path)
  )
}
