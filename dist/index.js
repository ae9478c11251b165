import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ PublishError),
/* harmony export */   U: () => (/* binding */ isPublishError)
/* harmony export */ });
/**
 * Errors as values with a stable code, a message a person can act on, and where it happened.
 * They are turned into annotations once, at the edge (src/report). Never put a secret, a token,
 * a SAS query string or a full URL with its query into any field of a PublishError.
 */
class PublishError extends Error {
    code;
    details;
    constructor(code, message, details = {}) {
        super(message);
        this.name = 'PublishError';
        this.code = code;
        this.details = details;
    }
}
function isPublishError(e) {
    return e instanceof PublishError;
}


/***/ }),

/***/ 8161:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ httpError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6715);
/* harmony import */ var _service_error_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1696);
/**
 * Turns a non-2xx reply into a PublishError a person can act on: what we were doing, what the
 * service said (its own code and words), and the request id to quote to Microsoft support.
 */



/** What to do about a status, when the service's own words do not say it. */
function hintFor(status) {
    if (status === 401 || status === 403) {
        return 'Check that the Entra app is added to the Partner Center account as a user with the Manager role, and that tenant-id and client-id belong to that account.';
    }
    if (status === 404)
        return 'The resource does not exist (any more): check the offer, plan and IDs, and whether someone deleted it in Partner Center.';
    if (status === 409 || status === 412) {
        return 'Another change or submission is in progress for this offer (perhaps from Partner Center or a concurrent run); wait for it to finish and run again.';
    }
    if (status === 429)
        return 'The service is throttling requests; run again later or publish fewer offers at once (concurrency).';
    if (status >= 500)
        return 'The service had a transient failure; run the job again later. If it persists, quote the request id to Microsoft support.';
    return undefined;
}
function pathOf(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url);
    }
}
/**
 * `what` says what we were doing, e.g. "update the package configuration of plan 'standard'".
 * Never throws, whatever the body holds.
 */
function httpError(request, response, what) {
    const path = pathOf(request.url);
    const service = (0,_service_error_js__WEBPACK_IMPORTED_MODULE_2__/* .parseServiceError */ .z)(typeof response.text === 'string' ? response.text : '');
    // Entra ID and Blob Storage name their request id `x-ms-request-id`.
    const requestId = response.requestId ?? response.headers?.['request-id'] ?? response.headers?.['x-ms-request-id'];
    const said = service.message
        ? `: ${service.code && !service.message.includes(service.code) ? `${service.code} ` : ''}${service.message}`
        : service.code
            ? `: ${service.code}`
            : '';
    const message = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`Could not ${what}: ${request.method} ${path} answered HTTP ${response.status}${said}` +
        (requestId ? ` (request-id ${requestId})` : ''));
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S('HTTP_STATUS', message, {
        method: request.method,
        path: (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(path),
        status: response.status,
        ...(service.code ? { serviceCode: (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(service.code) } : {}),
        ...(requestId ? { requestId } : {}),
        ...(hintFor(response.status) ? { hint: hintFor(response.status) } : {})
    });
}


/***/ }),

/***/ 6715:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   cl: () => (/* binding */ registerSecret)
/* harmony export */ });
/* harmony import */ var _runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5793);
/**
 * One place that knows what a secret looks like. Every log line and every error message built by
 * the transport, the token provider and the client goes through `redact` before anyone sees it.
 */

const MASK = '***';
/** Literal values registered at run time (client secret, access tokens, OIDC assertions). */
const secrets = new Set();
/**
 * Shapes of credentials that can appear in text we did not register ourselves (a token echoed in
 * an error body, a SAS URL inside a service message). Each keeps its label and masks the value.
 */
const PATTERNS = [
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
];
/** Masks credentials in free text. Never throws. */
function redact(text) {
    let out = String(text);
    // Longest first, so a secret that contains another registered secret is masked whole.
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        out = out.split(secret).join(MASK);
    }
    for (const [pattern, replacement] of PATTERNS)
        out = out.replace(pattern, replacement);
    return out;
}
/**
 * Masks `value` in our own output (`redact`) and in the runner's log (`::add-mask::`). The
 * percent-encoded forms are registered too, because a form body or a URL carries them that way.
 */
function registerSecret(value) {
    if (value.trim() === '')
        return;
    (0,_runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .addMask */ .N)(value);
    secrets.add(value);
    for (const encoded of [
        encodeURIComponent(value),
        new URLSearchParams({ v: value }).toString().slice(2)
    ]) {
        if (encoded !== value) {
            secrets.add(encoded);
            (0,_runner_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .addMask */ .N)(encoded);
        }
    }
}
/**
 * A URL fit for logs and errors: origin and path only. The query (SAS signatures, skip tokens,
 * filters) and any user-info are dropped. Text that is not a URL is cut at `?` or `#`.
 */
function redactUrl(url) {
    try {
        const parsed = new URL(url);
        return redact(`${parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin}${parsed.pathname}`);
    }
    catch {
        return redact(url.split(/[?#]/, 1)[0] ?? '');
    }
}


/***/ }),

/***/ 1696:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ parseServiceError)
/* harmony export */ });
/**
 * Reads the many shapes of error body the services send (ingestion-v1.md §1 and §2.8) into one
 * code and one readable message. Defensive by design: any input gives a result, nothing throws.
 */
const MAX_MESSAGE = 600;
function parseServiceError(text) {
    try {
        const body = text.trim();
        if (body === '')
            return {};
        if (body.startsWith('<'))
            return fromStorageXml(body);
        const json = tryParseJson(body);
        if (typeof json === 'string')
            return fromText(json);
        if (isRecord(json))
            return fromObject(json);
        return fromText(body);
    }
    catch {
        return { message: shorten(text) };
    }
}
/** `<Error><Code>AuthenticationFailed</Code><Message>…</Message></Error>` from Blob Storage. */
function fromStorageXml(xml) {
    const code = /<Code>([^<]*)<\/Code>/i.exec(xml)?.[1]?.trim();
    const message = /<Message>([^<]*)<\/Message>/i.exec(xml)?.[1]?.split('\n', 1)[0]?.trim();
    return clean({ code, message: message ?? shorten(xml) });
}
/**
 * A JSON string literal (`"ICH50400 - Unable to complete request. {…json…}"`), a .NET exception
 * text with `ResponseContent={…}`, or plain text. The first `{` to the last `}` is mined for
 * details when it is JSON.
 */
