export const id = 668;
export const ids = [668];
export const modules = {

/***/ 668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadManifest: () => (/* binding */ loadManifest)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/manifest/field-path.ts
function formatField(path) {
    return path
        .map((segment, i) => typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)
        .join('');
}
/** Ajv's JSON pointer (`/offers/0/plans/1`) to segments; array indexes become numbers. */
function pointerToPath(pointer, data) {
    if (pointer === '')
        return [];
    const path = [];
    let node = data;
    for (const raw of pointer.slice(1).split('/')) {
        const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        const key = Array.isArray(node) ? Number(segment) : segment;
        path.push(key);
        node =
            node !== null && typeof node === 'object' ? node[key] : undefined;
    }
    return path;
}

// EXTERNAL MODULE: ./node_modules/fast-glob/out/index.js
var out = __webpack_require__(5648);
var out_default = /*#__PURE__*/__webpack_require__.n(out);
;// CONCATENATED MODULE: ./src/manifest/limits.ts
const DEFAULT_LIMITS = {
    packageBytes: 1024 * 1024 * 1024,
    imageBytes: 10 * 1024 * 1024,
    textBytes: 1024 * 1024
};
/** Partner Center's logo sizes (ingestion-v1.md §3.5) and screenshot size. */
const IMAGE_SIZES = {
    AzureLogoSmall: { width: 48, height: 48 },
    AzureLogoMedium: { width: 90, height: 90 },
    AzureLogoLarge: { width: 216, height: 216 },
    AzureLogoWide: { width: 255, height: 115 },
    AzureScreenshot: { width: 1280, height: 720 }
};
function formatBytes(bytes) {
    if (bytes >= 1024 * 1024 * 1024)
        return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
    if (bytes >= 1024 * 1024)
        return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
    if (bytes >= 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${bytes} bytes`;
}

;// CONCATENATED MODULE: ./src/manifest/png.ts
/** Reads a PNG's width and height from its IHDR chunk, the first chunk of every PNG. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The first 24 bytes are enough: signature (8), IHDR length (4), type (4), width (4), height (4). */
const PNG_HEADER_BYTES = 24;
function pngSize(head) {
    if (head.length < PNG_HEADER_BYTES || !head.subarray(0, 8).equals(PNG_SIGNATURE))
        return undefined;
    if (head.toString('ascii', 12, 16) !== 'IHDR')
        return undefined;
    return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

;// CONCATENATED MODULE: ./src/manifest/zip.ts
const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65535 bytes. */
const EOCD_SEARCH = 22 + 0xffff;
/** A package with a central directory larger than this is not a package someone wrote by hand. */
const MAX_CENTRAL_DIRECTORY = 64 * 1024 * 1024;
/** Entry names, or undefined when the file is not a readable zip. */
async function zipEntryNames(handle, size) {
    const tailLength = Math.min(size, EOCD_SEARCH);
    const tail = await readAt(handle, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        return undefined;
    let entries = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || cdSize === 0xffffffff || entries === 0xffff) {
        const locator = eocd - 20;
        if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE)
            return undefined;
        const zip64Offset = Number(tail.readBigUInt64LE(locator + 8));
        const zip64 = await readAt(handle, zip64Offset, 56);
        if (zip64.length < 56 || zip64.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE)
            return undefined;
        entries = Number(zip64.readBigUInt64LE(32));
        cdSize = Number(zip64.readBigUInt64LE(40));
        cdOffset = Number(zip64.readBigUInt64LE(48));
    }
    if (cdSize > MAX_CENTRAL_DIRECTORY || cdOffset + cdSize > size)
        return undefined;
    const cd = await readAt(handle, cdOffset, cdSize);
    const names = [];
    let at = 0;
    for (let i = 0; i < entries; i++) {
        if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL_ENTRY_SIGNATURE)
            return undefined;
        const nameLength = cd.readUInt16LE(at + 28);
        const extraLength = cd.readUInt16LE(at + 30);
        const commentLength = cd.readUInt16LE(at + 32);
        names.push(cd.toString('utf8', at + 46, at + 46 + nameLength));
        at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
}
async function readAt(handle, position, length) {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
}

;// CONCATENATED MODULE: ./src/manifest/files.ts
/**
 * Resolves the files a manifest names (a path or a glob that must match exactly one file) and
 * checks what can be checked locally: inside the repository, right extension, not empty, not too
 * large, and the content's first bytes (zip layout, NAVX, PNG size).
 */






const EXTENSIONS = {
    package: ['.zip'],
    'bc-app': ['.app'],
    'bc-library': ['.app', '.zip'],
    image: ['.png'],
    text: []
};
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const NAVX_MAGIC = Buffer.from('NAVX', 'latin1');
/** Azure Application packages must have both at the zip's root (ingestion-v1.md §7, pitfall 4). */
const REQUIRED_PACKAGE_ENTRIES = ['mainTemplate.json', 'createUiDefinition.json'];
async function resolveFile(pattern, spec, source, ctx) {
    const fail = (message, hint) => ({
        ok: false,
        problem: { message, hint }
    });
    const found = await findOne(pattern, ctx);
    if ('message' in found)
        return fail(found.message, found.hint);
    const absolute = found.path;
    const real = await (0,promises_.realpath)(absolute);
    if (!ctx.roots.some(root => real === root || real.startsWith(root + (external_node_path_default()).sep))) {
        return fail(`${pattern} resolves to ${real}, outside the repository`, 'Keep the files the manifest names inside the workspace or the manifest folder (symbolic links included).');
    }
    const extensions = EXTENSIONS[spec.kind];
    const extension = external_node_path_default().extname(absolute).toLowerCase();
    if (extensions.length > 0 && !extensions.includes(extension)) {
        return fail(`${ctx.display(absolute)} has the extension "${extension || '(none)'}"; expected ${extensions.join(' or ')}`, `Point this field at a ${extensions.join(' or ')} file.`);
    }
    const { size } = await (0,promises_.stat)(absolute);
    if (size === 0)
        return fail(`${ctx.display(absolute)} is empty`, 'Build the file before publishing, or fix the path.');
    const limit = spec.kind === 'image'
        ? ctx.limits.imageBytes
        : spec.kind === 'text'
            ? ctx.limits.textBytes
            : ctx.limits.packageBytes;
    if (size > limit) {
        return fail(`${ctx.display(absolute)} is ${formatBytes(size)}, more than the ${formatBytes(limit)} allowed`, 'Check that the right file is selected; a file this large is usually a build folder zipped by accident.');
    }
    const file = { path: absolute, name: external_node_path_default().basename(absolute), size, source };
    const contentProblem = await checkContent(absolute, size, spec, ctx);
    if (typeof contentProblem === 'object')
        return fail(contentProblem.message, contentProblem.hint);
    return { ok: true, file, text: contentProblem };
}
async function findOne(pattern, ctx) {
    // Globs use forward slashes on every platform; a literal path is taken as it is.
    if (out_default().isDynamicPattern(pattern)) {
        const matches = (await out_default()(pattern, { cwd: ctx.manifestDir, absolute: true, onlyFiles: true, dot: true })).sort();
        if (matches.length === 1)
            return { path: external_node_path_default().normalize(matches[0]) };
        if (matches.length === 0) {
            return {
                message: `no file matches ${pattern}`,
                hint: `Build the file before this step, or fix the glob (relative to ${ctx.display(ctx.manifestDir) || '.'}).`
            };
        }
        const shown = matches.slice(0, 5).map(m => ctx.display(m));
        return {
            message: `${pattern} matches ${matches.length} files (${shown.join(', ')}${matches.length > 5 ? ', ...' : ''}); exactly one is needed`,
            hint: 'Make the glob select one file, e.g. by putting ${{ version }} in the file name.'
        };
    }
    const absolute = external_node_path_default().resolve(ctx.manifestDir, pattern);
    const info = await (0,promises_.stat)(absolute).catch(() => undefined);
    if (!info) {
        return {
            message: `file not found: ${ctx.display(absolute)}`,
            hint: 'Paths are relative to the manifest folder; build the file before this step or fix the path.'
        };
    }
    if (!info.isFile()) {
        return {
            message: `${ctx.display(absolute)} is a folder, not a file`,
            hint: 'Name one file, or a glob that matches one file.'
        };
    }
    return { path: absolute };
}
/** A problem, or for text files their content (undefined for other kinds when all is well). */
async function checkContent(file, size, spec, ctx) {
    const shown = ctx.display(file);
    const handle = await (0,promises_.open)(file, 'r');
    try {
        switch (spec.kind) {
            case 'package':
                return checkAzurePackage(await zipEntryNames(handle, size), shown);
            case 'bc-app':
                return (await readAt(handle, 0, 4)).equals(NAVX_MAGIC)
                    ? undefined
                    : {
                        message: `${shown} is not a Business Central app (it does not start with NAVX)`,
                        hint: 'Point this field at the .app file produced by the AL compiler.'
                    };
            case 'bc-library': {
                const head = await readAt(handle, 0, 4);
                const ok = file.toLowerCase().endsWith('.zip')
                    ? head.equals(ZIP_MAGIC)
                    : head.equals(NAVX_MAGIC);
                return ok
                    ? undefined
                    : {
                        message: `${shown} is neither a Business Central .app nor a zip of them`,
                        hint: 'Use one .app file, or a .zip that holds the library .app files.'
                    };
            }
            case 'image': {
                const dimensions = pngSize(await readAt(handle, 0, PNG_HEADER_BYTES));
                const expected = IMAGE_SIZES[spec.imageType];
                if (!dimensions)
                    return { message: `${shown} is not a PNG image`, hint: 'Save the image as PNG.' };
                if (dimensions.width !== expected.width || dimensions.height !== expected.height) {
                    return {
                        message: `${shown} is ${dimensions.width}x${dimensions.height} pixels; this image must be ${expected.width}x${expected.height}`,
                        hint: `Resize the image to exactly ${expected.width}x${expected.height} pixels.`
                    };
                }
                return undefined;
            }
            case 'text': {
                const bytes = await readAt(handle, 0, size);
                try {
                    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
                    if (text.trim() === '')
                        return { message: `${shown} has no text`, hint: 'Write the text, or remove the field.' };
                    return text;
                }
                catch {
                    return {
                        message: `${shown} is not UTF-8 text`,
                        hint: 'Save the file as UTF-8 (HTML or Markdown).'
                    };
                }
            }
        }
    }
    finally {
        await handle.close();
    }
}
function checkAzurePackage(entries, shown) {
    if (!entries) {
        return {
            message: `${shown} is not a readable zip file`,
            hint: 'Create the package with a zip tool; it must be a .zip archive.'
        };
    }
    const missing = REQUIRED_PACKAGE_ENTRIES.filter(name => !entries.includes(name));
    if (missing.length === 0)
        return undefined;
    return {
        message: `${shown} has no ${missing.join(' and no ')} at its root`,
        hint: 'Zip the files themselves, not the folder that holds them: mainTemplate.json and createUiDefinition.json must be at the root.'
    };
}

// EXTERNAL MODULE: ./src/manifest/version.ts
var manifest_version = __webpack_require__(1017);
;// CONCATENATED MODULE: ./src/manifest/build.ts



const LOGOS = [
    ['small', 'AzureLogoSmall'],
    ['medium', 'AzureLogoMedium'],
    ['large', 'AzureLogoLarge'],
    ['wide', 'AzureLogoWide']
];
/** The listing URI type of the privacy policy link; other links default to Documentation. */
const PRIVACY_URI_TYPE = 'PrivacyUri';
/** The evidence names no listing URI types besides the privacy policy; overridable per link. */
const DEFAULT_LINK_TYPE = 'Documentation';
async function buildOffer(offer, index, ctx) {
    const at = ['offers', index];
    const [listing, images, termsOfUse, plans, businessCentral] = await Promise.all([
        offer.listing ? buildListing(offer.listing, [...at, 'listing'], ctx) : undefined,
        buildImages(offer, at, ctx),
        offer.properties?.termsOfUse !== undefined
            ? readText(offer.properties.termsOfUse, [...at, 'properties', 'termsOfUse'], ctx)
            : undefined,
        Promise.all((offer.plans ?? []).map((plan, i) => buildPlan(plan, offer, [...at, 'plans', i], ctx))),
        offer.type === 'business-central' ? buildBusinessCentral(offer, at, ctx) : undefined
    ]);
    const properties = offer.properties && {
        categories: offer.properties.categories,
        industries: offer.properties.industries,
        termsOfUse,
        useEnterpriseContract: offer.properties.useEnterpriseContract,
        source: ctx.source.locate([...at, 'properties'])
    };
    return {
        offerId: offer.id,
        type: offer.type,
        name: offer.name,
        listing,
        images,
        properties,
        resellerChannelState: offer.reseller,
        plans: plans.filter((plan) => plan !== undefined),
        businessCentral,
        certificationNotes: offer.certificationNotes,
        source: ctx.source.locate(at)
    };
}
async function buildListing(raw, at, ctx) {
    const full = raw;
    const links = [];
    if (full.privacyPolicy)
        links.push({ type: PRIVACY_URI_TYPE, displayText: 'Privacy policy', uri: full.privacyPolicy });
    for (const link of full.links ?? []) {
        links.push({ type: link.type ?? DEFAULT_LINK_TYPE, displayText: link.name, uri: link.uri });
    }
    const contacts = [];
    const roles = [
        ['support', 'CustomerSupport'],
        ['engineering', 'Engineering'],
        ['channelManager', 'ChannelManager']
    ];
    for (const [key, type] of roles) {
        const contact = full.contacts?.[key];
        if (contact)
            contacts.push({ type, ...contact });
    }
    return {
        title: full.title,
        summary: full.summary,
        shortDescription: full.shortDescription,
        description: raw.description === undefined
            ? undefined
            : await readText(raw.description, [...at, 'description'], ctx),
        keywords: full.keywords,
        gettingStartedInstructions: full.gettingStartedInstructions,
        links: full.privacyPolicy || full.links ? links : undefined,
        contacts: full.contacts ? contacts : undefined,
        source: ctx.source.locate(at)
    };
}
async function buildImages(offer, at, ctx) {
    const wanted = [];
    for (const [key, type] of LOGOS) {
        const pattern = offer.images?.[key];
        if (typeof pattern === 'string')
            wanted.push({ type, pattern, path: [...at, 'images', key], order: 0 });
    }
    offer.images?.screenshots?.forEach((pattern, order) => wanted.push({
        type: 'AzureScreenshot',
        pattern,
        path: [...at, 'images', 'screenshots', order],
        order
    }));
    const resolved = await Promise.all(wanted.map(async (image) => {
        const file = await resolve(image.pattern, image.path, { kind: 'image', imageType: image.type }, ctx);
        return file && { type: image.type, file, order: image.order };
    }));
    return resolved.filter((image) => image !== undefined);
}
async function buildPlan(raw, offer, at, ctx) {
    const [listing, pkg] = await Promise.all([
        raw.listing ? buildListing(raw.listing, [...at, 'listing'], ctx) : undefined,
        resolve(raw.package, [...at, 'package'], { kind: 'package' }, ctx)
    ]);
    const version = raw.version ?? ctx.version;
    // Problems were reported for a missing file or version; there is nothing to build.
    if (!pkg || version === undefined)
        return undefined;
    const managed = offer.type === 'azure-managed-app';
    return {
        planId: raw.id,
        name: raw.name,
        subType: managed ? 'managed-application' : 'solution-template',
        listing,
        package: pkg,
        version,
        managedApp: managed ? managedConfig(raw) : undefined,
        source: ctx.source.locate(at)
    };
}
function managedConfig(raw) {
    return {
        publicAzureTenantID: raw.tenantId ?? '',
        publicAzureAuthorizations: (raw.authorizations ?? []).map(a => ({
            principalID: a.principalId,
            roleDefinitionID: a.roleDefinitionId
        })),
        allowJitAccess: raw.jitAccess,
        canEnableCustomerActions: raw.customerActions?.enabled,
        allowedCustomerActions: raw.customerActions?.allowed,
        allowedDataActions: raw.customerActions?.dataActions,
        policies: raw.policies?.map(p => ({
            policyName: p.name,
            policyDefinitionID: p.definitionId,
            // The API takes the parameters as a JSON string.
            policyParameters: p.parameters === undefined || typeof p.parameters === 'string'
                ? p.parameters
                : JSON.stringify(p.parameters),
            policySku: p.sku
        }))
    };
}
async function buildBusinessCentral(offer, at, ctx) {
    const [app, library] = await Promise.all([
        offer.app === undefined
            ? undefined
            : resolve(offer.app, [...at, 'app'], { kind: 'bc-app' }, ctx),
        offer.library === undefined
            ? undefined
            : resolve(offer.library, [...at, 'library'], { kind: 'bc-library' }, ctx)
    ]);
    const appVersion = offer.appVersion ?? (ctx.version === undefined ? undefined : (0,manifest_version/* fourPartVersion */.am)(ctx.version));
    if (!app || appVersion === undefined || (offer.library !== undefined && !library))
        return undefined;
    return { app, library, appVersion };
}
async function readText(text, at, ctx) {
    if (typeof text === 'string')
        return text;
    const filePath = [...at, 'file'];
    if (ctx.unresolved.has(formatField(filePath)))
        return undefined;
    const result = await resolveFile(text.file, { kind: 'text' }, ctx.source.locate(filePath), ctx.files);
    if (result.ok)
        return result.text;
    ctx.problems.add({
        ...result.problem,
        field: formatField(filePath),
        source: ctx.source.locate(filePath)
    });
    return undefined;
}
async function resolve(pattern, at, kind, ctx) {
    const field = formatField(at);
    if (ctx.unresolved.has(field))
        return undefined;
    const source = ctx.source.locate(at);
    const result = await resolveFile(pattern, kind, source, ctx.files);
    if (result.ok)
        return result.file;
    ctx.problems.add({ ...result.problem, field, source });
    return undefined;
}

;// CONCATENATED MODULE: ./src/manifest/problems.ts
/**
 * Manifest problems are collected, not thrown one by one: a publisher fixing a manifest should see
 * every mistake of the file in one run, each at its line.
 */

class ProblemList {
    items = [];
    add(problem) {
        // One problem per field and message: a value can fail two rules that say the same thing.
        const duplicate = this.items.some(p => p.field === problem.field && p.message === problem.message);
        if (!duplicate)
            this.items.push(problem);
    }
    get size() {
        return this.items.length;
    }
    /** Whether a problem was already reported at this field or inside it. */
    touches(field) {
        return this.items.some(p => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`));
    }
    /** Throws the collected problems as one error; returns when there are none. */
    throwIfAny(displayFile) {
        if (this.items.length > 0)
            this.throwAll(displayFile);
    }
    /** Throws the collected problems as one error; the list must not be empty. */
    throwAll(displayFile) {
        const sorted = [...this.items].sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0) ||
            (a.source.column ?? 0) - (b.source.column ?? 0));
        const problems = sorted.map(({ message, field, source, hint }) => ({
            message,
            field,
            source,
            hint
        }));
        const first = problems[0];
        const onlyVersion = sorted.every(p => p.versionRequired);
        const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
        const summary = onlyVersion
            ? `${displayFile} needs a version: ${first.message}`
            : `${displayFile} has ${count}; first: ${where(first)} ${first.message}`;
        throw new src_errors/* PublishError */.S(onlyVersion ? 'VERSION_REQUIRED' : 'MANIFEST_INVALID', summary, {
            hint: first.hint,
            field: first.field,
            source: first.source,
            cause: problems
        });
    }
}
function where(problem) {
    const { line, column } = problem.source;
    const at = line === undefined ? '' : `line ${line}${column === undefined ? '' : `:${column}`}`;
    return problem.field ? `${problem.field} (${at})` : `(${at})`;
}

