/**
 * Credentials and packages only travel over TLS. Plain http is allowed for loopback hosts alone,
 * which is where the emulator and Azurite listen.
 */
import { PublishError } from '../errors.js'
import { redactUrl } from './redact.js'

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (host === 'localhost' || host === '::1') return true
  return /^127(?:\.\d{1,3}){3}$/.test(host)
}

/** The parsed URL when it may be sent; else HTTP_INSECURE naming the host, never the query. */
export function checkUrl(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new PublishError(
      'HTTP_INSECURE',
      `Refusing to send a request to '${redactUrl(url)}': it is not an absolute URL.`
    )
  }
  if (parsed.protocol === 'https:') return parsed
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return parsed
  throw new PublishError(
    'HTTP_INSECURE',
    `Refusing to send a request to ${parsed.host} over ${parsed.protocol.replace(':', '')}: only https is allowed, except for loopback hosts.`,
    {
      path: parsed.pathname,
      hint: 'Use an https:// URL (plain http is only accepted for 127.0.0.1, localhost and ::1, such as the local emulator).'
    }
  )
}