function fromText(text) {
    const codeMatch = /^\s*([A-Z]{2,}[A-Za-z]*-?\d{3,})\s*-\s*/.exec(text);
    const start = text.indexOf('{');
    const end = text.lastIndexOf('}');
    const embedded = start >= 0 && end > start ? tryParseJson(text.slice(start, end + 1)) : undefined;
    const hasEmbedded = isRecord(embedded);
    let lead = (hasEmbedded ? text.slice(0, start) : text).slice(codeMatch?.[0].length ?? 0);
    // A .NET exception: keep what it says, drop the type name and the raw ResponseContent.
    const exception = /^\s*(?:[\w]+\.)+(\w*Exception):\s*/.exec(lead);
    if (exception)
        lead = lead.slice(exception[0].length);
    lead = lead.replace(/,?\s*ResponseContent=\s*$/, '').trim();
    const inner = hasEmbedded ? fromObject(embedded) : {};
    const message = [lead, inner.message].filter(part => part && part.length > 0).join(' ');
    return clean({
        code: codeMatch?.[1] ?? inner.code ?? exception?.[1],
        message: shorten(message || text)
    });
}
function fromObject(body) {
    // Entra ID: {"error":"invalid_client","error_description":"AADSTS7000215: …\r\nTrace ID: …"}
    if (typeof body.error_description === 'string') {
        const description = body.error_description.split(/\r?\n/, 1)[0] ?? '';
        const fromCodes = Array.isArray(body.error_codes) ? body.error_codes[0] : undefined;
        const aadsts = /AADSTS\d+/.exec(description)?.[0] ??
            (typeof fromCodes === 'number' ? `AADSTS${fromCodes}` : undefined);
        return clean({ code: aadsts ?? str(body.error), message: shorten(description) });
    }
    // OData style: {"error":{"code","message"}}
    if (isRecord(body.error))
        return fromObject(body.error);
    const parts = [];
    const headline = str(body.message) ?? str(body.reasonPhrase) ?? str(body.title) ?? str(body.Message);
    if (headline)
        parts.push(headline);
    parts.push(...fieldMessages(body.data), ...fieldMessages(body.errors), ...detailMessages(body.details));
    const code = str(body.code) ?? numberCode(body.faultCode);
    return clean({ code, message: parts.length > 0 ? shorten(parts.join(' ')) : undefined });
}
/** `{"FeatureName":["The field FeatureName is invalid."]}` → `FeatureName: The field FeatureName is invalid.` */
function fieldMessages(value) {
    if (!isRecord(value))
        return [];
    return Object.entries(value).map(([field, messages]) => {
        const list = Array.isArray(messages) ? messages.map(m => stringify(m)) : [stringify(messages)];
        return `${field}: ${list.join(' ')}`;
    });
}
function detailMessages(value) {
    if (!Array.isArray(value))
        return [];
    return value.map(item => isRecord(item) ? (str(item.message) ?? stringify(item)) : stringify(item));
}
function tryParseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function str(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
function numberCode(value) {
    return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}
function stringify(value) {
    if (typeof value === 'string')
        return value;
    try {
        return JSON.stringify(value) ?? String(value);
    }
    catch {
        return String(value);
    }
}
function shorten(text) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE - 1)}…` : oneLine;
}
function clean(error) {
    const out = {};
    if (error.code)
        out.code = error.code;
    if (error.message)
        out.message = error.message;
    return out;
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9948);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9948:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/cancellation.ts
/**
 * SIGINT/SIGTERM (a cancelled job, Ctrl-C). The first signal aborts `signal`: no new write starts,
 * waits and uploads stop, and the report says where the run stopped. The HTTP call in flight is
 * allowed to finish so a write is not cut in half; `requestSignal` aborts it too only after a
 * grace period (the runner sends SIGTERM about 7.5 s after SIGINT and then kills the process) or
 * at a second signal.
 */

const GRACE_MS = 5000;
function abortOnSignals() {
    const run = new AbortController();
    const requests = new AbortController();
    let grace;
    const onSignal = (name) => {
        const reason = new errors/* PublishError */.S('CANCELLED', `The run was cancelled (${name}).`, {
            hint: 'Re-running picks up from there: processed packages are reused, and an in-progress submission of the same release is adopted when it can be recognised (otherwise use `on-conflict: wait`).'
        });
        if (run.signal.aborted) {
            requests.abort(reason);
            return;
        }
        run.abort(reason);
        grace = setTimeout(() => requests.abort(reason), GRACE_MS);
        grace.unref();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        signal: run.signal,
        requestSignal: requests.signal,
        dispose: () => {
            clearTimeout(grace);
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        }
    };
}

;// CONCATENATED MODULE: ./src/clock.ts
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    })
};

// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __nccwpck_require__(643);
// EXTERNAL MODULE: ./src/http/redact.ts
var redact = __nccwpck_require__(6715);
;// CONCATENATED MODULE: ./src/http/retry-policy.ts
/**
 * Which failures are worth another attempt and how long to wait first. Pure functions, so the
 * policy can be read (and tested) without a network.
 */
/** Throttling and the transient server errors of ingestion-v1.md §2.9. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
/**
 * Connection-level failures that a second attempt can cure. DNS "not found" and malformed
 * requests are left out on purpose: repeating them only delays the same error.
 */
const RETRYABLE_ERROR_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH'
]);
function isRetryableStatus(status) {
    return RETRYABLE_STATUSES.has(status);
}
/** The error code of a network failure, looking one level into `cause` (where wrappers keep it). */
function networkErrorCode(error) {
    for (const candidate of [error, error?.cause]) {
        const code = candidate?.code;
        if (typeof code === 'string')
            return code;
    }
    return undefined;
}
function isRetryableNetworkError(error) {
    const code = networkErrorCode(error);
    if (code !== undefined && RETRYABLE_ERROR_CODES.has(code))
        return true;
    const message = error instanceof Error ? error.message : '';
    return /socket hang up/i.test(message);
}
/**
 * "Full jitter" exponential backoff: a uniform wait in [0, min(max, base·2^(n-1))] before retry n.
 * Spreads concurrent offers apart instead of retrying in lockstep.
 */
function backoffDelay(retry, options) {
    const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
    const fraction = Math.min(1, Math.max(0, options.random()));
    return Math.round(ceiling * fraction);
}
/**
 * Parses `Retry-After` in both of its forms (RFC 9110 §10.2.3): delta-seconds or an HTTP-date.
 * Returns undefined when absent or unreadable, so the caller falls back to backoff.
 */
function retryAfterDelay(header, now, bounds) {
    if (header === undefined)
        return undefined;
    const value = header.trim();
    if (value === '')
        return undefined;
    let ms;
    if (/^\d+$/.test(value)) {
        ms = Number(value) * 1000;
    }
    else {
        const at = Date.parse(value);
        if (Number.isNaN(at))
            return undefined;
        ms = at - now;
    }
    return Math.min(bounds.capMs, Math.max(bounds.floorMs, ms));
}

;// CONCATENATED MODULE: ./src/http/url-policy.ts
/**
 * Credentials and packages only travel over TLS. Plain http is allowed for loopback hosts alone,
 * which is where the emulator and Azurite listen.
 */


function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
    if (host === 'localhost' || host === '::1')
        return true;
    return /^127(?:\.\d{1,3}){3}$/.test(host);
}
/** The parsed URL when it may be sent; else HTTP_INSECURE naming the host, never the query. */
function checkUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new errors/* PublishError */.S('HTTP_INSECURE', `Refusing to send a request to '${(0,redact/* redactUrl */.BO)(url)}': it is not an absolute URL.`);
    }
    if (parsed.protocol === 'https:')
        return parsed;
    if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname))
        return parsed;
    throw new errors/* PublishError */.S('HTTP_INSECURE', `Refusing to send a request to ${parsed.host} over ${parsed.protocol.replace(':', '')}: only https is allowed, except for loopback hosts.`, {
        path: parsed.pathname,
        hint: 'Use an https:// URL (plain http is only accepted for 127.0.0.1, localhost and ::1, such as the local emulator).'
    });
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
;// CONCATENATED MODULE: ./src/http/wire.ts
/**
 * One HTTP exchange on the wire, over Node's own `http`/`https` clients: the request (a string,
 * bytes or a stream), then the status, headers and whole body text. Timeouts, retries and
 * everything else of the transport's policy live in transport.ts; this file only moves bytes.
 * Node's clients are part of the binary, so loading them costs a few milliseconds where a bundled
 * HTTP client would cost tens before the first request (docs/decisions/http-client.md).
 */

// Imported up front although only https URLs need it: every real run talks to Entra over https,
// so the cost of loading TLS belongs to start-up even when a local test server is plain http.

/**
 * One keep-alive pool per scheme for the whole run, so the token endpoint, the API and the blob
 * host each keep their connections. Node's agents close an idle connection before the server's
 * `Keep-Alive: timeout` hint runs out, so a reused connection is not one the server just closed.
 */
const agents = {
    'http:': new external_node_http_.Agent({ keepAlive: true }),
    'https:': new external_node_https_namespaceObject.Agent({ keepAlive: true })
};
function exchange(url, request) {
    const { body, signal } = request;
    const headers = { ...request.headers };
    // A body of known length is sent with its Content-Length, never chunked: Blob Storage and
    // Entra expect the length up front.
    if ((typeof body === 'string' || body instanceof Uint8Array) &&
        !hasHeader(headers, 'content-length'))
        headers['content-length'] = String(Buffer.byteLength(body));
    const send = url.protocol === 'https:' ? external_node_https_namespaceObject.request : external_node_http_.request;
    const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
    return new Promise((resolve, reject) => {
        const req = send(url, { method: request.method, headers, agent, signal }, res => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('end', () => resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                text: Buffer.concat(chunks).toString('utf8')
            }));
            res.on('error', reject);
            // A connection that closes before the whole body arrived is a reset, whichever side closed.
            res.on('close', () => {
                if (!res.complete)
                    reject(connectionReset());
            });
        });
        req.on('error', reject);
        if (body === undefined || typeof body === 'string' || body instanceof Uint8Array)
            req.end(body);
        else
            writeEach(req, body).then(() => req.end(), (error) => {
                // The body's own error (a file that cannot be read) is the request's outcome.
                reject(error);
                req.destroy(error instanceof Error ? error : undefined);
            });
    });
}
/**
 * Writes an iterable body and asks it for the next chunk only once the write has called back,
 * which Node does when the socket has written the chunk out (before the socket connects, the
 * request holds the chunk itself, uncopied, and calls back once it is flushed): the uploader
 * reads every slice into the same buffer (upload/file-read.ts), so a chunk must be sent before
 * the next read overwrites it. Ending the loop early returns the iterable, which closes its file.
 */
async function writeEach(req, body) {
    for await (const chunk of body) {
        await new Promise((resolve, reject) => {
            // A request destroyed meanwhile (timeout, reset, cancellation) may never call back.
            const onClose = () => reject(new Error('the request closed while its body was sent'));
            req.once('close', onClose);
            req.write(chunk, error => {
                req.off('close', onClose);
                if (error)
                    reject(error);
                else
                    resolve();
            });
        });
    }
}
function hasHeader(headers, name) {
    return Object.keys(headers).some(key => key.toLowerCase() === name);
}
function connectionReset() {
    return Object.assign(new Error('the connection closed before the whole reply arrived'), {
        code: 'ECONNRESET'
    });
}

// EXTERNAL MODULE: ./src/http/http-error.ts
var http_error = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./src/http/transport.ts
/**
 * The Transport over Node's own http/https clients (wire.ts): one timeout per attempt (headers and
 * body), bounded full-jitter retries with Retry-After, the overall time budget, cancellation,
 * loopback-only plain http, per-phase counts and a redacted debug line per attempt.
 */






// Callers import the error builder with the transport; it lives in its own file.

const PHASES = ['token', 'lookup', 'write', 'upload', 'poll'];
const MAX_TIMER_MS = 2_147_483_647;
function createTransport(options) {
    const { clock, signal, deadline } = options;
    const timeoutMs = options.timeoutMs ?? 100_000;
    const maxAttempts = Math.max(1, options.maxAttempts ?? 6);
    const backoff = {
        baseDelayMs: options.baseDelayMs ?? 2_000,
        maxDelayMs: options.maxDelayMs ?? 60_000,
        random: options.random ?? Math.random
    };
    const retryAfterBounds = {
        capMs: options.retryAfterCapMs ?? 120_000,
        floorMs: options.retryAfterFloorMs ?? 1_000
    };
    const log = (line) => options.log?.((0,redact/* redact */.E$)(line));
    const counts = Object.fromEntries(PHASES.map(phase => [phase, 0]));
    async function send(request) {
        const url = checkUrl(request.url);
        const shown = `${request.method} ${(0,redact/* redactUrl */.BO)(request.url)}`;
        const details = { method: request.method, path: url.pathname };
        const attempts = request.retry ? maxAttempts : 1;
        for (let attempt = 1;; attempt++) {
            throwIfCancelled(shown, details);
            if (deadline !== undefined && clock.now() >= deadline)
                throw budgetError(shown, details, 'before sending it');
            counts[request.phase]++;
            const started = external_node_perf_hooks_.performance.now();
            const outcome = await attemptOnce(request, url, request.timeoutMs ?? timeoutMs);
            const ms = Math.round(external_node_perf_hooks_.performance.now() - started);
            const counter = `attempt ${attempt}/${Math.max(attempt, attempts)}`;
            let reason;
            let waitMs;
            if (outcome.kind === 'response') {
                const { response } = outcome;
                log(`HTTP ${shown} -> ${response.status} in ${ms} ms, request-id ${response.requestId ?? '-'}, ${counter}`);
                // A 429 refused the request before doing anything (RFC 6585 §4), so even a creating
                // request that must not be repeated blindly is safe to send again after the wait.
                const allowed = request.retry || response.status === 429 ? maxAttempts : 1;
                if (!isRetryableStatus(response.status) || attempt >= allowed)
                    return response;
                const retryAfter = retryAfterDelay(response.headers['retry-after'], clock.now(), retryAfterBounds);
                reason = `HTTP ${response.status}${retryAfter !== undefined ? ', Retry-After' : ''}`;
                waitMs = retryAfter ?? backoffDelay(attempt, backoff);
            }
            else {
                throwIfCancelled(shown, details);
                if (outcome.budgetSpent)
                    throw budgetError(shown, details, 'while waiting for its reply');
                // Only our own code raises a PublishError: a body that could not read its file. That is
                // no network failure, and another attempt would not fix it.
                if ((0,errors/* isPublishError */.U)(outcome.error))
                    throw outcome.error;
                const what = outcome.timedOut ? 'timed out' : describeNetworkError(outcome.error);
                log(`HTTP ${shown} -> ${what} after ${ms} ms, ${counter}`);
                const retryable = outcome.timedOut || isRetryableNetworkError(outcome.error);
                if (!retryable || attempt >= attempts)
                    throw networkError(shown, details, outcome, attempt);
                reason = what;
                waitMs = backoffDelay(attempt, backoff);
            }
            if (deadline !== undefined && clock.now() + waitMs > deadline) {
                throw budgetError(shown, details, `after ${reason}: waiting ${seconds(waitMs)} to retry would cross it`);
            }
            log(`HTTP ${shown} retry in ${seconds(waitMs)} (${reason})`);
            try {
                await clock.sleep(waitMs, signal);
            }
            catch (error) {
                throwIfCancelled(shown, details);
                throw error;
            }
        }
    }
    async function attemptOnce(request, url, attemptTimeoutMs) {
        const remaining = deadline === undefined ? Infinity : deadline - clock.now();
        // setTimeout fires at once for delays beyond 2^31-1 ms, so the limit is clamped below that.
        const limit = Math.max(1, Math.min(attemptTimeoutMs, remaining, MAX_TIMER_MS));
        const budgetLimited = remaining < attemptTimeoutMs;
        const controller = new AbortController();
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            controller.abort(new Error('attempt timed out'));
        }, limit);
        const onCancel = () => controller.abort(signal?.reason);
        signal?.addEventListener('abort', onCancel, { once: true });
        // A body factory's iterable needs no cleanup here: wire.ts iterates it with `for await`, which
        // returns it on any exit, and an iterable never started has opened nothing (HttpRequest.body).
        const body = typeof request.body === 'function' ? request.body() : request.body;
        try {
            const reply = await exchange(url, {
                method: request.method,
                headers: request.headers,
                body,
                signal: controller.signal
            });
            const headers = flattenHeaders(reply.headers);
            return {
                kind: 'response',
                response: {
                    status: reply.status,
                    headers,
                    text: reply.text,
                    requestId: headers['request-id']
                }
            };
        }
        catch (error) {
            return { kind: 'error', error, timedOut, budgetSpent: timedOut && budgetLimited };
        }
        finally {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onCancel);
        }
    }
    function throwIfCancelled(shown, details) {
        if (signal?.aborted)
            throw new errors/* PublishError */.S('CANCELLED', `Cancelled during ${shown}.`, details);
    }
    return {
        send,
        counts: () => ({ ...counts })
    };
}
function budgetError(shown, details, when) {
    return new errors/* PublishError */.S('TIME_BUDGET_EXCEEDED', (0,redact/* redact */.E$)(`The time budget (timeout-minutes) ran out for ${shown} ${when}.`), { ...details, hint: 'Raise timeout-minutes, or run again when the service is less busy.' });
}
function networkError(shown, details, outcome, attempts) {
    const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
    if (outcome.timedOut) {
        return new errors/* PublishError */.S('HTTP_TIMEOUT', (0,redact/* redact */.E$)(`${shown} did not answer in time (${tries}).`), {
            ...details,
            cause: outcome.error,
            hint: 'Check the network path to the service; the service may be slow or unreachable.'
        });
    }
    return new errors/* PublishError */.S('HTTP_NETWORK', (0,redact/* redact */.E$)(`${shown} failed: ${describeNetworkError(outcome.error)} (${tries}).`), {
        ...details,
        cause: outcome.error,
        hint: 'Check the host name, proxy and network path to the service.'
    });
}
function describeNetworkError(error) {
    const code = networkErrorCode(error);
    const message = error instanceof Error ? error.message : String(error);
    return code && !message.includes(code) ? `${message} (${code})` : message;
}
function flattenHeaders(headers) {
    const out = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return out;
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./src/auth/entra-hints.ts
/**
 * What to do about each Entra ID error a publisher is likely to meet (ingestion-v1.md §1 and the
 * workload-identity-federation errors of GitHub OIDC). Keyed by the AADSTS code.
 */
const SUBJECT_FORMS = "The federated credential's subject must match the job exactly: 'repo:OWNER/REPO:ref:refs/tags/v1.2.3' for one tag " +
    "(a credential cannot match all tags), 'repo:OWNER/REPO:ref:refs/heads/main' for a branch, " +
    "'repo:OWNER/REPO:environment:NAME' when the job declares an environment, 'repo:OWNER/REPO:pull_request' for pull requests.";
const HINTS = {
    AADSTS7000215: "The client-secret is wrong: pass the secret's Value (shown once when it was created), not its Secret ID, and check that it has not expired.",
    AADSTS7000222: "The client secret has expired: create a new one under the app registration's 'Certificates & secrets' and update the repository secret.",
    AADSTS700016: 'No application with this client-id exists in this tenant: check client-id (the Application (client) ID) and that the app is registered in the tenant given as tenant-id.',
    AADSTS90002: 'The tenant does not exist: check tenant-id (the Directory (tenant) ID of the Entra tenant linked to Partner Center).',
    AADSTS900144: 'The token request lacked a required field: check that tenant-id, client-id and client-secret (or OIDC) inputs are not empty.',
    AADSTS7000218: 'The token request carried neither a secret nor an assertion: set the client-secret input, or use GitHub OIDC with a federated credential.',
    AADSTS500011: 'The Partner Center API is not available in this tenant: check tenant-id and that the tenant is linked to a Partner Center account.',
    AADSTS700211: "The GitHub token's issuer matches no federated credential: add one with issuer 'https://token.actions.githubusercontent.com' to the app registration.",
    AADSTS700213: `The GitHub token's subject matches no federated credential on the app. ${SUBJECT_FORMS}`,
    AADSTS700212: "The GitHub token's audience matches no federated credential: the oidc-audience input must equal the credential's audience (default 'api://AzureADTokenExchange').",
    AADSTS700024: 'The GitHub token was outside its valid time range (expired, or the clocks differ): run the job again; the action requests a fresh token for each exchange.'
};
const GENERIC = 'Check tenant-id, client-id and the credential (client-secret, or the federated credential for GitHub OIDC).';
function entraHint(code) {
    return (code && HINTS[code.toUpperCase()]) || GENERIC;
}

