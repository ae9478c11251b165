export const id = 708;
export const ids = [708];
export const modules = {

/***/ 1532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit)
/* harmony export */ });
/**
 * Bounded concurrency for independent work: offers published side by side, files uploaded side
 * by side, blocks of one file. One helper so every caller gets the same failure rule.
 */
/**
 * Runs `fn` over `items` with at most `limit` calls in flight and resolves with the results in
 * input order.
 *
 * On the first rejection no further item is started, but the calls already in flight are allowed
 * to finish (an upload or a write half-way through is not abandoned mid-request); then the
 * returned promise rejects with that first error. Callers that want every item to run whatever
 * happens to the others catch inside `fn`.
 */
async function mapLimit(items, limit, fn) {
    const width = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (failure === undefined && next < items.length) {
            const index = next++;
            try {
                results[index] = await fn(items[index], index);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: width }, worker));
    if (failure !== undefined)
        throw failure.error;
    return results;
}


/***/ }),

/***/ 1708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uploadFile: () => (/* binding */ uploadFile)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/redact.ts + 2 modules
var redact = __webpack_require__(5196);
// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(1532);
;// CONCATENATED MODULE: ./src/upload/block-list.ts
/**
 * Block ids and the Put Block List body. Storage requires every block id of a blob to be base64
 * of the same number of bytes (at most 64 before encoding), so ids are fixed-width counters.
 */
const ID_DIGITS = 6; // 50,000 blocks at most per blob: 5 digits would do, 6 keeps it obvious
/**
 * Base64 id of block `index`: `block-000042` is 12 bytes, a multiple of 3, so the base64 has no
 * `=` padding and only letters and digits (still percent-encoded when put in a query).
 */
function blockId(index) {
    return Buffer.from(`block-${String(index).padStart(ID_DIGITS, '0')}`).toString('base64');
}
/** Body of Put Block List committing `ids` in order, each as the latest uploaded version. */
function blockListXml(ids) {
    const latest = ids.map(id => `<Latest>${id}</Latest>`).join('');
    return `<?xml version="1.0" encoding="utf-8"?><BlockList>${latest}</BlockList>`;
}

// EXTERNAL MODULE: ./src/http/service-error.ts
var service_error = __webpack_require__(1696);
;// CONCATENATED MODULE: ./src/upload/upload-error.ts
/**
 * Turns a refused or failed upload request into one UPLOAD_FAILED error that names the file, the
 * Storage error code (from the XML body, parsed like every service error by `parseServiceError`)
 * and what to do. Never carries the SAS: only the URL's path goes into the error.
 */



/** What each Storage error code means for a publisher, and what to do about it. */
const HINTS = {
    AuthenticationFailed: 'The upload URL was refused: its signature is wrong or it has expired (it is valid for about 24 hours). Re-run the workflow: the action requests a new upload URL.',
    AuthorizationFailure: 'The upload URL was refused: it has expired or was revoked. Re-run the workflow: the action requests a new upload URL.',
    AuthorizationPermissionMismatch: 'The upload URL does not allow writing (a read-only URL, as a package gets once it is marked Uploaded). Re-run the workflow: the action requests a new upload URL.',
    RequestBodyTooLarge: 'The storage host refused the size of one request for the storage version in effect. Please report this: the uploader should have chosen smaller blocks.',
    ContainerNotFound: 'The upload location no longer exists. Re-run the workflow: the action requests a new upload URL.',
    BlobNotFound: 'The upload location no longer exists. Re-run the workflow: the action requests a new upload URL.',
    InvalidBlockList: 'The storage host did not find every uploaded block (another run may have used the same upload URL). Re-run the workflow.',
    InvalidBlockId: 'The storage host refused a block id (another run may have used the same upload URL). Re-run the workflow.'
};
const DEFAULT_HINT = 'Re-run the workflow; if it keeps failing, check the Partner Center service status.';
/** The error for an upload request answered with anything but 201 Created. */
function refusedUpload(fileName, step, request, response) {
    const { code, message } = (0,service_error/* parseServiceError */.z)(response.text);
    const refusal = code ? `${response.status} ${code}` : `${response.status}`;
    const said = message ? ` (${(0,redact/* redact */.E$)(message)})` : '';
    return new errors/* PublishError */.S('UPLOAD_FAILED', `Uploading ${fileName} failed: the storage host answered ${refusal} to ${step}${said}.`, {
        hint: (code && HINTS[code]) || DEFAULT_HINT,
        method: request.method,
        path: pathOf(request.url),
        status: response.status,
        serviceCode: code,
        requestId: response.headers['x-ms-request-id'] ?? response.requestId
    });
}
/** The path of a URL, never its query (the SAS). */
function pathOf(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return '';
    }
}
/**
 * An error thrown while sending (network failure or timeout after the transport's retries, a
 * file-system error) as UPLOAD_FAILED naming the file. Cancellation, the time budget and an
 * insecure URL keep their own codes: they mean the same thing whatever was being sent.
 */
