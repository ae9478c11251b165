/**
 * One place that knows what a secret looks like. Every log line and every error message built by
 * the transport, the token provider and the client goes through `redact` before anyone sees it.
 */
const MASK = '***'

/** Literal values registered at run time (client secret, access tokens, OIDC assertions). */
const secrets = new Set<string>()

/** Masks a value in the log of the run: the report sink's `setSecret`, set by the run. */
let maskInLog: (value: string) => void = () => undefined

/**
 * Shapes of credentials that can appear in text we did not register ourselves (a token echoed in
 * an error body, a SAS URL inside a service message). Each keeps its label and masks the value.
 */
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // Authorization headers and their echoes.
  [/\b(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1${MASK}`],
  // JSON members that carry credentials (token endpoint replies, request dumps).
  [
    /("(?:access_token|refresh_token|id_token|client_secret|client_assertion)"\s*:\s*")(?:[^"\\]|\\.)*"/gi,
    `$1${MASK}"`
  ],
  // Form fields of token requests.
  [/\b((?:client_secret|client_assertion)=)[^&\s"']+/gi, `$1${MASK}`],
  // Shared access signatures, plain or percent-encoded, in any URL.
  [/((?:[?&]|&amp;|%3F|%26)sig(?:=|%3D))(?:(?!%26)[^&\s"'<])+/gi, `$1${MASK}`],
  // JSON Web Tokens anywhere (GitHub OIDC assertions, Entra access tokens): header.payload.signature.
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, MASK]
]

/** Masks credentials in free text. Never throws. */
export function redact(text: string): string {
  let out = String(text)
  // Longest first, so a secret that contains another registered secret is masked whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(MASK)
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}

/** Where registered secrets are masked besides our own output; returns the previous one. */
export function setLogMasker(mask: (value: string) => void): (value: string) => void {
  const previous = maskInLog
  maskInLog = mask
  return previous
}

/**
 * Masks `value` in our own output (`redact`) and in the run's log (the sink's `setSecret`: on a
 * runner, `::add-mask::`). The percent-encoded forms are registered too, because a form body or a
 * URL carries them that way.
 */
export function registerSecret(value: string): void {
  if (value.trim() === '') return
  for (const form of new Set([
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2)
  ])) {
    secrets.add(form)
    maskInLog(form)
  }
}

/**
 * A URL fit for logs and errors: origin and path only. The query (SAS signatures, skip tokens,
 * filters) and any user-info are dropped. Text that is not a URL is cut at `?` or `#`.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return redact(
      `${parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin}${parsed.pathname}`
    )
  } catch {
    return redact(url.split(/[?#]/, 1)[0] ?? '')
  }
}