;// CONCATENATED MODULE: ./src/auth/token-reply.ts
/**
 * Reads a token endpoint's 200 reply. The v1 endpoint sends its numbers as strings
 * (`"expires_in":"3599"`), the v2 endpoint as numbers: both are accepted.
 */

/**
 * Lifetime assumed when a reply states none. Entra tokens live 60 minutes (ingestion-v1.md §1);
 * a shorter guess only costs an earlier refresh.
 */
const ASSUMED_LIFETIME_MS = 30 * 60_000;
function toNumber(value) {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}
/** `now` is the clock reading when the request was sent, so transit time shortens the lifetime. */
function parseTokenReply(text, now, where) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        body = undefined;
    }
    const record = typeof body === 'object' && body !== null ? body : {};
    const accessToken = record.access_token;
    if (typeof accessToken !== 'string' || accessToken === '') {
        throw new errors/* PublishError */.S('HTTP_BAD_REPLY', 'The token endpoint answered 200 without an access_token.', where);
    }
    // `expires_in` is relative, so it survives a skewed local clock; `expires_on` is the fallback.
    const expiresIn = toNumber(record.expires_in);
    const expiresOn = toNumber(record.expires_on);
    const expiresAt = expiresIn !== undefined
        ? now + expiresIn * 1000
        : expiresOn !== undefined
            ? expiresOn * 1000
            : now + ASSUMED_LIFETIME_MS;
    return { accessToken, expiresAt };
}