function failedUpload(fileName, error) {
    if ((0,errors/* isPublishError */.U)(error)) {
        if (!['HTTP_NETWORK', 'HTTP_TIMEOUT', 'RETRY_EXHAUSTED'].includes(error.code))
            return error;
        return new errors/* PublishError */.S('UPLOAD_FAILED', `Uploading ${fileName} failed: ${error.message}`, {
            ...error.details,
            hint: error.details.hint ?? DEFAULT_HINT,
            cause: error
        });
    }
    // Only file-system errors (ENOENT, EACCES, EISDIR...) are the publisher's to fix; anything else
    // is a bug and goes up unchanged to be reported as one.
    const reason = error?.code;
    if (typeof reason !== 'string' || !reason.startsWith('E'))
        return error;
    return new errors/* PublishError */.S('UPLOAD_FAILED', `Uploading ${fileName} failed: the file could not be read (${reason}).`, { hint: 'Check that the file exists and is not changed while the action runs.', cause: error });
}

;// CONCATENATED MODULE: ./src/upload/file-read.ts
/**
 * Reading the file being uploaded: positioned reads into buffers the uploader owns, so memory
 * stays bounded and no fresh memory is taken per chunk (on a 2-core runner, faulting in fresh
 * pages for every chunk of a streamed file cost about as much CPU as sending it).
 */



/**
 * The file's first `context.size` bytes as consecutive slices of at most `sliceBytes`, each read
 * into the same buffer: a request body that never holds more than one slice. The file is opened
 * on the first slice and closed when the body ends or is abandoned (`return()`).
 *
 * Reusing the buffer is safe because the transport (http/wire.ts) asks for the next slice only
 * once the write of this one has called back, that is once its bytes have left for the socket.
 * upload-azurite.test.ts checks the bytes through a slow receiver.
 */
async function* fileSlices(context, sliceBytes) {
    const buffer = Buffer.allocUnsafe(Math.min(sliceBytes, context.size));
    let file;
    try {
        file = await (0,promises_.open)(context.filePath, 'r');
        for (let offset = 0; offset < context.size; offset += sliceBytes) {
            const length = Math.min(sliceBytes, context.size - offset);
            yield await readExactly(context, file, buffer.subarray(0, length), offset);
        }
    }
    catch (error) {
        // The error reaches the caller through the HTTP client, which must not take a file-system
        // error (file deleted, EACCES) for a network failure: UPLOAD_FAILED naming the file here.
        throw failedUpload(context.fileName, error);
    }
    finally {
        await file?.close();
    }
}
/** Fills `target` from the file at `position` (a read may return fewer bytes than asked: loop). */
async function readExactly(context, file, target, position) {
    let filled = 0;
    while (filled < target.length) {
        const { bytesRead } = await file.read(target, filled, target.length - filled, position + filled);
        if (bytesRead === 0) {
            throw new errors/* PublishError */.S('UPLOAD_FAILED', `Uploading ${context.fileName} failed: the file became shorter while it was uploaded.`, { hint: 'Make sure nothing rewrites the file while the action runs, then re-run.' });
        }
        filled += bytesRead;
    }
    return target;
}

;// CONCATENATED MODULE: ./src/upload/storage-version.ts
/**
 * The Blob Storage service version our upload requests ask for, and the size limits that follow.
 *
 * A sent `x-ms-version` header sets the version that runs the request, whatever the SAS `sv` says
 * (ingestion-v1.md §6 [REC]: a Put Blob with `x-ms-version: 2021-08-06` on an `sv=2018-03-28`
 * ingestion SAS was answered `x-ms-version: 2021-08-06`). We send 2021-08-06 because:
 * - it is the very version seen accepted by the real ingestion upload host in that recording, on
 *   the same kind of SAS the API issues today, so we know a real SAS host takes it;
 * - it is at or above 2019-12-12, so single puts up to 5000 MiB and blocks up to 4000 MiB are
 *   allowed; our defaults (64 MiB single put, 8 MiB blocks) stay far below even the 2018-03-28
 *   limits, so a host that ignored the header and fell back to `sv` would still accept them;
 * - Azurite (the emulator's backing store) supports it without `--skipApiVersionCheck`.
 * Whether the Azure Front Door upload hosts seen since 2026-08 honour the header is not known
 * (ingestion-v1.md §6 [X]); the defaults above are chosen to be safe either way.
 */
