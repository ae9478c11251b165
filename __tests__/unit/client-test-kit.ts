/**
 * Shared by the client- unit tests: a real transport and the real client against a local server,
 * with a token provider stub (the boundary) that counts what it issued and forgot.
 */
import type { TokenProvider } from '../../src/auth/types.js'
import { createTransport } from '../../src/http/transport.js'
import type { Transport } from '../../src/http/types.js'
import type { IngestionApi } from '../../src/ingestion/api.js'
import { createIngestionClient } from '../../src/ingestion/client.js'
import { startServer, testClock, type Handler, type TestServer } from './http-test-kit.js'

export interface StubTokens extends TokenProvider {
  issued: number
  invalidated: number
}

/** Hands out `token-1`, `token-2`, …: a new one only after invalidate(). */
export function stubTokens(): StubTokens {
  let current: string | undefined
  const stub: StubTokens = {
    issued: 0,
    invalidated: 0,
    async getToken() {
      current ??= `token-${++stub.issued}`
      return current
    },
    invalidate() {
      stub.invalidated++
      current = undefined
    }
  }
  return stub
}

export interface ClientSetup {
  server: TestServer
  api: IngestionApi
  transport: Transport
  tokens: StubTokens
  logs: string[]
  /** `${origin}${prefix}/v1.0/ingestion` */
  baseUrl: string
}

export async function startClient(handler: Handler, prefix = ''): Promise<ClientSetup> {
  const server = await startServer(handler)
  const transport = createTransport({ clock: testClock(), random: () => 0, maxAttempts: 3 })
  const tokens = stubTokens()
  const logs: string[] = []
  const baseUrl = `${server.origin}${prefix}/v1.0/ingestion`
  const api = createIngestionClient({ baseUrl, transport, tokens, log: line => logs.push(line) })
  return { server, api, transport, tokens, logs, baseUrl }
}
