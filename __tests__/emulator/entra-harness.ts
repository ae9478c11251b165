/** Serves the emulator's Entra module alone on a loopback port for the entra-*.test.ts suites. */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createEntra, type Entra, type EntraOptions } from '../../emulator/src/entra/index.js'

export const TENANT = '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f'
export const CLIENT_ID = '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b'
export const CLIENT_SECRET = 'Emu8Q~local-dev-secret-Zx7Yq2Lm9Np4Rs6Tu8Vw'
export const RESOURCE = 'https://api.partner.microsoft.com'
export const SUBJECT = 'repo:contoso/marketplace-offers:ref:refs/tags/v1.2.3'
export const AUDIENCE = 'api://AzureADTokenExchange'

export interface EntraHarness {
  entra: Entra
  origin: string
  /** Moves the emulator's clock (not the process's) by `ms`. */
  advance(ms: number): void
  postForm(path: string, form: Record<string, string>): Promise<Response>
  close(): Promise<void>
}

export async function startEntra(overrides: Partial<EntraOptions> = {}): Promise<EntraHarness> {
  let origin = ''
  let offset = 0
  const entra = createEntra({
    tenantId: TENANT,
    apps: [
      {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        displayName: 'marketplace-publisher',
        federatedCredentials: [{ issuer: 'builtin', subject: SUBJECT, audiences: [AUDIENCE] }]
      },
      { clientId: '0b9f8e7d-6c5b-4a39-8281-706f5e4d3c2b', clientSecret: 'other-secret' }
    ],
    tokenLifetimeSeconds: 3600,
    resource: RESOURCE,
    origin: () => origin,
    now: () => Date.now() + offset,
    oidcSubject: SUBJECT,
    ...overrides
  })
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', chunk => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', origin)
      void entra.handle(req, res, url, Buffer.concat(chunks)).then(handled => {
        if (!handled) res.writeHead(404).end()
      })
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    entra,
    origin,
    advance: ms => {
      offset += ms
    },
    postForm: (path, form) =>
      fetch(`${origin}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString()
      }),
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** The claims of a compact JWT, without verifying it. */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'))
}
