/**
 * The run's dispatcher built from the proxy variables (lower case first, as EnvHttpProxyAgent
 * reads them), and the transport over a proxy in both of its forms: absolute-form requests for
 * plain http and a CONNECT tunnel.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { ProxyAgent } from 'undici'
import { isPublishError } from '../../src/errors.js'
import { createDispatcher } from '../../src/http/dispatcher.js'
import { redact } from '../../src/http/redact.js'
import { createTransport } from '../../src/http/transport.js'
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js'
import { reply, startServer, testClock, type TestServer } from './http-test-kit.js'

let server: TestServer
let proxy: ForwardProxy
afterEach(async () => {
  await Promise.all([server?.close(), proxy?.close()])
})

async function start() {
  server = await startServer((_q, res) => reply(res, 200, { ok: true }))
  proxy = await startForwardProxy()
  return { host: new URL(server.origin).host, url: `${server.origin}/v1.0/x?q=1` }
}

const get = (url: string) => ({
  method: 'GET' as const,
  url,
  phase: 'lookup' as const,
  retry: true
})

describe('the proxy from the environment', () => {
  it('sends plain http through http_proxy in absolute form, loopback included', async () => {
    const { host, url } = await start()
    const dispatcher = createDispatcher({ http_proxy: proxy.url, HTTP_PROXY: 'http://unused:1' })
    const transport = createTransport({ clock: testClock(), dispatcher })
    const response = await transport.send(get(url))
    expect(response.status).toBe(200)
    expect(proxy.log).toEqual([{ method: 'GET', host }])
    expect(server.received[0].url).toBe('/v1.0/x?q=1')
    await dispatcher.destroy()
  })

  it('reaches a host that no_proxy names directly', async () => {
    const { url } = await start()
    const dispatcher = createDispatcher({ http_proxy: proxy.url, no_proxy: '127.0.0.1' })
    const response = await createTransport({ clock: testClock(), dispatcher }).send(get(url))
    expect(response.status).toBe(200)
    expect(proxy.log).toEqual([])
    expect(server.received).toHaveLength(1)
    await dispatcher.destroy()
  })

  it('goes through a CONNECT tunnel as https does', async () => {
    const { host, url } = await start()
    const dispatcher = new ProxyAgent({ uri: proxy.url, proxyTunnel: true })
    const response = await createTransport({ clock: testClock(), dispatcher }).send(get(url))
    expect(response.status).toBe(200)
    expect(proxy.log).toEqual([{ method: 'CONNECT', host }])
    await dispatcher.destroy()
  })

  it('refuses a proxy that is not a URL, naming the variable, and masks a proxy password', () => {
    let error: unknown
    try {
      createDispatcher({ https_proxy: 'proxy.example.com:3128 extra' })
    } catch (e) {
      error = e
    }
    expect(isPublishError(error) && error.code).toBe('INPUT_INVALID')
    expect((error as Error).message).toContain('HTTPS_PROXY')

    createDispatcher({ HTTPS_PROXY: 'http://builder:s3cret%21pw@proxy.example.com:3128' })
    expect(redact('proxy login s3cret!pw failed')).toBe('proxy login *** failed')
  })
})
