/**
 * The one undici dispatcher of a run: keep-alive connection pools per origin, and the proxy the
 * environment names. `EnvHttpProxyAgent` reads HTTPS_PROXY / HTTP_PROXY / NO_PROXY, lower case
 * first; HTTP_PROXY also carries https when HTTPS_PROXY is unset, and loopback is proxied too
 * unless NO_PROXY names it, as curl does (docs/decisions/http-client.md). The variables are read
 * from the run's environment rather than `process.env`, so a run depends on its inputs only.
 */
import { EnvHttpProxyAgent, type Dispatcher } from 'undici'
import { PublishError } from '../errors.js'
import { registerSecret } from './redact.js'

export function createDispatcher(env: NodeJS.ProcessEnv): Dispatcher {
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY ?? ''
  const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY ?? ''
  checkProxy('HTTP_PROXY', httpProxy)
  checkProxy('HTTPS_PROXY', httpsProxy)
  return new EnvHttpProxyAgent({
    httpProxy,
    httpsProxy,
    noProxy: env.no_proxy ?? env.NO_PROXY ?? ''
  })
}

/** The proxy schemes undici speaks. */
const SCHEMES = ['http:', 'https:', 'socks:', 'socks5:']

/** An unreadable proxy is the user's setting to fix (exit code 2); its password is a secret. */
function checkProxy(variable: string, value: string): void {
  if (value === '') return
  const url = URL.parse(value)
  if (url?.password) registerSecret(decodeURIComponent(url.password))
  if (!url || !SCHEMES.includes(url.protocol)) {
    throw new PublishError(
      'INPUT_INVALID',
      `The proxy in ${variable} is not a URL with an http, https or socks scheme.`,
      {
        hint: `Set ${variable} (or its lower-case form) to the proxy's URL, e.g. http://proxy.example.com:3128.`
      }
    )
  }
}
