/**
 * Shared by the http-, auth- and client- unit tests: a Clock whose sleeps advance time instantly,
 * and a real HTTP server on a free loopback port that records what it received.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Clock } from '../../src/clock.js'

export interface TestClock extends Clock {
  /** Every wait asked for, in ms. */
  sleeps: number[]
}

export function testClock(start = Date.parse('2026-11-24T12:00:00Z')): TestClock {
  let now = start
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason
      sleeps.push(ms)
      now += ms
    }
  }
}

export interface Received {
  method: string
  /** Path and query as sent. */
  url: string
  headers: IncomingMessage['headers']
  body: string
}

export type Handler = (request: Received, response: ServerResponse) => void | Promise<void>

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string
  received: Received[]
  close(): Promise<void>
}

export async function startServer(handler: Handler): Promise<TestServer> {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', chunk => chunks.push(chunk as Buffer))
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      }
      received.push(request)
      Promise.resolve(handler(request, res)).catch(error => {
        res.statusCode = 599
        res.end(String(error))
      })
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** A string body is sent as it is; anything else as JSON. */
export function reply(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {}
): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
  const lowerCased = Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])
  )
  res.writeHead(status, {
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'request-id': `req-${status}`,
    ...lowerCased
  })
  res.end(text)
}