;// CONCATENATED MODULE: ./src/manifest/raw.ts
/**
 * The manifest as written, once it has passed the JSON Schema (schema/marketplace.schema.json is
 * the source of truth; these types mirror it for the code that reads the checked data).
 */
/** Plan fields that only a managed application's technical configuration has. */
const MANAGED_APP_FIELDS = [
    'tenantId',
    'authorizations',
    'policies',
    'jitAccess',
    'customerActions'
];
/** Offer fields that only Business Central offers have. */
const BUSINESS_CENTRAL_FIELDS = ['app', 'library', 'appVersion'];

;// CONCATENATED MODULE: ./src/manifest/rules.ts
/**
 * Rules the JSON Schema cannot express: uniqueness, which fields belong to which offer and plan
 * type, and versions derived from the published one.
 */



const PLAN_VERSION = /^\d+\.\d+\.\d+$/;
function checkOffers(offers, version, source, problems) {
    const report = (path, message, hint, at = 'value', versionRequired = false) => problems.add({
        field: formatField(path),
        source: source.locate(path, at),
        message,
        hint,
        versionRequired
    });
    const firstById = new Map();
    for (const { offer, index } of offers) {
        const first = firstById.get(offer.id);
        if (first === undefined)
            firstById.set(offer.id, index);
        else {
            const line = source.locate(['offers', first, 'id']).line;
            report(['offers', index, 'id'], `duplicate offer ID "${offer.id}"`, `Offer IDs must be unique; "${offer.id}" is already used on line ${line}.`);
        }
    }
    for (const { offer, index } of offers) {
        const at = ['offers', index];
        if (offer.type === 'business-central')
            checkBusinessCentral(offer, at, version, report);
        else
            checkAzureOffer(offer, at, version, source, report);
        if (offer.properties?.termsOfUse !== undefined &&
            offer.properties.useEnterpriseContract === true) {
            report([...at, 'properties', 'useEnterpriseContract'], 'useEnterpriseContract and termsOfUse are both set', 'Use either the Standard Contract (useEnterpriseContract: true) or your own termsOfUse, not both.');
        }
    }
}
function checkBusinessCentral(offer, at, version, report) {
    if (offer.plans !== undefined) {
        report([...at, 'plans'], 'a business-central offer has no plans', 'Remove "plans"; name the .app with "app" instead.', 'key');
    }
    if (offer.app === undefined) {
        report([...at, 'app'], `missing required field "app" in ${formatField(at)}`, 'Add "app": the path or glob of the Business Central .app file.');
    }
    if (offer.appVersion === undefined) {
        if (version === undefined) {
            report([...at, 'appVersion'], `${formatField(at)} needs an app version but no version is known`, 'Pass the `version` input, push a tag such as v1.2.3, or set "appVersion: 1.2.3.0" on the offer.', 'value', true);
        }
        else if ((0,manifest_version/* fourPartVersion */.am)(version) === undefined) {
            report([...at, 'appVersion'], `the version ${version} cannot be used as a Business Central app version`, 'Set "appVersion" to four numbers such as 1.2.3.0.');
        }
    }
}
function checkAzureOffer(offer, at, version, source, report) {
    for (const field of BUSINESS_CENTRAL_FIELDS) {
        if (offer[field] !== undefined) {
            report([...at, field], `"${field}" is only for business-central offers`, `Remove "${field}"; Azure application offers publish a package per plan.`, 'key');
        }
    }
    if (!offer.plans || offer.plans.length === 0) {
        report([...at, 'plans'], `${offer.type} offer "${offer.id}" has no plans`, 'Add at least one plan with its id, name and package.');
        return;
    }
    const managed = offer.type === 'azure-managed-app';
    const firstById = new Map();
    offer.plans.forEach((plan, index) => {
        const planAt = [...at, 'plans', index];
        const first = firstById.get(plan.id);
        if (first === undefined)
            firstById.set(plan.id, index);
        else {
            const line = source.locate([...at, 'plans', first, 'id']).line;
            report([...planAt, 'id'], `duplicate plan ID "${plan.id}" in offer "${offer.id}"`, `Plan IDs must be unique within an offer; "${plan.id}" is already used on line ${line}.`);
        }
        checkPlanVersion(plan, planAt, version, report);
        if (managed)
            checkManagedPlan(plan, planAt, report);
        else {
            for (const field of MANAGED_APP_FIELDS) {
                if (plan[field] !== undefined) {
                    report([...planAt, field], `"${field}" is only for azure-managed-app plans`, `Remove "${field}", or change the offer type to azure-managed-app.`, 'key');
                }
            }
        }
    });
}
function checkPlanVersion(plan, at, version, report) {
    if (plan.version !== undefined)
        return; // the schema checked its format
    if (version === undefined) {
        report([...at, 'version'], `plan "${plan.id}" needs a package version but no version is known`, 'Pass the `version` input, push a tag such as v1.2.3, or set "version: 1.2.3" on the plan.', 'value', true);
    }
    else if (!PLAN_VERSION.test(version)) {
        report([...at, 'version'], `the version ${version} cannot be used as the package version of plan "${plan.id}"`, 'Partner Center takes X.Y.Z package versions: set "version: 1.2.3" on the plan.');
    }
}
function checkManagedPlan(plan, at, report) {
    if (plan.tenantId === undefined) {
        report([...at, 'tenantId'], `managed-app plan "${plan.id}" has no tenantId`, 'Add "tenantId": the Azure tenant ID of the publisher that manages customer deployments.');
    }
    if (plan.authorizations === undefined) {
        report([...at, 'authorizations'], `managed-app plan "${plan.id}" has no authorizations`, 'Add at least one { principalId, roleDefinitionId } under "authorizations".');
    }
    plan.policies?.forEach((policy, index) => {
        if (typeof policy.parameters !== 'string')
            return;
        try {
            JSON.parse(policy.parameters);
        }
        catch {
            report([...at, 'policies', index, 'parameters'], `policy "${policy.name}" has parameters that are not JSON`, 'Write the parameters as a mapping, or as a JSON string.');
        }
    });
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var dist_ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./node_modules/ajv-formats/dist/index.js
var dist = __webpack_require__(2815);
var dist_default = /*#__PURE__*/__webpack_require__.n(dist);
;// CONCATENATED MODULE: ./schema/marketplace.schema.json
const marketplace_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/contoso/marketplace-publish-action/schema/marketplace.schema.json","title":"Marketplace offer manifest","description":"Offers published to the Microsoft commercial marketplace by marketplace-publish-action. Relative paths are resolved against the manifest\'s folder and must stay inside the repository. `${{ version }}` in any text is replaced by the version being published.","type":"object","additionalProperties":false,"required":["version","offers"],"properties":{"$schema":{"description":"Editor hint: the JSON Schema this file follows. Ignored by the action.","type":"string"},"version":{"description":"Format version of this manifest. Always 1.","const":1,"examples":[1]},"offers":{"description":"The offers to publish, in order.","type":"array","minItems":1,"items":{"$ref":"#/definitions/offer"}}},"definitions":{"id":{"type":"string","pattern":"^[a-z0-9_-]{1,50}$","patternErrorMessage":"Use 1 to 50 lowercase letters, digits, \'-\' or \'_\' (Partner Center\'s rule for offer and plan IDs)."},"guid":{"type":"string","pattern":"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$","patternErrorMessage":"Use a GUID such as 8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f."},"httpUrl":{"type":"string","format":"uri","pattern":"^https?://","patternErrorMessage":"Use an absolute http:// or https:// URL."},"path":{"type":"string","minLength":1,"description":"A path or glob, relative to the manifest\'s folder, that matches exactly one file."},"text":{"description":"Text given inline, or read from a file with `{ file: path }` (HTML or Markdown, sent as it is).","type":["string","object"],"additionalProperties":false,"required":["file"],"properties":{"file":{"$ref":"#/definitions/path","description":"Path of a UTF-8 text file relative to the manifest\'s folder, e.g. listing/description.html."}},"examples":["<p>Analytics for your Azure subscription.</p>",{"file":"listing/description.html"}]},"contact":{"type":"object","additionalProperties":false,"properties":{"name":{"description":"Contact person or team name.","type":"string","minLength":1},"email":{"description":"Contact email address.","type":"string","format":"email","examples":["support@contoso.com"]},"phone":{"description":"Contact phone number.","type":"string","minLength":1},"uri":{"description":"Support or contact web page.","$ref":"#/definitions/httpUrl"}}},"listing":{"description":"The offer\'s store listing (English, en-us). Fields left out keep their value in Partner Center.","type":"object","additionalProperties":false,"properties":{"title":{"description":"The offer\'s name as shown in the store.","type":"string","minLength":1,"examples":["Contoso Analytics"]},"summary":{"description":"Search results summary, up to 100 characters.","type":"string","maxLength":100},"shortDescription":{"description":"Short description, up to 256 characters of plain text.","type":"string","maxLength":256},"description":{"$ref":"#/definitions/text","description":"Long description (HTML allowed): inline, or `{ file: path }`."},"keywords":{"description":"Search keywords; Partner Center allows at most 3.","type":"array","maxItems":3,"items":{"type":"string","minLength":1},"examples":[["analytics","dashboards","cost"]]},"gettingStartedInstructions":{"description":"Getting-started instructions shown to customers.","type":"string"},"privacyPolicy":{"description":"Privacy policy URL.","$ref":"#/definitions/httpUrl"},"links":{"description":"Useful links shown on the listing.","type":"array","items":{"type":"object","additionalProperties":false,"required":["name","uri"],"properties":{"name":{"description":"Text of the link.","type":"string","minLength":1},"uri":{"description":"Target of the link.","$ref":"#/definitions/httpUrl"},"type":{"description":"Partner Center listing URI type; default Documentation.","type":"string","minLength":1}}}},"contacts":{"description":"Contacts by role.","type":"object","additionalProperties":false,"properties":{"support":{"$ref":"#/definitions/contact","description":"Customer support contact."},"engineering":{"$ref":"#/definitions/contact","description":"Engineering contact."},"channelManager":{"$ref":"#/definitions/contact","description":"Cloud Solution Provider channel manager contact."}}}}},"planListing":{"description":"The plan\'s listing. Its title is the plan\'s name.","type":"object","additionalProperties":false,"properties":{"summary":{"description":"Plan summary, up to 100 characters.","type":"string","maxLength":100},"description":{"$ref":"#/definitions/text","description":"Plan description (HTML allowed): inline, or `{ file: path }`."}}},"images":{"description":"PNG images of the listing. Logos must have their exact size.","type":"object","additionalProperties":false,"properties":{"small":{"$ref":"#/definitions/path","description":"Small logo, PNG 48x48."},"medium":{"$ref":"#/definitions/path","description":"Medium logo, PNG 90x90."},"large":{"$ref":"#/definitions/path","description":"Large logo, PNG 216x216."},"wide":{"$ref":"#/definitions/path","description":"Wide logo, PNG 255x115."},"screenshots":{"description":"Screenshots, PNG 1280x720, at most 5, in display order.","type":"array","maxItems":5,"items":{"$ref":"#/definitions/path"}}}},"properties":{"description":"Offer properties. Only the fields stated here are written.","type":"object","additionalProperties":false,"properties":{"categories":{"description":"Marketplace category IDs.","type":"array","items":{"type":"string","minLength":1},"examples":[["analytics"]]},"industries":{"description":"Industry IDs.","type":"array","items":{"type":"string","minLength":1}},"termsOfUse":{"$ref":"#/definitions/text","description":"Terms of use: inline, or `{ file: path }`."},"useEnterpriseContract":{"description":"Use the Standard Contract for the Microsoft commercial marketplace instead of termsOfUse.","type":"boolean"}}},"authorization":{"type":"object","additionalProperties":false,"required":["principalId","roleDefinitionId"],"properties":{"principalId":{"$ref":"#/definitions/guid","description":"Object ID of the user, group or app in the publisher tenant that gets access."},"roleDefinitionId":{"$ref":"#/definitions/guid","description":"Azure built-in role definition ID, e.g. 8e3af657-a8ff-443c-a75c-2fe8c4bcb635 (Owner)."}}},"policy":{"type":"object","additionalProperties":false,"required":["name","definitionId"],"properties":{"name":{"description":"Policy assignment name.","type":"string","minLength":1},"definitionId":{"description":"Policy definition resource ID.","type":"string","pattern":"^/providers/Microsoft\\\\.Authorization/policy(Set)?Definitions/[^/]+$","patternErrorMessage":"Use a policy definition ID such as /providers/Microsoft.Authorization/policyDefinitions/<guid>."},"parameters":{"description":"Policy parameters, as an object or a JSON string.","type":["object","string"]},"sku":{"description":"Policy SKU, e.g. Standard.","type":"string","minLength":1}}},"plan":{"type":"object","additionalProperties":false,"required":["id","name","package"],"properties":{"id":{"$ref":"#/definitions/id","description":"Plan ID (lowercase, digits, \'-\', \'_\'; up to 50)."},"name":{"description":"Plan name shown to customers; used when the plan has to be created.","type":"string","minLength":1},"listing":{"$ref":"#/definitions/planListing"},"package":{"$ref":"#/definitions/path","description":"The plan\'s .zip package (mainTemplate.json + createUiDefinition.json at its root): a path or a glob matching exactly one file.","examples":["packages/standard-${{ version }}.zip","packages/standard-*.zip"]},"version":{"description":"Package version X.Y.Z; default the version being published.","type":"string","pattern":"^(\\\\d+\\\\.\\\\d+\\\\.\\\\d+|.*\\\\$\\\\{\\\\{\\\\s*version\\\\s*\\\\}\\\\}.*)$","patternErrorMessage":"Use three numbers such as 1.2.3 (Partner Center\'s package version format).","examples":["${{ version }}","1.2.3"]},"tenantId":{"$ref":"#/definitions/guid","description":"Managed application: the publisher\'s Azure tenant ID that manages customer deployments."},"authorizations":{"description":"Managed application: who gets which role on the managed resource group (at least one).","type":"array","minItems":1,"items":{"$ref":"#/definitions/authorization"}},"policies":{"description":"Managed application: Azure policies applied to the managed application.","type":"array","items":{"$ref":"#/definitions/policy"}},"jitAccess":{"description":"Managed application: require just-in-time access approval from the customer.","type":"boolean"},"customerActions":{"description":"Managed application: actions the customer may perform on the managed resources.","type":"object","additionalProperties":false,"properties":{"enabled":{"description":"Allow customer actions.","type":"boolean"},"allowed":{"description":"Allowed control actions, e.g. Microsoft.Compute/virtualMachines/restart/action.","type":"array","items":{"type":"string","minLength":1}},"dataActions":{"description":"Allowed data actions.","type":"array","items":{"type":"string","minLength":1}}}}}},"offer":{"type":"object","additionalProperties":false,"required":["id","type"],"properties":{"id":{"$ref":"#/definitions/id","description":"Offer ID as typed in Partner Center (lowercase, digits, \'-\', \'_\'; up to 50).","examples":["contoso-analytics"]},"type":{"description":"Offer type.","enum":["azure-solution-template","azure-managed-app","business-central"]},"name":{"description":"Offer alias in Partner Center; needed only when the offer has to be created.","type":"string","minLength":1},"listing":{"$ref":"#/definitions/listing"},"images":{"$ref":"#/definitions/images"},"properties":{"$ref":"#/definitions/properties"},"reseller":{"description":"Cloud Solution Provider reseller channel.","enum":["Enabled","Disabled"]},"certificationNotes":{"description":"Notes for the certification team.","type":"string"},"plans":{"description":"Azure Application offers only: the plans, each with its package.","type":"array","items":{"$ref":"#/definitions/plan"}},"app":{"$ref":"#/definitions/path","description":"Business Central only: the main .app file (path or glob matching one file).","examples":["apps/Contoso_Connector_*.app"]},"library":{"$ref":"#/definitions/path","description":"Business Central only: library apps, one .app or a .zip of several."},"appVersion":{"description":"Business Central only: four-part app version; default the published version with a fourth part 0 (1.2.3 -> 1.2.3.0).","type":"string","pattern":"^(\\\\d+\\\\.\\\\d+\\\\.\\\\d+\\\\.\\\\d+|.*\\\\$\\\\{\\\\{\\\\s*version\\\\s*\\\\}\\\\}.*)$","patternErrorMessage":"Use four numbers such as 1.2.3.0 (the Business Central app version format)."}}}}}');
;// CONCATENATED MODULE: ./src/manifest/suggest.ts
/** "Did you mean ...?" for misspelt field names and enum values. */
/** The candidate closest to `word`, when it is close enough to be a likely typo. */
function nearest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    // Up to a third of the letters wrong (at least 2) still reads as a typo; more is a different word.
    return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
        }
        previous = current;
    }
    return previous[b.length];
}

