/**
 * A forward proxy on loopback, standing where a company proxy stands between a self-hosted runner
 * and the internet. It takes both forms a client may use: an absolute-form request
 * (`PUT http://host:port/path`, how clients send plain http through a proxy) is forwarded, and
 * CONNECT (how they send https) opens a tunnel. Each request or tunnel is logged by target host.
 */
import {
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface ProxyLogEntry {
  /** The request's method, or CONNECT for a tunnel. */
  method: string
  /** `host:port` of the target. */
  host: string
}

export interface ForwardProxy {
  /** `http://127.0.0.1:<port>`, for HTTP_PROXY / HTTPS_PROXY. */
  url: string
  log: ProxyLogEntry[]
  close(): Promise<void>
}

/** Per hop, not forwarded: each side of the proxy has its own connection. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade'
])

export async function startForwardProxy(): Promise<ForwardProxy> {
  const log: ProxyLogEntry[] = []
  const sockets = new Set<Socket>()

  function forward(req: IncomingMessage, res: ServerResponse): void {
    const target = URL.parse(req.url ?? '')
    if (!target) {
      res.writeHead(400).end('a forward proxy takes absolute-form requests')
      return
    }
    log.push({ method: req.method ?? '', host: target.host })
    const upstream = request(
      target,
      { method: req.method, headers: endToEnd(req.headers) },
      reply => {
        res.writeHead(reply.statusCode ?? 502, reply.statusMessage, endToEnd(reply.headers))
        reply.pipe(res)
      }
    )
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  }

  function tunnel(req: IncomingMessage, client: Socket, head: Buffer): void {
    const target = URL.parse(`tunnel://${req.url ?? ''}`)
    log.push({ method: 'CONNECT', host: req.url ?? '' })
    const upstream = connect(Number(target?.port), target?.hostname ?? '', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
    client.on('close', () => upstream.destroy())
  }

  const server = createServer(forward)
  server.on('connect', tunnel)
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)))
}