;// CONCATENATED MODULE: ./src/auth/token-provider.ts





const RESOURCE = 'https://api.partner.microsoft.com';
const SCOPE = `${RESOURCE}/.default`;
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const REFRESH_MARGIN_MS = 5 * 60_000;
const WHAT = 'get an access token from Microsoft Entra ID';
function createTokenProvider(options) {
    const { settings, transport, clock } = options;
    // @actions/core is loaded only when OIDC needs it: a client-secret run's token request goes
    // out before it has loaded (see src/runner-protocol.ts).
    const getIdToken = options.getIdToken ??
        (async (audience) => (await __nccwpck_require__.e(/* import() */ 421).then(__nccwpck_require__.bind(__nccwpck_require__, 6421))).getIDToken(audience));
    const env = options.env ?? process.env;
    const authority = `${settings.authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(settings.tenantId)}`;
    const secret = settings.clientSecret;
    if (secret)
        (0,redact/* registerSecret */.cl)(secret);
    let cached;
    // Offers published concurrently share one refresh instead of each asking Entra.
    let pending;
    async function requestToken() {
        // Client secret: the v1 endpoint with `resource` (§1). OIDC: the v2 endpoint with `scope`,
        // which is where Entra accepts federated assertions.
        const [path, fields] = secret
            ? [
                'oauth2/token',
                {
                    grant_type: 'client_credentials',
                    client_id: settings.clientId,
                    client_secret: secret,
                    resource: RESOURCE
                }
            ]
            : [
                'oauth2/v2.0/token',
                {
                    grant_type: 'client_credentials',
                    client_id: settings.clientId,
                    scope: SCOPE,
                    client_assertion_type: ASSERTION_TYPE,
                    client_assertion: await githubAssertion()
                }
            ];
        const request = {
            method: 'POST',
            url: `${authority}/${path}`,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
            body: new URLSearchParams(fields).toString(),
            phase: 'token',
            retry: true
        };
        const sentAt = clock.now();
        const response = await transport.send(request);
        if (response.status !== 200)
            throw tokenError(request, response);
        const issued = parseTokenReply(response.text, sentAt, {
            method: 'POST',
            path: new URL(request.url).pathname
        });
        (0,redact/* registerSecret */.cl)(issued.accessToken);
        return issued;
    }
    /** A fresh assertion per exchange: GitHub's tokens are short-lived (minutes). */
    async function githubAssertion() {
        if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
            throw new errors/* PublishError */.S('AUTH_OIDC_UNAVAILABLE', 'No client-secret was given and GitHub OIDC is not available to this job (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set).', {
                hint: "Either pass the client-secret input from a repository secret, or grant the job 'permissions: id-token: write' " +
                    'and add a federated credential for this repository to the Entra app registration.'
            });
        }
        try {
            const assertion = await getIdToken(settings.oidcAudience);
            (0,redact/* registerSecret */.cl)(assertion);
            return assertion;
        }
        catch (error) {
            if ((0,errors/* isPublishError */.U)(error))
                throw error;
            const reason = error instanceof Error ? error.message : String(error);
            throw new errors/* PublishError */.S('AUTH_OIDC_UNAVAILABLE', (0,redact/* redact */.E$)(`Could not get a GitHub OIDC token for audience '${settings.oidcAudience}': ${reason}`), { hint: "Grant the job 'permissions: id-token: write'." });
        }
    }
    return {
        async getToken() {
            if (cached && cached.expiresAt - clock.now() > REFRESH_MARGIN_MS)
                return cached.accessToken;
            pending ??= requestToken().finally(() => {
                pending = undefined;
            });
            cached = await pending;
            return cached.accessToken;
        },
        invalidate() {
            cached = undefined;
        }
    };
}
/**
 * Entra's own replies (4xx with an AADSTS code) are credential problems: AUTH_FAILED with a hint
 * for that code. A 5xx without one is the service failing: HTTP_STATUS.
 */