;// CONCATENATED MODULE: ./src/manifest/schema-check.ts
/**
 * Checks the parsed manifest against schema/marketplace.schema.json (the same file editors use)
 * and turns each failure into a problem a person can act on, at the field's line.
 */





let compiled;
/**
 * Compiled on first use, not on import: compiling is the costliest CPU work before the first
 * request, and the action loads this module while its token request is starting, which the
 * manifest file reads (I/O) can then overlap with.
 */
function validator() {
    if (compiled)
        return compiled;
    const ajv = new dist_ajv.Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    dist_default()["default"](ajv, ['email', 'uri']);
    // Understood by VS Code's JSON and YAML language servers: the message shown when a pattern fails.
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    compiled = ajv.compile(marketplace_schema_namespaceObject);
    return compiled;
}
/** Ajv's failures for the data; empty when it matches the schema. */
function schemaErrors(data) {
    const validate = validator();
    return validate(data) ? [] : [...(validate.errors ?? [])];
}
/** Adds a problem for every schema failure, except at fields `skip` accepts. */
function reportSchemaErrors(errors, data, source, problems, skip) {
    for (const error of errors) {
        const problem = describe(error, data, source);
        if (!skip(problem.field))
            problems.add(problem);
    }
}
/**
 * A copy of the data without the values the schema refused (unknown fields, wrong types, bad
 * values; a list with a bad item goes as a whole, so indexes never shift). What is left of each
 * offer can still go through the rules and file checks, so that one run reports those problems
 * too. Missing required fields are not repaired: such offers fail the schema again and are skipped.
 */