const STORAGE_VERSION = '2021-08-06';
const MiB = 1024 * 1024;
/** Largest Put Blob the version above allows. */
const MAX_SINGLE_PUT_BYTES = 5000 * MiB;
/** Largest Put Block the version above allows. */
const MAX_BLOCK_BYTES = 4000 * MiB;
/** Blocks one blob may have (every version). */
const MAX_BLOCKS = 50_000;
/** 64 MiB: the single-put limit of every storage version, old or new. */
const DEFAULT_SINGLE_PUT_LIMIT = 64 * MiB;
/** 8 MiB: small enough to retry cheaply, large enough to keep requests per GiB low (128). */
const DEFAULT_BLOCK_SIZE = 8 * MiB;
const DEFAULT_CONCURRENCY = 4;

;// CONCATENATED MODULE: ./src/upload/request.ts



/**
 * The per-attempt timeout grows with the body: 60 s for the round trip plus the time the body
 * takes at 256 KiB/s, a floor slow enough for a congested runner. The evidence says nothing about
 * upload speeds; the transport's own default would cut off a 64 MiB single put on a slow link.
 */
function uploadTimeoutMs(bodyBytes) {
    return 60_000 + Math.ceil(bodyBytes / (256 * 1024)) * 1000;
}
/** Headers of every upload request. `x-ms-date` is informative here: a SAS needs no clock. */
function storageHeaders(clock) {
    return { 'x-ms-version': STORAGE_VERSION, 'x-ms-date': new Date(clock.now()).toUTCString() };
}
/** Sends one upload request (retried by the transport: each is idempotent) and expects 201. */
async function sendExpectingCreated(context, step, request) {
    throwIfCancelled(context);
    const full = { ...request, phase: 'upload', retry: true };
    const response = await context.transport.send(full);
    if (response.status !== 201)
        throw refusedUpload(context.fileName, step, full, response);
}
function throwIfCancelled(context) {
    if (context.signal?.aborted) {
        throw new errors/* PublishError */.S('CANCELLED', `Uploading ${context.fileName} was cancelled.`, {
            hint: 'Re-run the workflow: the action uploads the file again.'
        });
    }
}

;// CONCATENATED MODULE: ./src/upload/sas-url.ts
/**
 * Working with an upload URL (SAS) without rebuilding it. The URL is used exactly as the service
 * issued it: never parsed into account, container and blob names and never re-assembled from a
 * host name, because the hosts change (blob.core.windows.net, then Azure Front Door hosts since
 * 2026-08) and rebuilding them broke real clients (ALOps#1010, navcontainerhelper#4191).
 */
