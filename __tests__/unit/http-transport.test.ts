import { afterEach, describe, expect, it } from '@jest/globals'
import { Readable } from 'node:stream'
import { PublishError, isPublishError } from '../../src/errors.js'
import { createTransport, type TransportOptions } from '../../src/http/transport.js'
import type { HttpRequest } from '../../src/http/types.js'
import { reply, startServer, testClock, type Handler, type TestServer } from './http-test-kit.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function serve(handler: Handler): Promise<TestServer> {
  server = await startServer(handler)
  return server
}

/** Replies from a script, one entry per request; the last entry repeats. */
function scripted(...steps: Handler[]): Handler {
  let n = 0
  return (request, response) => steps[Math.min(n++, steps.length - 1)]!(request, response)
}

const ok: Handler = (_q, res) => reply(res, 200, { ok: true })
const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_q, res) =>
    reply(res, code, { error: code }, headers)

function get(url: string, extra: Partial<HttpRequest> = {}): HttpRequest {
  return { method: 'GET', url, phase: 'lookup', retry: true, ...extra }
}

function transport(extra: Partial<TransportOptions> = {}) {
  const clock = testClock()
  const lines: string[] = []
  const t = createTransport({ clock, random: () => 1, log: line => lines.push(line), ...extra })
  return { t, clock: (extra.clock as ReturnType<typeof testClock>) ?? clock, lines }
}

async function failure(promise: Promise<unknown>): Promise<PublishError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!isPublishError(error)) throw new Error(`expected a PublishError, got ${String(error)}`)
  return error
}

describe('transport retries', () => {
  it.each([429, 500, 502, 503, 504])('retries %i and returns the later success', async code => {
    const s = await serve(scripted(status(code), status(code), ok))
    const { t, clock } = transport()
    const response = await t.send(get(`${s.origin}/x`))
    expect(response.status).toBe(200)
    expect(s.received).toHaveLength(3)
    // Full jitter with random() = 1 waits the whole ceiling: 2 s, then 4 s.
    expect(clock.sleeps).toEqual([2000, 4000])
  })

  it.each([400, 401, 403, 404, 409, 412])('returns %i at once, without retrying', async code => {
    const s = await serve(status(code))
    const { t, clock } = transport()
    const response = await t.send(get(`${s.origin}/x`))
    expect(response.status).toBe(code)
    expect(s.received).toHaveLength(1)
    expect(clock.sleeps).toEqual([])
  })

  it('returns the last retryable reply once attempts are spent', async () => {
    const s = await serve(status(503))
    const { t, clock } = transport({ maxAttempts: 4 })
    const response = await t.send(get(`${s.origin}/x`))
    expect(response.status).toBe(503)
    expect(s.received).toHaveLength(4)
    expect(clock.sleeps).toEqual([2000, 4000, 8000])
  })

  it('caps the backoff at maxDelayMs and scales it by random()', async () => {
    const s = await serve(scripted(status(500), status(500), status(500), ok))
    const { t, clock } = transport({ random: () => 0.5, baseDelayMs: 1000, maxDelayMs: 1500 })
    await t.send(get(`${s.origin}/x`))
    expect(clock.sleeps).toEqual([500, 750, 750])
  })

  it('does not retry when the request says retry: false', async () => {
    const s = await serve(status(503))
    const { t, clock } = transport()
    const response = await t.send({
      method: 'POST',
      url: `${s.origin}/x`,
      body: '{}',
      phase: 'write',
      retry: false
    })
    expect(response.status).toBe(503)
    expect(s.received).toHaveLength(1)
    expect(clock.sleeps).toEqual([])
  })

  it('retries a 429 even when the request says retry: false: it was refused, not processed', async () => {
    const s = await serve(scripted(status(429, { 'retry-after': '2' }), ok))
    const { t, clock } = transport()
    const response = await t.send({
      method: 'POST',
      url: `${s.origin}/x`,
      body: '{}',
      phase: 'write',
      retry: false
    })
    expect(response.status).toBe(200)
    expect(s.received).toHaveLength(2)
    expect(clock.sleeps).toEqual([2000])
  })

  it('honours Retry-After in delta-seconds', async () => {
    const s = await serve(scripted(status(429, { 'retry-after': '7' }), ok))
    const { t, clock, lines } = transport()
    await t.send(get(`${s.origin}/x`))
    expect(clock.sleeps).toEqual([7000])
    expect(lines.some(l => l.includes('retry in 7.0 s (HTTP 429, Retry-After)'))).toBe(true)
  })

  it('honours Retry-After as an HTTP-date', async () => {
    const clock = testClock()
    const at = new Date(clock.now() + 12_000).toUTCString()
    const s = await serve(scripted(status(503, { 'retry-after': at }), ok))
    const { t } = transport({ clock })
    await t.send(get(`${s.origin}/x`))
    expect(clock.sleeps).toEqual([12_000])
  })

  it('caps a long Retry-After and floors a zero one', async () => {
    const s = await serve(
      scripted(status(429, { 'retry-after': '3600' }), status(429, { 'retry-after': '0' }), ok)
    )
    const { t, clock } = transport()
    await t.send(get(`${s.origin}/x`))
    expect(clock.sleeps).toEqual([120_000, 1000])
  })

  it('falls back to backoff when Retry-After is unreadable', async () => {
    const s = await serve(scripted(status(503, { 'retry-after': 'soon' }), ok))
    const { t, clock } = transport()
    await t.send(get(`${s.origin}/x`))
    expect(clock.sleeps).toEqual([2000])
  })
})