function tokenError(request, response) {
    const base = (0,http_error/* httpError */.p)(request, response, WHAT);
    const isEntraVerdict = response.status < 500 || /^AADSTS/i.test(base.details.serviceCode ?? '');
    if (!isEntraVerdict)
        return base;
    return new errors/* PublishError */.S('AUTH_FAILED', base.message, {
        ...base.details,
        hint: entraHint(base.details.serviceCode)
    });
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/manifest/version.ts
var manifest_version = __nccwpck_require__(1017);
;// CONCATENATED MODULE: ./src/settings.ts
/**
 * The action's inputs (or the CLI's flags and environment) as one typed object. Nothing else in
 * src/ reads inputs. Parsing is pure: `parseSettings(read)` takes a reader so the action
 * (INPUT_* variables, src/runner-protocol.ts), the CLI (flags + env) and tests share one
 * implementation.
 */



/** Every input the action reads, by its kebab-case name (action.yml declares exactly these). */
const INPUT_NAMES = {
    tenantId: 'tenant-id',
    clientId: 'client-id',
    clientSecret: 'client-secret',
    oidcAudience: 'oidc-audience',
    manifest: 'manifest',
    target: 'target',
    version: 'version',
    offers: 'offers',
    dryRun: 'dry-run',
    wait: 'wait',
    timeoutMinutes: 'timeout-minutes',
    onConflict: 'on-conflict',
    authorityHost: 'authority-host',
    apiBaseUrl: 'api-base-url',
    concurrency: 'concurrency',
    checkExisting: 'check-existing'
};
const DEFAULTS = {
    oidcAudience: 'api://AzureADTokenExchange',
    manifest: 'marketplace.yml',
    target: 'preview',
    wait: true,
    dryRun: false,
    /**
     * Just under GitHub-hosted runners' 6-hour job limit: preview creation and certification take
     * hours, and the action should stop on its own budget (and say where it stopped) rather than be
     * killed by the runner. Set it lower with `wait: false` flows or higher on self-hosted runners.
     */
    timeoutMinutes: 340,
    onConflict: 'fail',
    authorityHost: 'https://login.microsoftonline.com',
    apiBaseUrl: 'https://api.partner.microsoft.com/v1.0/ingestion',
    concurrency: 4,
    checkExisting: 'auto'
};
/** A week: longer than any runner lets a job live, so larger values are typos. */
const MAX_TIMEOUT_MINUTES = 7 * 24 * 60;
const MAX_CONCURRENCY = 16;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Entra accepts a tenant's verified domain in place of its ID (contoso.onmicrosoft.com). */
const TENANT_DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
function parseSettings(read, env, cwd) {
    const input = (name) => read(name).trim();
    const workspace = env.GITHUB_WORKSPACE || cwd;
    // Trimmed like every input: a secret pasted with a trailing newline would fail as AADSTS7000215.
    const clientSecret = input(INPUT_NAMES.clientSecret);
    return {
        tenantId: parseTenantId(input(INPUT_NAMES.tenantId)),
        clientId: parseGuid(INPUT_NAMES.clientId, input(INPUT_NAMES.clientId), 'the Application (client) ID of the Entra app registration'),
        clientSecret: clientSecret === '' ? undefined : clientSecret,
        oidcAudience: input(INPUT_NAMES.oidcAudience) || DEFAULTS.oidcAudience,
        manifestPath: external_node_path_default().resolve(workspace, input(INPUT_NAMES.manifest) || DEFAULTS.manifest),
        target: parseChoice(INPUT_NAMES.target, input(INPUT_NAMES.target), ['draft', 'preview', 'live'], DEFAULTS.target),
        version: parseVersion(input(INPUT_NAMES.version), env.GITHUB_REF),
        offers: parseOfferPatterns(read(INPUT_NAMES.offers)),
        dryRun: parseBoolean(INPUT_NAMES.dryRun, input(INPUT_NAMES.dryRun), DEFAULTS.dryRun),
        wait: parseBoolean(INPUT_NAMES.wait, input(INPUT_NAMES.wait), DEFAULTS.wait),
        timeoutMinutes: parseTimeout(input(INPUT_NAMES.timeoutMinutes)),
        onConflict: parseChoice(INPUT_NAMES.onConflict, input(INPUT_NAMES.onConflict), ['fail', 'wait'], DEFAULTS.onConflict),
        authorityHost: parseAuthorityHost(input(INPUT_NAMES.authorityHost)),
        apiBaseUrl: parseApiBaseUrl(input(INPUT_NAMES.apiBaseUrl)),
        concurrency: parseConcurrency(input(INPUT_NAMES.concurrency)),
        checkExisting: parseChoice(INPUT_NAMES.checkExisting, input(INPUT_NAMES.checkExisting), ['auto', 'always'], DEFAULTS.checkExisting),
        runAttempt: parseRunAttempt(env.GITHUB_RUN_ATTEMPT)
    };
}
/** Set by the runner, so not the user's input: anything but a whole number counts as a first attempt. */
function parseRunAttempt(value) {
    const attempt = Number(value);
    return Number.isInteger(attempt) && attempt >= 1 ? attempt : 1;
}
function invalid(name, message, hint) {
    throw new errors/* PublishError */.S('INPUT_INVALID', `Input "${name}" ${message}`, { hint });
}
function parseTenantId(value) {
    const name = INPUT_NAMES.tenantId;
    if (value === '')
        invalid(name, 'is required', 'Set tenant-id to the Directory (tenant) ID of your Entra tenant, e.g. from a repository variable.');
    if (GUID.test(value) || TENANT_DOMAIN.test(value))
        return value;
    return invalid(name, `is not a tenant ID: "${value}"`, 'Use the Directory (tenant) ID, a GUID such as 8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f, or a verified domain such as contoso.onmicrosoft.com.');
}
function parseGuid(name, value, what) {
    if (value === '')
        invalid(name, 'is required', `Set ${name} to ${what}.`);
    if (GUID.test(value))
        return value;
    return invalid(name, `is not a GUID: "${value}"`, `Use ${what}, a GUID such as 5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b (not the app's name or a secret ID).`);
}
function parseChoice(name, value, choices, fallback) {
    if (value === '')
        return fallback;
    if (choices.includes(value))
        return value;
    return invalid(name, `must be one of ${choices.join(', ')}; got "${value}"`, `Set ${name} to one of: ${choices.join(', ')} (default ${fallback}).`);
}
/** The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
function parseBoolean(name, value, fallback) {
    if (value === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    return invalid(name, `must be true or false; got "${value}"`, `Set ${name} to true or false.`);
}
function parseVersion(value, ref) {
    if (value === '')
        return (0,manifest_version/* versionFromRef */.YN)(ref);
    // A tag name pasted as is (v1.2.3) means the version 1.2.3.
    const version = value.replace(/^v(?=\d)/, '');
    if ((0,manifest_version/* isValidVersion */.ri)(version))
        return version;
    return invalid(INPUT_NAMES.version, `is not a version: "${value}"`, manifest_version/* VERSION_FORMAT_HINT */.Dt);
}
/**
 * Comma- or newline-separated offer IDs or globs. Commas inside braces belong to the glob
 * (`contoso-{analytics,ops}`), so the split skips them.
 */