function withoutRefusedValues(data, errors) {
    const copy = structuredClone(data);
    for (const error of errors) {
        if (error.keyword === 'required')
            continue;
        const path = pointerToPath(error.instancePath, copy);
        if (error.keyword === 'additionalProperties')
            path.push(String(error.params.additionalProperty));
        while (path.length > 0 && typeof path[path.length - 1] === 'number')
            path.pop();
        // Never remove an offer or the offers list: the offer is then skipped instead.
        if (path.length <= 2 && path[0] === 'offers')
            continue;
        deleteAt(copy, path);
    }
    return copy;
}
function deleteAt(data, path) {
    let node = data;
    for (const segment of path.slice(0, -1)) {
        if (node === null || typeof node !== 'object')
            return;
        node = node[segment];
    }
    if (node !== null && typeof node === 'object' && !Array.isArray(node) && path.length > 0) {
        delete node[String(path[path.length - 1])];
    }
}
function describe(error, data, source) {
    const path = pointerToPath(error.instancePath, data);
    const parent = (error.parentSchema ?? {});
    const at = (p, where = 'value') => ({
        field: formatField(p),
        source: source.locate(p, where)
    });
    const label = formatField(path) || 'the manifest';
    switch (error.keyword) {
        case 'additionalProperties': {
            const name = String(error.params.additionalProperty);
            const known = Object.keys(parent.properties ?? {});
            const guess = nearest(name, known);
            return {
                ...at([...path, name], 'key'),
                message: `unknown field "${name}"`,
                hint: guess
                    ? `Did you mean "${guess}"?`
                    : `Remove it; the fields allowed here are: ${known.join(', ')}.`
            };
        }
        case 'required': {
            const name = String(error.params.missingProperty);
            const description = parent.properties?.[name]?.description;
            return {
                ...at(path),
                field: formatField([...path, name]),
                message: `missing required field "${name}" in ${label}`,
                hint: `Add "${name}"${description ? `: ${description}` : '.'}`
            };
        }
        case 'type':
            return {
                ...at(path),
                message: `${label} must be ${typeName(String(error.params.type))}, not ${jsonType(error.data)}`,
                hint: parent.description ?? `Write ${typeName(String(error.params.type))} here.`
            };
        case 'enum': {
            const allowed = error.params.allowedValues.map(String);
            const guess = typeof error.data === 'string' ? nearest(error.data, allowed) : undefined;
            const what = path[path.length - 1] === 'type' ? 'unknown offer type' : 'unsupported value';
            return {
                ...at(path),
                message: `${what} ${JSON.stringify(error.data)} in ${label}`,
                hint: `${guess ? `Did you mean "${guess}"? ` : ''}Use one of: ${allowed.join(', ')}.`
            };
        }
        case 'const':
            return {
                ...at(path),
                message: `${label} must be ${JSON.stringify(error.params.allowedValue)}`,
                hint: `Write ${JSON.stringify(error.params.allowedValue)}: it is the only format version this action reads.`
            };
        case 'pattern':
            return {
                ...at(path),
                message: `${label} has an invalid value ${JSON.stringify(error.data)}`,
                hint: parent.patternErrorMessage ?? `Match the pattern ${String(error.params.pattern)}.`
            };
        case 'format':
            return {
                ...at(path),
                message: `${label} is not a valid ${error.params.format === 'email' ? 'email address' : 'URL'}: ${JSON.stringify(error.data)}`,
                hint: error.params.format === 'email'
                    ? 'Write an address such as support@contoso.com.'
                    : 'Write an absolute URL such as https://contoso.com/privacy.'
            };
        case 'maxItems':
            return {
                ...at(path),
                message: `${label} has ${error.data.length} items; at most ${String(error.params.limit)} are allowed`,
                hint: parent.description ?? 'Remove the extra items.'
            };
        case 'minItems':
            return {
                ...at(path),
                message: `${label} needs at least ${String(error.params.limit)} item(s)`,
                hint: parent.description ?? 'Add an item.'
            };
        case 'maxLength':
            return {
                ...at(path),
                message: `${label} is ${error.data.length} characters long; at most ${String(error.params.limit)} are allowed`,
                hint: parent.description ?? 'Shorten it.'
            };
        case 'minLength':
            return {
                ...at(path),
                message: `${label} is empty`,
                hint: parent.description ?? 'Write a value or remove the field.'
            };
        default:
            return {
                ...at(path),
                message: `${label} ${error.message ?? 'is invalid'}`,
                hint: parent.description ?? 'Fix this value.'
            };
    }
}
function typeName(type) {
    if (type === 'string,object')
        return 'text or { file: path }';
    if (type === 'object,string')
        return 'an object or a JSON string';
    const names = {
        string: 'text',
        object: 'a mapping of fields',
        array: 'a list',
        boolean: 'true or false',
        number: 'a number',
        integer: 'a whole number'
    };
    return names[type] ?? type;
}
function jsonType(value) {
    if (value === null)
        return 'empty';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return 'text';
    return typeof value;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/manifest/source.ts
/**
 * Parses the manifest text (YAML, or JSON which is read by the same parser) and keeps a map from
 * every field to its line and column, so that each problem can be annotated where it is.
 */


/** Aliases could expand a small file into a huge object ("billion laughs"); a manifest needs few. */
const MAX_ALIAS_COUNT = 100;
function parseSource(text, file, displayFile) {
    const lineCounter = new yaml_dist/* LineCounter */.HN();
    const refAt = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { file, line, column: col };
    };
    if (file.toLowerCase().endsWith('.json'))
        checkStrictJson(text, file, displayFile);
    const doc = (0,yaml_dist/* parseDocument */.Tp)(text, {
        lineCounter,
        keepSourceTokens: true,
        uniqueKeys: true,
        prettyErrors: false
    });
    const error = doc.errors[0];
    if (error)
        syntaxError(error.message, refAt(error.pos[0]), displayFile);
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (e) {
        syntaxError(e instanceof Error ? e.message : String(e), { file, line: 1, column: 1 }, displayFile);
    }
    return {
        file,
        data,
        locate: (path, at = 'value') => {
            const offset = findOffset(doc, path, at);
            return offset === undefined ? { file, line: 1, column: 1 } : refAt(offset);
        }
    };
}
/** JSON files must be JSON: YAML would also accept comments and unquoted keys in them. */
function checkStrictJson(text, file, displayFile) {
    try {
        JSON.parse(text);
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const lineCol = message.match(/line (\d+) column (\d+)/);
        const position = message.match(/position (\d+)/);
        let source = { file, line: 1, column: 1 };
        if (lineCol)
            source = { file, line: Number(lineCol[1]), column: Number(lineCol[2]) };
        else if (position)
            source = positionToRef(text, Number(position[1]), file);
        syntaxError(message.replace(/\s*\(line \d+ column \d+\)/, ''), source, displayFile);
    }
}
function positionToRef(text, position, file) {
    const before = text.slice(0, position).split('\n');
    return { file, line: before.length, column: before[before.length - 1].length + 1 };
}
function syntaxError(message, source, displayFile) {
    const firstLine = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const problem = {
        message: firstLine,
        field: '',
        source,
        hint: 'Fix the syntax at this line; the rest of the file is checked once it parses.'
    };
    throw new src_errors/* PublishError */.S('MANIFEST_SYNTAX', `${displayFile}:${source.line}:${source.column}: ${firstLine}`, { hint: problem.hint, source, cause: [problem] });
}
function findOffset(doc, path, at) {
    let node = doc.contents;
    let offset = node?.range?.[0];
    for (let i = 0; i < path.length && node; i++) {
        const segment = path[i];
        const last = i === path.length - 1;
        if ((0,yaml_dist/* isMap */.jh)(node)) {
            const pair = node.items.find(p => keyText(p.key) === String(segment));
            if (!pair)
                break;
            const key = pair.key;
            const value = pair.value;
            if (last && at === 'key')
                return key?.range?.[0] ?? offset;
            offset = value?.range?.[0] ?? key?.range?.[0] ?? offset;
            node = value;
        }
        else if ((0,yaml_dist/* isSeq */.oP)(node) && typeof segment === 'number') {
            const item = node.items[segment];
            if (!item)
                break;
            offset = item.range?.[0] ?? offset;
            node = item;
        }
        else
            break;
    }
    return offset;
}
function keyText(key) {
    if (key && typeof key === 'object' && 'value' in key)
        return String(key.value);
    return key === null || key === undefined ? undefined : String(key);
}