describe('transport network failures', () => {
  it('retries a connection reset and succeeds', async () => {
    const s = await serve(
      scripted((_q, res) => {
        res.socket?.destroy()
      }, ok)
    )
    const { t, lines } = transport()
    const response = await t.send(get(`${s.origin}/x`))
    expect(response.status).toBe(200)
    expect(s.received).toHaveLength(2)
    expect(lines[0]).toMatch(/attempt 1\/6/)
  })

  it('treats a reply cut off in its body as a reset, and retries', async () => {
    const s = await serve(
      scripted((_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
        res.write('{"partial":', () => res.socket?.destroy())
      }, ok)
    )
    const { t } = transport()
    const response = await t.send(get(`${s.origin}/x`))
    expect(response.status).toBe(200)
    expect(JSON.parse(response.text)).toEqual({ ok: true })
    expect(s.received).toHaveLength(2)
  })

  it('keeps connections alive across requests', async () => {
    const ports = new Set<number | undefined>()
    const s = await serve((q, res) => {
      ports.add(res.socket?.remotePort)
      ok(q, res)
    })
    const { t } = transport()
    for (let n = 0; n < 10; n++) await t.send(get(`${s.origin}/x${n}`))
    expect(s.received).toHaveLength(10)
    // undici's pool frees a connection a tick after its reply has been read, so a request sent
    // at once may open a second one; from then on the two are reused.
    expect(ports.size).toBeLessThanOrEqual(2)
  })

  it('gives up on a refused connection with HTTP_NETWORK after every attempt', async () => {
    const s = await serve(ok)
    const origin = s.origin
    await s.close()
    server = undefined
    const { t, clock } = transport({ maxAttempts: 3 })
    const error = await failure(t.send(get(`${origin}/products/p?$skipToken=abc`)))
    expect(error.code).toBe('HTTP_NETWORK')
    expect(error.message).toMatch(/ECONNREFUSED/)
    expect(error.message).toMatch(/3 attempts/)
    expect(error.details.path).toBe('/products/p')
    expect(error.message).not.toContain('skipToken')
    expect(clock.sleeps).toHaveLength(2)
    expect(t.counts().lookup).toBe(3)
  })

  it('times out an attempt that gets no headers, and retries it', async () => {
    const s = await serve(
      scripted(() => {
        /* never answers */
      }, ok)
    )
    const { t } = transport({ timeoutMs: 100 })
    const response = await t.send(get(`${s.origin}/x`))
    expect(response.status).toBe(200)
    expect(s.received).toHaveLength(2)
  })

  it('times out a body that stalls and fails with HTTP_TIMEOUT', async () => {
    const s = await serve((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"value":[')
    })
    const { t } = transport({ timeoutMs: 100, maxAttempts: 2 })
    const error = await failure(t.send(get(`${s.origin}/x`)))
    expect(error.code).toBe('HTTP_TIMEOUT')
    expect(s.received).toHaveLength(2)
  })

  it('does not retry a timed-out request that must not be repeated', async () => {
    const s = await serve(() => {
      /* never answers */
    })
    const { t } = transport({ timeoutMs: 100 })
    const error = await failure(
      t.send({
        method: 'POST',
        url: `${s.origin}/x`,
        body: '{}',
        phase: 'write',
        retry: false,
        timeoutMs: 50
      })
    )
    expect(error.code).toBe('HTTP_TIMEOUT')
    expect(s.received).toHaveLength(1)
  })
})

describe('transport time budget and cancellation', () => {
  it('fails with TIME_BUDGET_EXCEEDED instead of sleeping past the deadline', async () => {
    const clock = testClock()
    const s = await serve(status(429, { 'retry-after': '30' }))
    const { t } = transport({ clock, deadline: clock.now() + 10_000 })
    const error = await failure(t.send(get(`${s.origin}/x`)))
    expect(error.code).toBe('TIME_BUDGET_EXCEEDED')
    expect(clock.sleeps).toEqual([])
    expect(s.received).toHaveLength(1)
  })

  it('sends nothing once the deadline has passed', async () => {
    const clock = testClock()
    const s = await serve(ok)
    const { t } = transport({ clock, deadline: clock.now() - 1 })
    const error = await failure(t.send(get(`${s.origin}/x`)))
    expect(error.code).toBe('TIME_BUDGET_EXCEEDED')
    expect(s.received).toHaveLength(0)
  })

  it('cuts an attempt at the deadline when that comes before its timeout', async () => {
    const clock = testClock()
    const s = await serve(() => {
      /* never answers */
    })
    const { t } = transport({ clock, deadline: clock.now() + 80, timeoutMs: 60_000 })
    const error = await failure(t.send(get(`${s.origin}/x`)))
    expect(error.code).toBe('TIME_BUDGET_EXCEEDED')
  })

  it('rejects with CANCELLED when the signal aborts during a request', async () => {
    const controller = new AbortController()
    const s = await serve(() => {
      controller.abort(new Error('SIGTERM'))
    })
    const { t } = transport({ signal: controller.signal })
    const error = await failure(t.send(get(`${s.origin}/x`)))
    expect(error.code).toBe('CANCELLED')
  })

  it('rejects with CANCELLED when the signal aborts during a backoff wait', async () => {
    const controller = new AbortController()
    const clock = testClock()
    const s = await serve(status(503))
    const sleepy = {
      now: clock.now,
      sleep: (ms: number, signal?: AbortSignal) => {
        controller.abort(new Error('SIGINT'))
        return clock.sleep(ms, signal)
      }
    }
    const { t } = transport({ clock: sleepy as never, signal: controller.signal })
    const error = await failure(t.send(get(`${s.origin}/x`)))
    expect(error.code).toBe('CANCELLED')
    expect(s.received).toHaveLength(1)
  })
})

describe('transport safety and bookkeeping', () => {
  it('refuses plain http to a non-loopback host, naming the host but not the query', async () => {
    const { t } = transport()
    const error = await failure(t.send(get('http://blob.example.com/file/1?sv=1&sig=SECRETSIG')))
    expect(error.code).toBe('HTTP_INSECURE')
    expect(error.message).toContain('blob.example.com')
    expect(JSON.stringify({ m: error.message, d: error.details })).not.toContain('SECRETSIG')
    expect(t.counts().lookup).toBe(0)
  })

  it.each(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'])(
    'allows plain http to loopback host %s',
    async host => {
      const s = await serve(ok)
      const port = new URL(s.origin).port
      const { t } = transport({ maxAttempts: 1 })
      // ::1 or localhost may not be bound: only the policy is under test, so a refused connection is fine.
      const outcome = await t.send(get(`http://${host}:${port}/x`)).then(
        r => r.status,
        (e: PublishError) => e.code
      )
      expect(['HTTP_NETWORK', 200]).toContain(outcome)
    }
  )

  it('counts every attempt per phase', async () => {
    const s = await serve(scripted(status(500), ok))
    const { t } = transport()
    await t.send(get(`${s.origin}/a`))
    await t.send({ method: 'PUT', url: `${s.origin}/b`, body: 'x', phase: 'upload', retry: true })
    await t.send({ method: 'GET', url: `${s.origin}/c`, phase: 'poll', retry: true })
    expect(t.counts()).toEqual({ token: 0, lookup: 2, write: 0, upload: 1, poll: 1 })
  })

  it('re-opens a stream body for every attempt', async () => {
    const s = await serve(scripted(status(503), ok))
    const { t } = transport()
    let opened = 0
    await t.send({
      method: 'PUT',
      url: `${s.origin}/blob`,
      headers: { 'content-length': '5' },
      body: () => {
        opened++
        return Readable.from([Buffer.from('hello')])
      },
      phase: 'upload',
      retry: true
    })
    expect(opened).toBe(2)
    expect(s.received.map(r => r.body)).toEqual(['hello', 'hello'])
  })

  it('fails at once with the PublishError a body raises, without retrying', async () => {
    const s = await serve(ok)
    const { t, clock } = transport()
    const raised = new PublishError('UPLOAD_FAILED', 'the file became shorter')
    const error = await failure(
      t.send({
        method: 'PUT',
        url: `${s.origin}/blob`,
        headers: { 'content-length': '10' },
        body: async function* () {
          yield Buffer.from('hello')
          throw raised
        },
        phase: 'upload',
        retry: true
      })
    )
    expect(error).toBe(raised)
    expect(clock.sleeps).toHaveLength(0)
    expect(t.counts().upload).toBe(1)
  })

  it('returns lower-case headers, the body text and the request id', async () => {
    const s = await serve((_q, res) =>
      reply(res, 201, 'created', { 'Request-ID': 'abc-123', ETag: '"e1"' })
    )
    const { t } = transport()
    const response = await t.send(get(`${s.origin}/x`))
    expect(response).toMatchObject({ status: 201, text: 'created', requestId: 'abc-123' })
    expect(response.headers.etag).toBe('"e1"')
  })

  it('logs one redacted line per attempt: no query string, no SAS, no token', async () => {
    const s = await serve(scripted(status(503), ok))
    const { t, lines } = transport()
    await t.send({
      method: 'PUT',
      url: `${s.origin}/file/42?sv=2018-03-28&sr=b&sig=c2VjcmV0c2lnbmF0dXJl&sp=rwl`,
      headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' },
      body: 'bytes',
      phase: 'upload',
      retry: true
    })
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(
      /^HTTP PUT http:\/\/127\.0\.0\.1:\d+\/file\/42 -> 503 in \d+ ms, request-id req-503, attempt 1\/6$/
    )
    expect(lines[1]).toMatch(/retry in 2\.0 s \(HTTP 503\)/)
    expect(lines.join('\n')).not.toMatch(/sig=|sv=|eyJ/)
  })
})