function parseOfferPatterns(value) {
    const patterns = [];
    let depth = 0;
    let current = '';
    for (const char of value) {
        if (char === '{')
            depth++;
        if (char === '}')
            depth = Math.max(0, depth - 1);
        if ((char === ',' && depth === 0) || char === '\n' || char === '\r') {
            patterns.push(current);
            current = '';
        }
        else
            current += char;
    }
    patterns.push(current);
    const trimmed = patterns.map(p => p.trim()).filter(p => p !== '');
    for (const pattern of trimmed) {
        if (!/^[A-Za-z0-9_\-*?[\]{},]+$/.test(pattern)) {
            invalid(INPUT_NAMES.offers, `has an invalid offer ID or glob: "${pattern}"`, 'List offer IDs or globs (e.g. contoso-*) separated by commas or new lines.');
        }
    }
    return trimmed;
}
function parseTimeout(value) {
    if (value === '')
        return DEFAULTS.timeoutMinutes;
    const minutes = Number(value);
    if (Number.isFinite(minutes) && minutes > 0 && minutes <= MAX_TIMEOUT_MINUTES)
        return minutes;
    return invalid(INPUT_NAMES.timeoutMinutes, `must be a number of minutes above 0 and at most ${MAX_TIMEOUT_MINUTES}; got "${value}"`, `Set timeout-minutes to the overall time budget, e.g. ${DEFAULTS.timeoutMinutes}.`);
}
function parseConcurrency(value) {
    if (value === '')
        return DEFAULTS.concurrency;
    const count = Number(value);
    if (Number.isInteger(count) && count >= 1 && count <= MAX_CONCURRENCY)
        return count;
    return invalid(INPUT_NAMES.concurrency, `must be a whole number from 1 to ${MAX_CONCURRENCY}; got "${value}"`, `Set concurrency to how many offers to publish at once (default ${DEFAULTS.concurrency}).`);
}
/** http(s) URL; plain http is accepted here and refused by the transport unless it is loopback. */
function parseHttpUrl(name, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return invalid(name, `is not an absolute URL: "${value}"`, `Set ${name} to an https:// URL, or leave it empty for the default.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        invalid(name, `must be an http(s) URL; got ${url.protocol.replace(':', '')}`, `Set ${name} to an https:// URL.`);
    }
    if (url.username || url.password || url.search || url.hash) {
        invalid(name, 'must not carry credentials, a query or a fragment', `Give ${name} as scheme, host and path only.`);
    }
    return url;
}
function parseAuthorityHost(value) {
    if (value === '')
        return DEFAULTS.authorityHost;
    const url = parseHttpUrl(INPUT_NAMES.authorityHost, value);
    if (url.pathname !== '/') {
        invalid(INPUT_NAMES.authorityHost, `must be a host without a path; got "${value}"`, `Use the origin only, e.g. ${DEFAULTS.authorityHost}; the tenant is given by tenant-id.`);
    }
    return url.origin;
}
function parseApiBaseUrl(value) {
    if (value === '')
        return DEFAULTS.apiBaseUrl;
    const url = parseHttpUrl(INPUT_NAMES.apiBaseUrl, value);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

// EXTERNAL MODULE: ./src/publish/errors.ts
var publish_errors = __nccwpck_require__(4188);
;// CONCATENATED MODULE: ./src/publish/run.ts





/** Files uploaded at once within one offer. The evidence gives no limit; 4 keeps memory modest. */
const UPLOAD_CONCURRENCY = 4;
/** Resolves with the process exit code: 0 success, 1 failure, 2 invalid settings (the CLI's usage error). */
async function runPublish(deps) {
    const startedAt = deps.clock.now();
    const workspace = deps.env.GITHUB_WORKSPACE || deps.cwd;
    const state = { offers: [], runErrors: [] };
    let loading;
    const loadSink = () => (loading ??= deps.loadSink());
    try {
        await publishRun(deps, state, startedAt, workspace, loadSink);
    }
    catch (error) {
        state.runErrors = (0,publish_errors/* toResultErrors */.O)(error);
        const sink = await loadSink();
        // A bug's stack helps only whoever debugs it: shown with debug logging on, redacted.
        if (error instanceof Error && !(error instanceof errors/* PublishError */.S) && error.stack && sink.isDebug())
            sink.debug((0,redact/* redact */.E$)(error.stack));
    }
    const [sink, { report }] = await Promise.all([loadSink(), __nccwpck_require__.e(/* import() */ 31).then(__nccwpck_require__.bind(__nccwpck_require__, 5031))]);
    await report(sink, {
        dryRun: state.settings?.dryRun ?? false,
        target: state.settings?.target ?? 'preview',
        status: 'failed',
        offers: state.offers,
        runErrors: state.runErrors,
        counts: state.transport?.counts(),
        workspace
    });
    if (state.runErrors.some(e => e.code === 'INPUT_INVALID'))
        return 2;
    return state.runErrors.length || state.offers.some(o => o.status === 'failed') ? 1 : 0;
}
async function publishRun(deps, state, startedAt, workspace, loadSink) {
    const { clock } = deps;
    const settings = parseSettings(deps.read, deps.env, deps.cwd);
    state.settings = settings;
    const deadline = startedAt + settings.timeoutMinutes * 60_000;
    // The token request's debug lines can come before the sink has loaded: kept, in order, until then.
    const early = [];
    let debug = (line) => void early.push(line);
    const requestSignal = deps.requestSignal ?? deps.signal;
    const transport = deps.createTransport({
        clock,
        signal: requestSignal,
        deadline,
        log: line => debug(line)
    });
    state.transport = transport;
    const tokens = createTokenProvider({
        settings,
        transport,
        clock,
        env: deps.env,
        getIdToken: deps.getIdToken
    });
    const token = tokens.getToken();
    // Awaited below, after the manifest: its problems are what the user must fix first.
    token.catch(() => undefined);
    // Loading the manifest is CPU work (module compilation, schema compilation) that would hold the
    // token request back from the wire; one turn of the event loop lets its connection start first.
    await new Promise(resolve => setImmediate(resolve));
    const sink = await loadSink();
    for (const line of early)
        sink.debug(line);
    debug = line => sink.debug(line);
    const manifest = await loadSelectedManifest(settings, workspace);
    // Bad credentials fail here, before the first write.
    await token;
    const [{ createIngestionClient }, { createProgressReporter }, { publishAll }, { uploadFile }] = await Promise.all([
        __nccwpck_require__.e(/* import() */ 366).then(__nccwpck_require__.bind(__nccwpck_require__, 7366)),
        __nccwpck_require__.e(/* import() */ 991).then(__nccwpck_require__.bind(__nccwpck_require__, 8991)),
        __nccwpck_require__.e(/* import() */ 513).then(__nccwpck_require__.bind(__nccwpck_require__, 7513)),
        __nccwpck_require__.e(/* import() */ 708).then(__nccwpck_require__.bind(__nccwpck_require__, 1708))
    ]);
    const api = createIngestionClient({ baseUrl: settings.apiBaseUrl, transport, tokens, log: debug });
    const progress = createProgressReporter(sink, clock, startedAt);
    const mode = settings.dryRun ? 'Planning' : 'Publishing';
    const note = settings.dryRun ? ' (dry run: nothing is written)' : '';
    sink.info(`${mode} ${manifest.offers.length} offer(s) to ${settings.target}${note}`);
    state.offers = await publishAll({
        api,
        settings,
        clock,
        signal: deps.signal,
        deadline,
        upload: (file, sasUrl) => uploadFile({
            sasUrl,
            filePath: file.path,
            size: file.size,
            transport,
            log: debug,
            clock,
            signal: requestSignal
        }),
        progress: progress.progress,
        warn: progress.warn,
        debug: line => {
            if (sink.isDebug())
                sink.debug(line);
        },
        group: { start: name => sink.startGroup(name), end: () => sink.endGroup() },
        uploadConcurrency: UPLOAD_CONCURRENCY
    }, manifest.offers);
}
async function loadSelectedManifest(settings, workspace) {
    const [{ loadManifest }, { selectOffers }] = await Promise.all([
        Promise.all(/* import() */[__nccwpck_require__.e(700), __nccwpck_require__.e(668)]).then(__nccwpck_require__.bind(__nccwpck_require__, 668)),
        Promise.all(/* import() */[__nccwpck_require__.e(581), __nccwpck_require__.e(695)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1695))
    ]);
    const loaded = await loadManifest(settings.manifestPath, { version: settings.version, workspace });
    return selectOffers(loaded, settings.offers);
}

// EXTERNAL MODULE: ./src/runner-protocol.ts + 1 modules
var runner_protocol = __nccwpck_require__(5793);
;// CONCATENATED MODULE: ./src/main.ts
/**
 * The GitHub Action: inputs from the runner (`INPUT_*`), report to the runner (@actions/core:
 * annotations, outputs, job summary). Every dependency can be replaced by tests; the defaults are
 * the real ones.
 */





async function run(deps = {}) {
    const cancellation = abortOnSignals();
    try {
        await runPublish({
            read: (0,runner_protocol/* actionInputs */.e)(process.env),
            loadSink: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(972)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5972))).actionSink(),
            clock: systemClock,
            env: process.env,
            cwd: process.cwd(),
            createTransport: createTransport,
            signal: cancellation.signal,
            requestSignal: cancellation.requestSignal,
            ...deps
        });
    }
    finally {
        cancellation.dispose();
    }
}