;// CONCATENATED MODULE: ./src/manifest/placeholder.ts
/**
 * `${{ version }}` in manifest strings. The syntax mirrors GitHub expressions so that it reads
 * naturally in a repository, but only `version` exists: anything else in `${{ }}` is reported
 * rather than left in a file name or listing by accident.
 */
const ANY_EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g;
const VERSION_EXPRESSION = /\$\{\{\s*version\s*\}\}/g;
/** True when the text contains `${{ version }}` (spaces optional). */
function hasVersionPlaceholder(text) {
    return new RegExp(VERSION_EXPRESSION.source).test(text);
}
/** Names inside `${{ }}` other than `version`, e.g. `github.sha`. */
function unknownExpressions(text) {
    return [...text.matchAll(ANY_EXPRESSION)].map(m => m[1]).filter(name => name !== 'version');
}
function substituteVersion(text, version) {
    return text.replace(VERSION_EXPRESSION, version);
}

;// CONCATENATED MODULE: ./src/manifest/substitute.ts
/**
 * Replaces `${{ version }}` in every string of the parsed manifest. Runs before the schema check so
 * that patterns (plan versions, IDs) see the final values, and keeps the tree's shape so that field
 * paths still point at the right lines.
 */


function substitutePlaceholders(source, version, problems) {
    const unresolved = new Set();
    const visit = (value, path) => {
        if (typeof value === 'string')
            return visitString(value, path);
        if (Array.isArray(value))
            return value.map((item, i) => visit(item, [...path, i]));
        if (value !== null && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item, [...path, key])]));
        }
        return value;
    };
    const visitString = (text, path) => {
        const field = formatField(path);
        for (const name of unknownExpressions(text)) {
            problems.add({
                field,
                source: source.locate(path),
                message: `unknown placeholder \${{ ${name} }} in ${field}`,
                hint: 'Only ${{ version }} is replaced in a manifest; GitHub expressions are evaluated in workflow files only.'
            });
        }
        if (!hasVersionPlaceholder(text))
            return text;
        if (version !== undefined)
            return substituteVersion(text, version);
        unresolved.add(field);
        problems.add({
            field,
            source: source.locate(path),
            message: `${field} uses \${{ version }} but no version is known`,
            hint: 'Pass the `version` input (e.g. version: 1.2.3) or run on a pushed tag such as v1.2.3.',
            versionRequired: true
        });
        return text;
    };
    return { data: visit(source.data, []), unresolved };
}