/** The issued URL with `params` (already encoded) appended to its query string as is. */
function withQuery(sasUrl, params) {
    if (!sasUrl.includes('?'))
        return `${sasUrl}?${params}`;
    const separator = sasUrl.endsWith('?') || sasUrl.endsWith('&') ? '' : '&';
    return `${sasUrl}${separator}${params}`;
}
/** The raw (still percent-encoded) value of the SAS `sig` parameter, if the URL has one. */
function sasSignature(sasUrl) {
    const query = sasUrl.split('?')[1];
    if (query === undefined)
        return undefined;
    for (const pair of query.split('&')) {
        const [name, value] = pair.split('=');
        if (name?.toLowerCase() === 'sig' && value)
            return value;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/upload/blocks.ts
/**
 * Put Block for each slice of the file, a bounded number in flight, then Put Block List.
 *
 * Memory stays at about `concurrency × blockSize` whatever the file size: each block is read from
 * disk with a positioned read into one of `concurrency` reusable buffers, sent, and the buffer
 * goes back to the pool. Each request is retried by the transport (Put Block and Put Block List
 * are idempotent: the same id with the same bytes, the same list).
 */






/** Uploads the file as blocks and commits them; resolves with the number of blocks. */
async function putBlocks(context, plan) {
    const count = Math.ceil(context.size / plan.blockSize);
    const ids = Array.from({ length: count }, (_, index) => blockId(index));
    const width = Math.min(plan.concurrency, count);
    const pool = Array.from({ length: width }, () => Buffer.allocUnsafe(plan.blockSize));
    const file = await (0,promises_.open)(context.filePath, 'r');
    try {
        await (0,concurrency/* mapLimit */.s)(ids, width, async (id, index) => {
            // mapLimit never has more than `width` calls in flight, so the pool is never empty.
            const buffer = pool.pop();
            try {
                const offset = index * plan.blockSize;
                const length = Math.min(plan.blockSize, context.size - offset);
                const bytes = await readExactly(context, file, buffer.subarray(0, length), offset);
                await putBlock(context, id, bytes);
                context.progress.add(length);
            }
            finally {
                pool.push(buffer);
            }
        });
    }
    finally {
        await file.close();
    }
    await putBlockList(context, ids);
    return count;
}
async function putBlock(context, id, bytes) {
    await sendExpectingCreated(context, 'Put Block', {
        method: 'PUT',
        url: withQuery(context.sasUrl, `comp=block&blockid=${encodeURIComponent(id)}`),
        headers: {
            ...storageHeaders(context.clock),
            'content-type': 'application/octet-stream',
            'content-length': String(bytes.length)
        },
        body: bytes,
        timeoutMs: uploadTimeoutMs(bytes.length)
    });
}
async function putBlockList(context, ids) {
    const body = blockListXml(ids);
    await sendExpectingCreated(context, 'Put Block List', {
        method: 'PUT',
        url: withQuery(context.sasUrl, 'comp=blocklist'),
        headers: {
            ...storageHeaders(context.clock),
            'content-type': 'application/xml; charset=utf-8',
            'content-length': String(Buffer.byteLength(body)),
            // The Content-Type above describes the XML; this one is stored as the blob's type.
            'x-ms-blob-content-type': context.contentType
        },
        body,
        timeoutMs: uploadTimeoutMs(Buffer.byteLength(body))
    });
}

;// CONCATENATED MODULE: ./src/upload/progress.ts
const progress_MiB = 1024 * 1024;
function createProgress(options) {
    const { label, total, clock, intervalMs, log } = options;
    const startedAt = clock.now();
    let lastLineAt = startedAt;
    let done = 0;
    const report = (now) => {
        const seconds = (now - startedAt) / 1000;
        const rate = seconds > 0 ? done / seconds : 0;
        const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
        const eta = rate > 0 ? `, about ${formatSeconds((total - done) / rate)} left` : '';
        log(`${label}: ${percent}% (${formatMiB(done)} of ${formatMiB(total)}, ${formatRate(rate)}${eta})`);
    };
    return {
        add(bytes) {
            done = Math.min(total, done + bytes);
            const now = clock.now();
            if (done < total && now - lastLineAt >= intervalMs) {
                lastLineAt = now;
                report(now);
            }
        },
        retract(bytes) {
            done = Math.max(0, done - bytes);
        },
        elapsedMs: () => clock.now() - startedAt
    };
}
function formatMiB(bytes) {
    return `${(bytes / progress_MiB).toFixed(1)} MiB`;
}
function formatRate(bytesPerSecond) {
    return `${(bytesPerSecond / progress_MiB).toFixed(1)} MiB/s`;
}
function formatSeconds(seconds) {
    if (seconds < 90)
        return `${Math.ceil(seconds)} s`;
    return `${Math.ceil(seconds / 60)} min`;
}

;// CONCATENATED MODULE: ./src/upload/single-put.ts
/**
 * Put Blob: the whole file in one request, read from disk slice by slice into one reused buffer
 * (never held in memory). Used up to the single-put limit (64 MiB by default, a size every
 * storage version accepts in one request).
 */


/**
 * 1 MiB: few enough slices (64 for 64 MiB) that per-slice work does not count, and one buffer of
 * that size is all the memory a single put holds.
 */
const SLICE_BYTES = 1024 * 1024;
async function putBlob(context) {
    const { sasUrl, size, contentType, clock, progress } = context;
    let countedByAttempt = 0;
    async function* counted(slices) {
        for await (const slice of slices) {
            countedByAttempt += slice.length;
            progress.add(slice.length);
            yield slice;
        }
    }
    // The transport calls this once per attempt. A new attempt first takes back what the previous
    // one counted, so a retried upload never shows more than 100%. A read error (file deleted,
    // EACCES, a file that became shorter) ends the body with that error, which fails the request
    // instead of leaving it waiting for bytes that never come.
    const openBody = () => {
        progress.retract(countedByAttempt);
        countedByAttempt = 0;
        return counted(fileSlices(context, SLICE_BYTES));
    };
    await sendExpectingCreated(context, 'Put Blob', {
        method: 'PUT',
        url: sasUrl,
        headers: {
            ...storageHeaders(clock),
            'x-ms-blob-type': 'BlockBlob',
            'content-type': contentType,
            'content-length': String(size)
        },
        body: openBody,
        timeoutMs: uploadTimeoutMs(size)
    });
}

;// CONCATENATED MODULE: ./src/upload/index.ts
/**
 * Uploads a local file to the upload URL (SAS) the Ingestion API issued for a package or image.
 *
 * Why our own uploader over the transport rather than @azure/storage-blob's
 * `BlockBlobClient.uploadFile`: every request then goes through the one Transport, so timeouts,
 * retries with backoff, the overall time budget, cancellation, redaction of the SAS in logs and
 * the per-phase request counts stay in one place; the SDK would bring its own HTTP pipeline,
 * retry policy and logging (about 1 MB more in the bundle and a second place where a SAS can
 * leak). The part of the SDK we would use is small: Put Blob, Put Block, Put Block List.
 * See docs/decisions/upload.md.
 */










async function uploadFile(options) {
    const { sasUrl, filePath, size, transport, log, clock, signal } = options;
    protectSas(sasUrl);
    const fileName = (0,external_node_path_.basename)(filePath);
    try {
        await checkSize(filePath, fileName, size);
        const singlePutLimit = Math.min(options.singlePutLimit ?? DEFAULT_SINGLE_PUT_LIMIT, MAX_SINGLE_PUT_BYTES);
        const mode = size <= singlePutLimit ? 'single' : 'blocks';
        const blockSize = chooseBlockSize(size, options.blockSize ?? DEFAULT_BLOCK_SIZE);
        const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
        const label = `upload ${fileName}`;
        const how = mode === 'single'
            ? 'in one request'
            : `in ${Math.ceil(size / blockSize)} blocks of ${formatMiB(blockSize)}, ${concurrency} at a time`;
        log(`${label}: ${formatMiB(size)} to ${(0,redact/* redactUrl */.BO)(sasUrl)} ${how}`);
        const progress = createProgress({
            label,
            total: size,
            clock,
            intervalMs: options.progressIntervalMs ?? 5000,
            log
        });
        const context = {
            sasUrl,
            filePath,
            fileName,
            size,
            contentType: options.contentType ?? contentTypeOf(filePath),
            transport,
            clock,
            progress,
            signal
        };
        let blocks = 0;
        if (mode === 'single')
            await putBlob(context);
        else
            blocks = await putBlocks(context, { blockSize, concurrency });
        const ms = progress.elapsedMs();
        const rate = ms > 0 ? formatRate((size / ms) * 1000) : 'instant';
        log(`${label}: done, ${formatMiB(size)} in ${(ms / 1000).toFixed(1)} s (${rate})`);
        return { bytes: size, ms, mode, blocks };
    }
    catch (error) {
        throw failedUpload(fileName, error);
    }
}
/** The SAS grants write access: mask it everywhere before the first request can log it. */
function protectSas(sasUrl) {
    (0,redact/* registerSecret */.cl)(sasUrl);
    const signature = sasSignature(sasUrl);
    if (signature === undefined)
        return;
    // registerSecret also masks the percent-encoded forms of what it is given, so the decoded
    // signature covers the raw one unless the issuer encoded it differently (e.g. lower-case hex).
    const decoded = safeDecode(signature);
    (0,redact/* registerSecret */.cl)(decoded);
    if (encodeURIComponent(decoded) !== signature)
        (0,redact/* registerSecret */.cl)(signature);
}
function safeDecode(value) {
    try {
        return decodeURIComponent(value);
    }
    catch {
        return value;
    }
}
/**
 * The Content-Length we send must be the file's real size, or the host waits for bytes that never
 * come (or cuts the file short). A mismatch means the file changed after the caller looked at it.
 */
async function checkSize(filePath, fileName, size) {
    const actual = (await (0,promises_.stat)(filePath)).size;
    if (actual !== size) {
        throw new errors/* PublishError */.S('UPLOAD_FAILED', `Uploading ${fileName} failed: the file is ${actual} bytes, not the ${size} expected.`, { hint: 'Make sure nothing rewrites the file while the action runs, then re-run.' });
    }
}
/**
 * The requested block size, within the version's block limit; when the file would need more
 * than 50,000 blocks of that size, the smallest whole number of MiB that fits instead.
 */
function chooseBlockSize(size, requested) {
    const MiB = 1024 * 1024;
    const wanted = Math.max(1, Math.floor(requested));
    if (Math.ceil(size / wanted) <= MAX_BLOCKS)
        return Math.min(wanted, MAX_BLOCK_BYTES);
    return Math.min(MAX_BLOCK_BYTES, Math.ceil(size / MAX_BLOCKS / MiB) * MiB);
}
const CONTENT_TYPES = {
    '.zip': 'application/zip',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg'
};
function contentTypeOf(filePath) {
    return CONTENT_TYPES[(0,external_node_path_.extname)(filePath).toLowerCase()] ?? 'application/octet-stream';
}


/***/ })

};