/***/ }),

/***/ 1017:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dt: () => (/* binding */ VERSION_FORMAT_HINT),
/* harmony export */   YN: () => (/* binding */ versionFromRef),
/* harmony export */   am: () => (/* binding */ fourPartVersion),
/* harmony export */   ri: () => (/* binding */ isValidVersion)
/* harmony export */ });
/**
 * The version being published: its accepted format, where it comes from when no input gives it
 * (a `v1.2.3` tag), and the four-part form Business Central apps need.
 */
/**
 * `1.2.3` or `1.2.3.4`, optionally with a pre-release suffix (`1.2.3-beta.1`). Partner Center
 * itself takes `X.Y.Z` package versions and `W.X.Y.Z` app versions; the suffix is accepted here so
 * that a pre-release tag can still drive fields that are free text, and is refused later by the
 * fields that need plain numbers.
 */
const VERSION = /^\d+\.\d+\.\d+(\.\d+)?(-[0-9A-Za-z][0-9A-Za-z.-]*)?$/;
const VERSION_FORMAT_HINT = 'Use a version such as 1.2.3, 1.2.3.4 or 1.2.3-beta.1 (numbers separated by dots).';
function isValidVersion(value) {
    return VERSION.test(value);
}
/** `refs/tags/v1.2.3` or `refs/tags/1.2.3` → `1.2.3`; any other ref (branches, other tags) → undefined. */
function versionFromRef(ref) {
    const tag = ref?.match(/^refs\/tags\/v?(.+)$/)?.[1];
    return tag !== undefined && isValidVersion(tag) ? tag : undefined;
}
/** `1.2.3` → `1.2.3.0`, `1.2.3.4` unchanged; undefined when there is a pre-release suffix. */
function fourPartVersion(version) {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(version))
        return version;
    if (/^\d+\.\d+\.\d+$/.test(version))
        return `${version}.0`;
    return undefined;
}


