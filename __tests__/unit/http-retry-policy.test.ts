/** Which network failures the transport retries, for the errors undici and Node's sockets raise. */
import { describe, expect, it } from '@jest/globals'
import { errors } from 'undici'
import {
  isRetryableNetworkError,
  isTimeoutError,
  networkErrorCode
} from '../../src/http/retry-policy.js'

const withCode = (code: string): Error => Object.assign(new Error(code), { code })

describe('network errors', () => {
  it.each([
    ['a socket closed mid-reply', new errors.SocketError('other side closed')],
    ['a connect that timed out', new errors.ConnectTimeoutError()],
    ['headers that never came', new errors.HeadersTimeoutError()],
    ['a body that stalled', new errors.BodyTimeoutError()],
    ['a reset', withCode('ECONNRESET')],
    ['a reset kept as the cause', new Error('fetch failed', { cause: withCode('ECONNRESET') })],
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a DNS hiccup', withCode('EAI_AGAIN')]
  ])('retries %s', (_what, error) => {
    expect(isRetryableNetworkError(error)).toBe(true)
  })

  it.each([
    ['an unknown host', withCode('ENOTFOUND')],
    ['a closed dispatcher', new errors.ClientDestroyedError()],
    ['a bad request option', new errors.InvalidArgumentError('invalid method')],
    ['a body longer than its Content-Length', new errors.RequestContentLengthMismatchError()],
    ['an error without a code', new Error('boom')]
  ])('does not retry %s', (_what, error) => {
    expect(isRetryableNetworkError(error)).toBe(false)
  })

  it("counts undici's header and body timeouts as timeouts, not other failures", () => {
    expect(isTimeoutError(new errors.HeadersTimeoutError())).toBe(true)
    expect(isTimeoutError(new errors.BodyTimeoutError())).toBe(true)
    expect(isTimeoutError(new errors.SocketError('other side closed'))).toBe(false)
    expect(isTimeoutError(new errors.ConnectTimeoutError())).toBe(false)
  })

  it('reads the code one level into the cause', () => {
    expect(networkErrorCode(new Error('x', { cause: withCode('EPIPE') }))).toBe('EPIPE')
    expect(networkErrorCode('not an error')).toBeUndefined()
  })
})
