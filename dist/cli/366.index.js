export const id = 366;
export const ids = [366];
export const modules = {

/***/ 7366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createIngestionClient: () => (/* binding */ createIngestionClient)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/http/redact.ts + 2 modules
var redact = __webpack_require__(5196);
;// CONCATENATED MODULE: ./src/ingestion/reply.ts
/**
 * Checks replies before anyone reads them, so a malformed reply becomes HTTP_BAD_REPLY with the
 * request's method, path and request id, never a TypeError three calls later. Only the fields the
 * action relies on are checked; everything else passes through untouched (PUT sends it back).
 */


const SHAPES = {
    product: {
        name: 'a product',
        required: { id: 'string', resourceType: 'string', externalIDs: 'array' }
    },
    productSetup: { name: 'a product setup' },
    variant: { name: 'a plan (variant)', required: { id: 'string', externalID: 'string' } },
    branch: {
        name: 'a branch',
        required: { currentDraftInstanceID: 'string' },
        optional: { variantID: 'string', module: 'string' }
    },
    listing: { name: 'a listing', required: { id: 'string' } },
    image: {
        name: 'a listing image',
        required: { id: 'string', state: 'string' },
        optional: { fileSasUri: 'string' }
    },
    package: {
        name: 'a package',
        required: { id: 'string', state: 'string' },
        optional: { fileSasUri: 'string', validationItems: 'array' }
    },
    packageConfiguration: {
        name: 'a package configuration',
        required: { id: 'string', resourceType: 'string' }
    },
    property: { name: 'a property', required: { id: 'string' } },
    resellerConfiguration: { name: 'a reseller configuration' },
    submission: {
        name: 'a submission',
        required: { id: 'string', state: 'string', substate: 'string' },
        optional: { pendingUpdateInfo: 'object' }
    },
    workflowDetail: { name: 'a workflow detail', optional: { workflowSteps: 'array' } },
    validationItem: { name: 'a validation item' },
    report: { name: 'a certification report' }
};
function badReply(context, problem) {
    const id = context.requestId ? ` (request-id ${context.requestId})` : '';
    return new errors/* PublishError */.S('HTTP_BAD_REPLY', (0,redact/* redact */.E$)(`${context.method} ${context.path} answered with ${problem}${id}.`), {
        method: context.method,
        path: context.path,
        ...(context.requestId ? { requestId: context.requestId } : {}),
        hint: 'The service sent a reply this action does not understand; run again, and report it if it persists.'
    });
}
function parseJson(text, context) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw badReply(context, text.trim() === '' ? 'an empty body where JSON was expected' : 'a body that is not JSON');
    }
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    if (typeof value === 'object')
        return 'object';
    if (typeof value === 'string')
        return 'string';
    return 'other';
}
/** The value as T when it has the shape's fields with the right JSON types; else HTTP_BAD_REPLY. */
function checkShape(value, shape, context) {
    if (kindOf(value) !== 'object')
        throw badReply(context, `${describe(value)} where ${shape.name} was expected`);
    const record = value;
    for (const [field, kind] of Object.entries(shape.required ?? {})) {
        if (kindOf(record[field]) !== kind) {
            throw badReply(context, `${shape.name} whose '${field}' is ${describe(record[field])}, not ${article(kind)}`);
        }
    }
    for (const [field, kind] of Object.entries(shape.optional ?? {})) {
        const actual = record[field];
        if (actual !== undefined && actual !== null && kindOf(actual) !== kind) {
            throw badReply(context, `${shape.name} whose '${field}' is ${describe(actual)}, not ${article(kind)}`);
        }
    }
    return value;
}
/** `{"value":[…],"nextLink":"…"}`; `@odata.nextLink` is read when `nextLink` is absent. */
function checkPage(value, context) {
    if (kindOf(value) !== 'object')
        throw badReply(context, `${describe(value)} where a collection was expected`);
    const record = value;
    if (!Array.isArray(record.value))
        throw badReply(context, `a collection whose 'value' is ${describe(record.value)}, not an array`);
    return { value: record.value, nextLink: record.nextLink ?? record['@odata.nextLink'] };
}
function describe(value) {
    const kind = kindOf(value);
    if (value === undefined)
        return 'missing';
    if (kind === 'null')
        return 'null';
    if (kind === 'other')
        return `a ${typeof value}`;
    return article(kind);
}
function article(kind) {
    return kind === 'array' ? 'an array' : kind === 'object' ? 'an object' : 'a string';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/http/http-error.ts
var http_error = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/ingestion/service-link.ts
/**
 * Resolves links the service sends: a collection's `nextLink`, or the `Location` of a 202. The
 * service sends `nextLink` host-relative with no leading slash (`v1.0/ingestion/products?$skipToken=…`,
 * ingestion-v1.md §2.4); a leading slash and an absolute URL (as in `Location`) are accepted too.
 */


const API_ROOT = /\/v1\.0\/ingestion(?:\/|$)/i;
/**
 * The link as an absolute URL, `undefined` when there is none (the last page). A link to another
 * origin is refused: the bearer token must never go to a host the caller did not configure.
 * `name` ('nextLink', 'Location') is for messages.
 */
function resolveServiceLink(link, baseUrl, where, name = 'nextLink') {
    if (link === undefined || link === null || link === '')
        return undefined;
    if (typeof link !== 'string') {
        throw new errors/* PublishError */.S('HTTP_BAD_REPLY', `The service sent a ${name} that is not a string (${typeof link}).`, where);
    }
    const base = new URL(baseUrl);
    let next;
    try {
        if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//'))
            next = new URL(link, base);
        else if (link.startsWith('/'))
            next = new URL(link, base.origin);
        else
            next = new URL(link, `${base.origin}${rootOf(base.pathname, link)}`);
    }
    catch {
        throw new errors/* PublishError */.S('HTTP_BAD_REPLY', `The service sent a ${name} that is not a valid URL.`, where);
    }
    if (next.origin !== base.origin) {
        throw new errors/* PublishError */.S('HTTP_BAD_REPLY', `The service sent a ${name} to another host (${(0,redact/* redactUrl */.BO)(next.href)}); refusing to send the access token there.`, where);
    }
    return next.href;
}
/**
 * The folder a host-relative link is resolved against. `v1.0/ingestion/…` links go under the
 * part of the base path before `/v1.0/ingestion` (empty for the real service, a proxy prefix
 * otherwise); any other relative link goes under the base URL itself.
 */
function rootOf(basePath, link) {
    const path = basePath.endsWith('/') ? basePath : `${basePath}/`;
    if (!/^v1\.0\/ingestion(?:[/?]|$)/i.test(link))
        return path;
    const at = path.search(API_ROOT);
    return at >= 0 ? `${path.slice(0, at)}/` : '/';
}

;// CONCATENATED MODULE: ./src/ingestion/requester.ts
/**
 * The plumbing under every Ingestion API call: headers, one token refresh after 401/403
 * (ingestion-v1.md §2.9), status checks, reply checks and `nextLink` paging. client.ts maps the
 * API's operations onto these four verbs.
 */





/** A safety net against a service that never stops paging; real lists have a handful of pages. */
const MAX_PAGES = 1000;
/**
 * A follow-up page once answered 404 for a while (navcontainerhelper#3151). Ending the list there
 * would hide items (and the run would then try to create a plan that exists), so the list is read
 * again from its first page, this many times at most, before failing.
 */
const MAX_LIST_RESTARTS = 3;
function createRequester(options) {
    const { transport, tokens } = options;
    const baseUrl = options.baseUrl.replace(/\/+$/, '');
    const log = (line) => options.log?.((0,redact/* redact */.E$)(line));
    /** Sends with a bearer token; after a 401 or 403 fetches a new token and tries once more. */
    async function exchange(method, url, phase, retry, body) {
        const clientRequestId = (0,external_node_crypto_.randomUUID)();
        const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
        for (let refreshed = false;; refreshed = true) {
            const headers = {
                Authorization: `Bearer ${await tokens.getToken()}`,
                Accept: 'application/json',
                'Client-Request-ID': clientRequestId
            };
            if (payload !== undefined)
                headers['Content-Type'] = 'application/json; charset=utf-8';
            if (method === 'PUT')
                headers['If-Match'] = etagOf(body);
            const request = {
                method,
                url,
                headers,
                phase,
                retry,
                ...(payload ? { body: payload } : {})
            };
            const response = await transport.send(request);
            const context = {
                method,
                path: new URL(url).pathname,
                ...(response.requestId ? { requestId: response.requestId } : {})
            };
            if ((response.status === 401 || response.status === 403) && !refreshed) {
                log(`${method} ${context.path} answered ${response.status}: fetching a new token and trying once more`);
                tokens.invalidate();
                continue;
            }
            return { request, response, context };
        }
    }
    async function get(call, shape) {
        return getUrl(urlOf(call.path), call, shape);
    }
    async function getUrl(url, call, shape) {
        const { request, response, context } = await exchange('GET', url, call.phase, true);
        if (!isSuccess(response.status))
            throw (0,http_error/* httpError */.p)(request, response, call.what);
        return checkShape(parseJson(response.text, context), shape, context);
    }
    async function list(call, shape) {
        const items = [];
        const seen = new Set();
        const first = urlOf(call.path);
        let url = first;
        let restarts = 0;
        for (let page = 1; url !== undefined; page++) {
            if (page > MAX_PAGES) {
                throw badReply({ method: 'GET', path: new URL(url).pathname }, `more than ${MAX_PAGES} pages while trying to ${call.what}`);
            }
            seen.add(url);
            const { request, response, context } = await exchange('GET', url, call.phase, true);
            if (response.status === 404 && page > 1 && restarts < MAX_LIST_RESTARTS) {
                restarts++;
                log(`GET ${context.path} (page ${page}) answered 404: reading the list again from the start`);
                items.length = 0;
                seen.clear();
                url = first;
                page = 0;
                continue;
            }
            if (!isSuccess(response.status))
                throw (0,http_error/* httpError */.p)(request, response, call.what);
            const { value, nextLink } = checkPage(parseJson(response.text, context), context);
            for (const item of value)
                items.push(checkShape(item, shape, context));
            url = resolveServiceLink(nextLink, baseUrl, context);
            if (url !== undefined && seen.has(url)) {
                log(`GET ${context.path} (page ${page}) links back to a page already read: ending the list there`);
                break;
            }
        }
        return items;
    }
    async function write(call, shape) {
        const { request, response, context } = await exchange(call.method, urlOf(call.path), call.phase, call.retry, call.body);
        if (!isSuccess(response.status))
            throw (0,http_error/* httpError */.p)(request, response, call.what);
        // POST /submissions may answer 202 (azure-docs#93203); without a body, the Location has it.
        const location = response.headers.location;
        if (response.status === 202 && response.text.trim() === '' && location) {
            const target = resolveServiceLink(location, baseUrl, context, 'Location');
            return getUrl(target, { ...call, phase: 'lookup' }, shape);
        }
        return checkShape(parseJson(response.text, context), shape, context);
    }
    async function remove(call) {
        const { request, response } = await exchange('DELETE', urlOf(call.path), call.phase, true);
        if (!isSuccess(response.status))
            throw (0,http_error/* httpError */.p)(request, response, call.what);
    }
    function urlOf(path) {
        return `${baseUrl}/${path}`;
    }
    return { get, list, write, remove };
}
function isSuccess(status) {
    return status >= 200 && status < 300;
}
/**
 * The body's own etag, verbatim with its quotes (§2.7); `*` when it has none. Sent on every PUT,
 * including packages and variants whose swagger declares no If-Match: the service ignores it there.
 */
function etagOf(body) {
    const etag = typeof body === 'object' && body !== null
        ? body['@odata.etag']
        : undefined;
    return typeof etag === 'string' && etag !== '' ? etag : '*';
}

;// CONCATENATED MODULE: ./src/ingestion/client.ts


/** One path segment or function argument; the function's parentheses stay unencoded. */
const id = encodeURIComponent;
/** OData string literal: quotes are escaped by doubling them. */
function odataString(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
function createIngestionClient(options) {
    const http = createRequester(options);
    const product = (productId) => `products/${id(productId)}`;
    const submission = (productId, submissionId) => `${product(productId)}/submissions/${id(submissionId)}`;
    const images = (productId, listingId) => `${product(productId)}/listings/${id(listingId)}/images`;
    return {
        // products
        async findProductByOfferId(offerId) {
            const filter = `ExternalIDs/Any(i:i/Type eq 'AzureOfferId' and i/Value eq ${odataString(offerId)})`;
            const found = await http.list({
                path: `products?${new URLSearchParams({ $filter: filter }).toString()}`,
                phase: 'lookup',
                what: `find the product of offer '${offerId}'`
            }, SHAPES.product);
            // The filter narrows the list; the match itself is checked here, as every known client does.
            return found.find(p => p.externalIDs.some(e => typeof e === 'object' &&
                e !== null &&
                typeof e.type === 'string' &&
                e.type.toLowerCase() === 'azureofferid' &&
                e.value === offerId));
        },
        getProduct: productId => http.get({ path: product(productId), phase: 'lookup', what: `read product ${productId}` }, SHAPES.product),
        createProduct: body => http.write({
            method: 'POST',
            path: 'products',
            body,
            phase: 'write',
            retry: false,
            what: `create the product '${body.name}'`
        }, SHAPES.product),
        getProductSetup: productId => http.get({
            path: `${product(productId)}/setup`,
            phase: 'lookup',
            what: `read the setup of product ${productId}`
        }, SHAPES.productSetup),
        // plans
        listVariants: productId => http.list({
            path: `${product(productId)}/variants`,
            phase: 'lookup',
            what: `list the plans of product ${productId}`
        }, SHAPES.variant),
        createVariant: (productId, body) => http.write({
            method: 'POST',
            path: `${product(productId)}/variants`,
            body,
            phase: 'write',
            retry: false,
            what: `create plan '${body.externalID}' in product ${productId}`
        }, SHAPES.variant),
        // drafts
        getBranches: (productId, module) => http.list({
            path: `${product(productId)}/branches/getByModule(module=${id(module)})`,
            phase: 'lookup',
            what: `read the ${module} drafts of product ${productId}`
        }, SHAPES.branch),
        // listings and images
        getListings: (productId, instanceId) => http.list({
            path: `${product(productId)}/listings/getByInstanceID(instanceID=${id(instanceId)})`,
            phase: 'lookup',
            what: `read the listings of draft ${instanceId}`
        }, SHAPES.listing),
        putListing: (productId, listing) => http.write({
            method: 'PUT',
            path: `${product(productId)}/listings/${id(listing.id)}`,
            body: listing,
            phase: 'write',
            retry: true,
            what: `update listing ${listing.id}${listing.languageCode ? ` (${listing.languageCode})` : ''}`
        }, SHAPES.listing),
        listImages: (productId, listingId) => 
        // $expand=FileSasUri: without it the service leaves out the upload URLs (§2.5).
        http.list({
            path: `${images(productId, listingId)}?$expand=FileSasUri`,
            phase: 'lookup',
            what: `list the images of listing ${listingId}`
        }, SHAPES.image),
        createImage: (productId, listingId, body) => http.write({
            method: 'POST',
            path: images(productId, listingId),
            body,
            phase: 'write',
            retry: false,
            what: `create the ${body.type} image '${body.fileName}'`
        }, SHAPES.image),
        getImage: (productId, listingId, imageId) => http.get({
            path: `${images(productId, listingId)}/${id(imageId)}`,
            phase: 'poll',
            what: `read image ${imageId}`
        }, SHAPES.image),
        putImage: (productId, listingId, image) => http.write({
            method: 'PUT',
            path: `${images(productId, listingId)}/${id(image.id)}`,
            body: image,
            phase: 'write',
            retry: true,
            what: `update the ${image.type} image '${image.fileName}'`
        }, SHAPES.image),
        deleteImage: (productId, listingId, imageId) => http.remove({
            path: `${images(productId, listingId)}/${id(imageId)}`,
            phase: 'write',
            what: `delete image ${imageId}`
        }),
        // packages
        listPackages: productId => http.list({
            path: `${product(productId)}/packages`,
            phase: 'lookup',
            what: `list the packages of product ${productId}`
        }, SHAPES.package),
        createPackage: (productId, body) => http.write({
            method: 'POST',
            path: `${product(productId)}/packages`,
            body,
            phase: 'write',
            retry: false,
            what: `create the package '${body.fileName}'`
        }, SHAPES.package),
        getPackage: (productId, packageId) => http.get({
            path: `${product(productId)}/packages/${id(packageId)}`,
            phase: 'poll',
            what: `read package ${packageId}`
        }, SHAPES.package),
        putPackage: (productId, pkg) => http.write({
            method: 'PUT',
            path: `${product(productId)}/packages/${id(pkg.id)}`,
            body: pkg,
            phase: 'write',
            retry: true,
            what: `mark package '${pkg.fileName}' as ${pkg.state}`
        }, SHAPES.package),
        getPackageConfigurations: (productId, instanceId) => http.list({
            path: `${product(productId)}/packageConfigurations/getByInstanceID(instanceID=${id(instanceId)})`,
            phase: 'lookup',
            what: `read the technical configuration of draft ${instanceId}`
        }, SHAPES.packageConfiguration),
        putPackageConfiguration: (productId, config) => http.write({
            method: 'PUT',
            path: `${product(productId)}/packageconfigurations/${id(config.id)}`,
            body: config,
            phase: 'write',
            retry: true,
            what: `update the technical configuration ${config.id}`
        }, SHAPES.packageConfiguration),
        // properties and reseller
        getProperties: (productId, instanceId) => http.list({
            path: `${product(productId)}/properties/getByInstanceID(instanceID=${id(instanceId)})`,
            phase: 'lookup',
            what: `read the properties of draft ${instanceId}`
        }, SHAPES.property),
        putProperty: (productId, property) => http.write({
            method: 'PUT',
            path: `${product(productId)}/properties/${id(property.id)}`,
            body: property,
            phase: 'write',
            retry: true,
            what: `update the properties ${property.id}`
        }, SHAPES.property),
        getResellerConfiguration: productId => http.get({
            path: `${product(productId)}/resellerConfiguration`,
            phase: 'lookup',
            what: `read the reseller configuration of product ${productId}`
        }, SHAPES.resellerConfiguration),
        setResellerConfiguration: (productId, configuration) => http.write({
            method: 'POST',
            path: `${product(productId)}/resellerConfiguration`,
            body: configuration,
            phase: 'write',
            // Setting the same state twice is harmless, unlike the creating POSTs.
            retry: true,
            what: `update the reseller configuration of product ${productId}`
        }, SHAPES.resellerConfiguration),
        // submissions
        listSubmissions: productId => http.list({
            path: `${product(productId)}/submissions`,
            phase: 'lookup',
            what: `list the submissions of product ${productId}`
        }, SHAPES.submission),
        getSubmission: (productId, submissionId) => http.get({
            path: submission(productId, submissionId),
            phase: 'poll',
            what: `read submission ${submissionId}`
        }, SHAPES.submission),
        createSubmission: (productId, request) => http.write({
            method: 'POST',
            path: `${product(productId)}/submissions`,
            body: request,
            phase: 'write',
            retry: false,
            what: `create a ${request.targets.map(t => t.value).join('/')} submission for product ${productId}`
        }, SHAPES.submission),
        deleteSubmission: (productId, submissionId) => http.remove({
            path: submission(productId, submissionId),
            phase: 'write',
            what: `delete submission ${submissionId}`
        }),
        promoteSubmission: (productId, submissionId) => http.write({
            method: 'POST',
            path: `${submission(productId, submissionId)}/promote`,
            phase: 'write',
            retry: false,
            what: `promote submission ${submissionId} to live`
        }, SHAPES.workflowDetail),
        getValidations: (productId, submissionId) => http.list({
            path: `${submission(productId, submissionId)}/validations`,
            phase: 'poll',
            what: `read the validation results of submission ${submissionId}`
        }, SHAPES.validationItem),
        getReports: (productId, submissionId) => http.list({
            path: `${submission(productId, submissionId)}/reports`,
            phase: 'poll',
            what: `read the certification reports of submission ${submissionId}`
        }, SHAPES.report),
        getWorkflowDetails: (productId, submissionId) => http.list({
            path: `${submission(productId, submissionId)}/workflowdetails`,
            phase: 'poll',
            what: `read the workflow of submission ${submissionId}`
        }, SHAPES.workflowDetail)
    };
}


/***/ })

};