/***/ }),

/***/ 4188:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ toResultErrors)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _http_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6715);
/**
 * Any thrown value → the errors a result shows. A PublishError keeps its code, message and place;
 * its `cause` expands into one row per service message (package validation items, submission
 * validations and failed certification reports) or manifest problem. Anything else is a bug: one
 * line with a code and "please report", never a stack trace (the caller logs that under debug).
 */


function toResultErrors(error) {
    if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isPublishError */ .U)(error)) {
        const name = error instanceof Error ? error.name : typeof error;
        const detail = error instanceof Error ? error.message : String(error);
        return [
            {
                code: 'UNEXPECTED',
                message: (0,_http_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`Unexpected ${name}: ${detail}. This is a bug in the action; please report it (re-run with debug logging for details).`)
            }
        ];
    }
    const main = {
        code: error.code,
        message: withHint(error),
        source: error.details.source
    };
    const rows = causeRows(error);
    // Each manifest problem is its own annotation at its line; a "the manifest is invalid" line
    // on top would only repeat them.
    if (error.code === 'MANIFEST_INVALID' && rows.length)
        return rows;
    return [main, ...rows];
}
function withHint(error) {
    const parts = [error.message];
    const { requestId } = error.details;
    // The transport's messages already quote it; others get it appended for support cases.
    if (requestId && !error.message.includes(requestId))
        parts.push(`(request-id ${requestId})`);
    if (error.details.hint)
        parts.push(error.details.hint);
    return (0,_http_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(parts.join(' '));
}
function causeRows(error) {
    const cause = error.details.cause;
    if (Array.isArray(cause))
        return cause.flatMap(item => fromItem(error.code, item));
    if (cause && typeof cause === 'object' && 'validations' in cause) {
        const { validations, reports } = cause;
        return [...validations.flatMap(v => fromItem(error.code, v)), ...reports.flatMap(fromReport)];
    }
    return [];
}
/** A validation item (`{errorCode, severity, message}`) or a manifest problem (`{message, source, hint}`). */
function fromItem(code, item) {
    if (!item || typeof item !== 'object')
        return [];
    const record = item;
    const text = typeof record.message === 'string' ? record.message : JSON.stringify(item);
    const hint = typeof record.hint === 'string' ? ` ${record.hint}` : '';
    const serviceCode = typeof record.errorCode === 'string' ? `${record.errorCode}: ` : '';
    return [
        {
            code,
            message: (0,_http_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`${serviceCode}${text}${hint}`),
            severity: typeof record.severity === 'string' ? record.severity : undefined,
            source: isSourceRef(record.source) ? record.source : undefined
        }
    ];
}
function fromReport(report) {
    if (report.status !== 'Failed')
        return [];
    const link = report.fileUri ? ` Report: ${report.fileUri.split('?')[0]}` : '';
    return [
        {
            code: 'CERTIFICATION_FAILED',
            message: (0,_http_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`Certification failed.${link}`),
            severity: 'Error'
        }
    ];
}
function isSourceRef(value) {
    return !!value && typeof value === 'object' && typeof value.file === 'string';
}


/***/ }),

/***/ 5793:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ actionInputs),
  N: () => (/* binding */ addMask)
});

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/runner-protocol.ts
/**
 * The two pieces of the runner's protocol that the action needs before its first request: reading
 * an input and masking a secret. @actions/core does both, but loading it takes tens of
 * milliseconds (it brings its own HTTP client for OIDC), so these are done here, the same way
 * core does them (tests compare the two), and core is loaded while the token request is in
 * flight (docs/decisions/http-client.md). Nothing else reads inputs or masks values.
 */

/**
 * The action's inputs as the runner passes them: `INPUT_` + the name in upper case with spaces as
 * underscores, trimmed, '' when not set. `core.getInput(name)` without options, which is how the
 * action reads every input (settings.ts reports missing required inputs itself).
 */
function actionInputs(env) {
    return name => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
/**
 * `::add-mask::` for `value`: the runner replaces it with `***` in every later log line. Written
 * to stdout at once (synchronously, as `core.setSecret` does), so no line can show it first.
 */
function addMask(value) {
    const data = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    process.stdout.write(`::add-mask::${data}${external_node_os_namespaceObject.EOL}`);
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