;// CONCATENATED MODULE: ./src/manifest/load.ts
/**
 * Loads the offer manifest: parse with positions → `${{ version }}` → JSON Schema → rules that
 * span fields → files. Every problem of every stage is reported at once; nothing here touches the
 * network, so a bad manifest fails before the first request.
 */











const MANIFEST_EXTENSIONS = ['.yml', '.yaml', '.json'];
async function loadManifest(file, options) {
    const manifestFile = external_node_path_default().resolve(options.workspace, file);
    const workspace = external_node_path_default().resolve(options.workspace);
    const display = (p) => displayPath(p, workspace);
    if (options.version !== undefined && !(0,manifest_version/* isValidVersion */.ri)(options.version)) {
        throw new src_errors/* PublishError */.S('INPUT_INVALID', `version "${options.version}" is not a version`, {
            hint: manifest_version/* VERSION_FORMAT_HINT */.Dt
        });
    }
    const text = await readManifest(manifestFile, display(manifestFile));
    const source = parseSource(text, manifestFile, display(manifestFile));
    const problems = new ProblemList();
    const { data, unresolved } = substitutePlaceholders(source, options.version, problems);
    const errors = schemaErrors(data);
    reportSchemaErrors(errors, data, source, problems, field => unresolved.has(field));
    const usable = errors.length === 0 ? data : withoutRefusedValues(data, errors);
    if (!isObjectWithOffers(usable))
        problems.throwAll(display(manifestFile));
    // Offers still refused once the bad values are left out (a required field is missing) are not
    // checked further: their fields may not have the types the rules expect.
    const stillRefused = new Set(schemaErrors(usable).map(error => error.instancePath.match(/^\/offers\/(\d+)/)?.[1]));
    const raw = usable;
    const checked = raw.offers
        .map((offer, index) => ({ offer, index }))
        .filter(({ index }) => !stillRefused.has(String(index)));
    checkOffers(checked, options.version, source, problems);
    const manifestDir = external_node_path_default().dirname(manifestFile);
    const roots = await Promise.all([workspace, manifestDir].map(dir => (0,promises_.realpath)(dir).catch(() => dir)));
    const files = {
        manifestDir,
        roots,
        limits: { ...DEFAULT_LIMITS, ...options.limits },
        display
    };
    const offers = await Promise.all(checked.map(({ offer, index }) => buildOffer(offer, index, { source, problems, files, version: options.version, unresolved })));
    problems.throwIfAny(display(manifestFile));
    return { file: manifestFile, offers };
}
async function readManifest(file, shown) {
    if (!MANIFEST_EXTENSIONS.includes(external_node_path_default().extname(file).toLowerCase())) {
        throw new src_errors/* PublishError */.S('MANIFEST_FILE', `${shown} is not a .yml, .yaml or .json file`, {
            hint: 'Point the `manifest` input at the offer manifest, e.g. marketplace.yml.',
            source: { file }
        });
    }
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        const missing = e.code === 'ENOENT';
        throw new src_errors/* PublishError */.S('MANIFEST_FILE', missing ? `manifest not found: ${shown}` : `cannot read the manifest ${shown}`, {
            hint: missing
                ? 'Set the `manifest` input to the path of your manifest, relative to the repository root (default marketplace.yml).'
                : 'Check that the manifest is a readable file.',
            source: { file }
        });
    }
}
function isObjectWithOffers(data) {
    return (data !== null &&
        typeof data === 'object' &&
        Array.isArray(data.offers));
}
/** Relative to the workspace when inside it (how annotations and people name files), else absolute. */
function displayPath(file, workspace) {
    const relative = external_node_path_default().relative(workspace, file);
    return relative.startsWith('..') || external_node_path_default().isAbsolute(relative)
        ? file
        : relative.split((external_node_path_default()).sep).join('/');
}


/***/ })

};
