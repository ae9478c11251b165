export const id = 513;
export const ids = [513];
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

/***/ 7513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishAll: () => (/* binding */ publishAll),
  worstStatus: () => (/* reexport */ result/* worstStatus */.A)
});

// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(1532);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/publish/context.ts

/** One offer being published: the shared dependencies plus this offer's journal. */
class OfferRun {
    deps;
    offer;
    result;
    constructor(deps, offer) {
        this.deps = deps;
        this.offer = offer;
        this.result = {
            offerId: offer.offerId,
            status: 'failed',
            previewLinks: [],
            changes: [],
            packages: [],
            timeline: [],
            errors: []
        };
    }
    get api() {
        return this.deps.api;
    }
    get dryRun() {
        return this.deps.settings.dryRun;
    }
    /** The last progress line: where a cancelled run was when the signal came. */
    lastActivity = 'starting';
    log(message) {
        this.lastActivity = message;
        this.deps.progress(this.offer.offerId, message);
    }
    warn(message) {
        this.deps.warn(this.offer.offerId, message);
    }
    /** Records a change; in a dry run this is the plan line and nothing is written. */
    record(change) {
        this.result.changes.push(change);
        const fields = change.fields?.length ? ` (${change.fields.join(', ')})` : '';
        this.log(`${this.dryRun ? 'would ' : ''}${change.action} ${change.subject}${fields}`);
    }
    /**
     * Called right before every write. A cancelled run stops here, between calls, so nothing is
     * left half-done by this process; `step` names where it stopped for the report.
     */
    beforeWrite(step) {
        if (this.deps.signal.aborted) {
            this.result.stoppedAt = step;
            throw new errors/* PublishError */.S('CANCELLED', `Cancelled before: ${step}.`, {
                offerId: this.offer.offerId,
                hint: 'Nothing half-written was left behind. Re-running picks up from there: processed packages are reused, and an in-progress submission of the same release is adopted when it can be recognised (otherwise use `on-conflict: wait`).'
            });
        }
    }
}

// EXTERNAL MODULE: ./src/http/redact.ts
var redact = __webpack_require__(6715);
;// CONCATENATED MODULE: ./src/publish/drafts.ts
/**
 * Step 3: the draft instance of each module, offer-level and per plan, read from the branches.
 * Read fresh by every run (and again after waiting for someone else's submission): instance ids
 * may change once a submission is made, so they are never cached.
 */

async function readDrafts(api, productId, modules) {
    const drafts = { offer: {}, plans: new Map() };
    // One request per module (the API has no list of all branches); independent, so read together.
    const branches = await Promise.all(modules.map(module => api.getBranches(productId, module)));
    for (const [index, module] of modules.entries()) {
        for (const branch of branches[index]) {
            // Offer-level branches have no variantID property at all (not null).
            if (branch.variantID === undefined || branch.variantID === null) {
                drafts.offer[module] ??= branch.currentDraftInstanceID;
            }
            else if (branch.variantID !== 'testdrive') {
                const plan = drafts.plans.get(branch.variantID) ?? {};
                plan[module] ??= branch.currentDraftInstanceID;
                drafts.plans.set(branch.variantID, plan);
            }
        }
    }
    return drafts;
}
/** The draft instance of a module, or DRAFT_NOT_FOUND naming what is missing. */
function requireDraft(ids, module, where, offerId) {
    const id = ids?.[module];
    if (!id) {
        throw new errors/* PublishError */.S('DRAFT_NOT_FOUND', `Partner Center has no ${module} draft for ${where}.`, {
            offerId,
            hint: 'Open the offer in Partner Center once to finish its setup, then run again.'
        });
    }
    return id;
}

// EXTERNAL MODULE: ./src/publish/errors.ts
var publish_errors = __webpack_require__(4188);
;// CONCATENATED MODULE: ./src/publish/create-once.ts
/**
 * The one way a creating POST (product, plan, image, package, submission) is sent. The transport
 * retries a 429 itself (it was never processed), but not a 5xx, a timeout or a lost connection:
 * the request may have taken effect, and sending it again blindly could make a second offer, plan,
 * image, package or submission. So after such an ambiguous failure `find` looks for what it made:
 * found, it is used; not found, the POST is sent again, a bounded number of times. Any other error
 * (a 4xx: the request is wrong) is passed on at once.
 */

/** POSTs in all, the first included, while each failure is ambiguous and made nothing. */
const CREATE_ATTEMPTS = 3;
/** Wait before sending the POST again, doubled each time. */
const CREATE_RETRY_MS = 2_000;
async function createOnce(run, step) {
    for (let attempt = 1;; attempt++) {
        try {
            return await step.create();
        }
        catch (error) {
            if (!isAmbiguous(error))
                throw error;
            const made = await step.find();
            if (made !== undefined) {
                run.log(`the request to create the ${step.what} failed in transit but ${step.what} ${step.idOf(made)} was created: using it`);
                return made;
            }
            if (attempt >= CREATE_ATTEMPTS)
                throw error;
            run.log(`the request to create the ${step.what} failed and made nothing: sending it again (attempt ${attempt + 1} of ${CREATE_ATTEMPTS})`);
            await run.deps.clock.sleep(CREATE_RETRY_MS * 2 ** (attempt - 1), run.deps.signal);
        }
    }
}
function isAmbiguous(error) {
    if (!(0,errors/* isPublishError */.U)(error))
        return false;
    if (error.code === 'HTTP_NETWORK' ||
        error.code === 'HTTP_TIMEOUT' ||
        error.code === 'RETRY_EXHAUSTED')
        return true;
    return error.code === 'HTTP_STATUS' && (error.details.status ?? 0) >= 500;
}

;// CONCATENATED MODULE: ./src/publish/image-plan.ts
function planImages(existing, wanted) {
    const plan = { upload: [], remove: [], keep: [] };
    const statedTypes = new Set(wanted.map(w => w.type));
    const usable = existing.filter(e => e.state !== 'PendingUpload' && e.state !== 'ProcessFailed');
    for (const spec of wanted) {
        const match = usable.find(e => e.type === spec.type && !plan.keep.includes(e) && sameFile(e, spec));
        if (match)
            plan.keep.push(match);
        else
            plan.upload.push(spec);
    }
    for (const image of existing) {
        if (statedTypes.has(image.type) && !plan.keep.includes(image))
            plan.remove.push(image);
    }
    return plan;
}
function sameFile(image, spec) {
    if (image.fileName !== spec.file.name)
        return false;
    const size = image.fileSize;
    return typeof size !== 'number' || size === spec.file.size;
}

// EXTERNAL MODULE: ./src/publish/units.ts
var units = __webpack_require__(3020);
;// CONCATENATED MODULE: ./src/publish/images.ts




/** `productId`/`listingId` are undefined only in a dry run of an offer that does not exist yet. */
async function updateImages(run, productId, listingId) {
    const wanted = run.offer.images;
    if (wanted.length === 0)
        return;
    const existing = productId && listingId ? await run.api.listImages(productId, listingId) : [];
    const plan = planImages(existing, wanted);
    for (const spec of plan.upload) {
        run.record({
            action: 'upload',
            subject: `image ${spec.type} (${spec.file.name}, ${(0,units/* formatBytes */.z3)(spec.file.size)})`
        });
    }
    for (const old of plan.remove)
        run.record({ action: 'delete', subject: `image ${old.type} (${old.fileName})` });
    if (run.dryRun || !productId || !listingId)
        return;
    await (0,concurrency/* mapLimit */.s)(plan.upload, run.deps.uploadConcurrency, spec => uploadImage(run, productId, listingId, spec));
    // Old images go only once every new one is in: a failed upload leaves the listing complete.
    for (const old of plan.remove) {
        run.beforeWrite(`deleting the replaced image ${old.fileName}`);
        await run.api.deleteImage(productId, listingId, old.id);
    }
}
async function uploadImage(run, productId, listingId, spec) {
    run.beforeWrite(`uploading image ${spec.file.name}`);
    const created = await createOnce(run, {
        what: `${spec.type} image '${spec.file.name}'`,
        create: () => run.api.createImage(productId, listingId, {
            resourceType: 'ListingImage',
            fileName: spec.file.name,
            type: spec.type,
            state: 'PendingUpload',
            order: spec.order
        }),
        find: async () => (await run.api.listImages(productId, listingId))
            .filter(i => i.type === spec.type && i.fileName === spec.file.name && i.state === 'PendingUpload')
            .at(-1),
        idOf: i => i.id
    });
    const stats = await run.deps.upload(spec.file, created.fileSasUri ?? '');
    run.log(`image ${spec.type}: uploaded ${(0,units/* formatBytes */.z3)(stats.bytes)} in ${(stats.ms / 1000).toFixed(1)} s`);
    // Finish the pair even when cancelled meanwhile: an image left PendingUpload is useless.
    await run.api.putImage(productId, listingId, { ...created, state: 'Uploaded' });
}

;// CONCATENATED MODULE: ./src/ingestion/read-modify-write.ts
/**
 * PUT replaces the whole object and is guarded by its etag (ingestion-v1.md §2.7), so every
 * update reads, changes and writes back. When someone else wrote in between, the service answers
 * 412 (or 409; which one is undocumented): read again, re-apply the change, and write once more.
 */

function isStale(error) {
    return ((0,errors/* isPublishError */.U)(error) &&
        error.code === 'HTTP_STATUS' &&
        (error.details.status === 412 || error.details.status === 409));
}
/**
 * `apply` returns the object to write, or undefined when the current one already says what we
 * want (nothing is written). A second conflict is passed on to the caller. `known` is the object
 * as the caller has just read it (to diff it first): it stands in for the first read, so the
 * service is read again only after a conflict.
 */
async function readModifyWrite(read, apply, write, known) {
    const current = known ?? (await read());
    const next = apply(current);
    if (next === undefined)
        return { result: current, changed: false };
    try {
        return { result: await write(next), changed: true };
    }
    catch (error) {
        if (!isStale(error))
            throw error;
    }
    const fresh = await read();
    const again = apply(fresh);
    // The concurrent writer already made the change we wanted.
    if (again === undefined)
        return { result: fresh, changed: false };
    return { result: await write(again), changed: true };
}

;// CONCATENATED MODULE: ./src/publish/draft-update.ts
/**
 * The one way a draft resource (listing, technical configuration, properties) is changed: read
 * it, work out what the manifest changes, record that (it is the plan of a dry run), and unless
 * this is a dry run write it through readModifyWrite, which re-reads and re-applies the same diff
 * after a 412/409. Only fields the manifest states are ever changed.
 */

/** Resolves with the resource as it stands afterwards and whether the manifest changed it. */
async function updateDraft(run, update) {
    const first = update.known ?? (await update.read());
    const { changed } = update.diff(first);
    if (changed.length === 0)
        return { result: first, changed: false };
    run.record({ action: 'update', subject: update.subject, fields: changed });
    if (run.dryRun)
        return { result: first, changed: true };
    run.beforeWrite(`updating the ${update.subject}`);
    const { result } = await readModifyWrite(update.read, current => {
        const again = update.diff(current);
        return again.changed.length ? again.next : undefined;
    }, update.write, first);
    return { result, changed: true };
}

;// CONCATENATED MODULE: ./src/publish/listing-diff.ts
const TEXT_FIELDS = [
    'title',
    'summary',
    'shortDescription',
    'description',
    'gettingStartedInstructions'
];
function diffListing(current, spec) {
    const next = { ...current };
    const changed = [];
    for (const field of TEXT_FIELDS) {
        const wanted = spec[field];
        if (wanted !== undefined && current[field] !== wanted) {
            next[field] = wanted;
            changed.push(field);
        }
    }
    if (spec.keywords && !sameJson(current.keywords ?? [], spec.keywords)) {
        next.keywords = [...spec.keywords];
        changed.push('keywords');
    }
    if (spec.links) {
        const uris = spec.links.map(toListingUri);
        if (!sameJson(comparableUris(current.listingUris ?? []), uris)) {
            next.listingUris = uris;
            changed.push('links');
        }
    }
    if (spec.contacts) {
        const contacts = mergeContacts(current.listingContacts ?? [], spec.contacts);
        if (!sameContacts(current.listingContacts ?? [], contacts)) {
            next.listingContacts = contacts;
            changed.push('contacts');
        }
    }
    return { next, changed };
}
function toListingUri(link) {
    return { type: link.type, displayText: link.displayText, uri: link.uri };
}
/** The fields the manifest can state, in the same key order, so JSON comparison is fair. */
function comparableUris(uris) {
    return uris.map(u => ({ type: u.type, displayText: u.displayText, uri: u.uri }));
}
function mergeContacts(current, wanted) {
    const statedTypes = new Set(wanted.map(c => c.type));
    const kept = current.filter(c => !statedTypes.has(c.type));
    return [
        ...kept,
        ...wanted.map(c => {
            const existing = current.find(e => e.type === c.type);
            // Unstated contact fields keep what Partner Center has.
            return { ...existing, ...definedOnly(c) };
        })
    ];
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
/** Contacts compared by type and field values; their order in the list carries no meaning. */
function sameContacts(a, b) {
    const key = (list) => list.map(c => JSON.stringify(Object.entries(c).sort(([x], [y]) => x.localeCompare(y)))).sort();
    return sameJson(key(a), key(b));
}
function sameJson(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}

;// CONCATENATED MODULE: ./src/publish/listings.ts
/**
 * Step 4: write the offer and plan listings (`en-us`) when the manifest changes them: GET by draft
 * instance, diff, and PUT the whole object through read-modify-write (a concurrent edit makes it
 * re-read and re-apply once).
 */



const LANGUAGE = 'en-us';
async function readListing(run, productId, instanceId, where) {
    const listings = await run.api.getListings(productId, instanceId);
    const listing = listings.find(l => (l.languageCode ?? '').toLowerCase() === LANGUAGE);
    if (!listing) {
        throw new errors/* PublishError */.S('DRAFT_NOT_FOUND', `The ${where} has no ${LANGUAGE} listing in Partner Center.`, {
            offerId: run.offer.offerId,
            hint: 'Add the English (United States) language to the offer in Partner Center, then run again.'
        });
    }
    return listing;
}
/** Updates one listing; resolves with the listing as it now is (as read, when unchanged). */
async function updateListing(run, productId, instanceId, spec, where) {
    const { result } = await updateDraft(run, {
        subject: `${where} listing`,
        read: () => readListing(run, productId, instanceId, where),
        diff: current => diffListing(current, spec),
        write: next => run.api.putListing(productId, next)
    });
    return result;
}

;// CONCATENATED MODULE: ./src/publish/package-config-diff.ts
function diffPackageConfig(current, change) {
    const next = { ...current };
    const changed = [];
    if (change.version !== undefined && current.version !== change.version) {
        next.version = change.version;
        changed.push('version');
    }
    const references = replaceReferences(current.packageReferences ?? [], change.references);
    if (JSON.stringify(references) !== JSON.stringify(current.packageReferences ?? [])) {
        next.packageReferences = references;
        changed.push('packageReferences');
    }
    if (change.managedApp) {
        for (const [key, value] of Object.entries(change.managedApp)) {
            if (value === undefined)
                continue;
            if (JSON.stringify(current[key]) !== JSON.stringify(value)) {
                next[key] = value;
                changed.push(key);
            }
        }
    }
    return { next, changed };
}
function replaceReferences(current, wanted) {
    const kept = current.filter(r => !(r.type in wanted));
    const unchanged = Object.entries(wanted).every(([type, value]) => current.some(r => r.type === type && r.value === value));
    // Keep the original order when nothing changes, so an unchanged configuration compares equal.
    if (unchanged && kept.length + Object.keys(wanted).length === current.length)
        return current;
    return [...kept, ...Object.entries(wanted).map(([type, value]) => ({ type, value }))];
}

;// CONCATENATED MODULE: ./src/publish/package-config.ts
/**
 * Step 7: the technical configurations (package configurations) that point at the packages: each
 * plan's for Azure Applications, the offer's for Business Central. They are read before the
 * packages are uploaded (whether one already holds the version tells the package step that an
 * earlier run got that far, see look-first.ts) and that read serves the update after them.
 */




/** Plan ID (Azure) or `offer` (Business Central) → its technical configuration, read in parallel. */
async function readTechnicalConfigs(run, productId, plans, drafts) {
    const { offer } = run;
    const targets = [];
    if (offer.businessCentral) {
        const where = `offer ${offer.offerId}`;
        targets.push({
            key: 'offer',
            where: 'offer',
            instanceId: requireDraft(drafts.offer, 'Package', where, offer.offerId)
        });
    }
    for (const plan of offer.plans) {
        const variant = plans.byPlanId.get(plan.planId);
        if (!variant)
            continue;
        const where = `plan ${plan.planId}`;
        targets.push({
            key: plan.planId,
            where,
            instanceId: requireDraft(drafts.plans.get(variant.id), 'Package', where, offer.offerId)
        });
    }
    const read = await Promise.all(targets.map(async ({ key, where, instanceId }) => {
        const current = await readConfig(run, productId, instanceId, where);
        return [key, { where, instanceId, current }];
    }));
    return new Map(read);
}
/** Whether a plan's technical configuration already holds the version its package is for. */
function configuredAtVersion(jobs, configs) {
    // Business Central configurations carry no version (it is in the .app and the Property).
    return jobs.some(job => configs.get(job.label)?.current.version === job.version);
}
/** Points each technical configuration at its new package (and version, and managed-app fields). */
async function updateTechnicalConfigs(run, productId, configs, packageIds) {
    const { offer } = run;
    if (offer.businessCentral) {
        const app = packageIds.get('app');
        const library = packageIds.get('library');
        const config = configs.get('offer');
        if (!productId || !config || !app || (offer.businessCentral.library && !library)) {
            run.record({
                action: 'update',
                subject: 'offer technical configuration',
                fields: ['packageReferences']
            });
            return;
        }
        const references = {
            Dynamics365BusinessCentralAddOnExtensionPackage: app
        };
        if (library)
            references.Dynamics365BusinessCentralAddOnLibraryExtensionPackage = library;
        await updatePackageConfig(run, productId, config, { references });
        return;
    }
    for (const plan of offer.plans) {
        const config = configs.get(plan.planId);
        const packageId = packageIds.get(plan.planId);
        if (!productId || !config || !packageId) {
            run.record({
                action: 'update',
                subject: `plan ${plan.planId} technical configuration`,
                fields: ['version', 'packageReferences']
            });
            continue;
        }
        await updatePackageConfig(run, productId, config, {
            version: plan.version,
            references: { AzureApplicationPackage: packageId },
            managedApp: plan.managedApp
        });
    }
}
async function updatePackageConfig(run, productId, config, change) {
    await updateDraft(run, {
        subject: `${config.where} technical configuration`,
        known: config.current,
        read: () => readConfig(run, productId, config.instanceId, config.where),
        diff: current => diffPackageConfig(current, change),
        write: next => run.api.putPackageConfiguration(productId, next)
    });
}
async function readConfig(run, productId, instanceId, where) {
    const [config] = await run.api.getPackageConfigurations(productId, instanceId);
    if (!config) {
        throw new errors/* PublishError */.S('DRAFT_NOT_FOUND', `Partner Center has no technical configuration for ${where}.`, {
            offerId: run.offer.offerId,
            hint: 'Open the technical configuration page of the plan in Partner Center once, then run again.'
        });
    }
    return config;
}

;// CONCATENATED MODULE: ./src/publish/backoff.ts

const PACKAGE_POLL = { initialMs: 1000, factor: 1.6, maxMs: 30_000 };
const SUBMISSION_POLL = { initialMs: 1000, factor: 1.6, maxMs: 60_000 };
/** Reads until `done`, sleeping between reads; the first read happens at once. */
async function pollUntil(options) {
    const { clock, signal, deadline, policy } = options;
    let delay = policy.initialMs;
    for (;;) {
        const value = await options.read();
        options.onValue?.(value);
        if (options.done(value))
            return value;
        const left = deadline - clock.now();
        if (left <= 0) {
            throw new errors/* PublishError */.S('TIME_BUDGET_EXCEEDED', `Gave up waiting for ${options.what}: the time budget ran out.`, {
                hint: 'Raise `timeout-minutes`, or use `wait: false` and check the submission in Partner Center.'
            });
        }
        // The last sleep is shortened so the final read happens right at the deadline.
        await clock.sleep(Math.min(delay, left), signal);
        delay = Math.min(policy.maxMs, delay * policy.factor);
    }
}

;// CONCATENATED MODULE: ./src/publish/look-first.ts
function listsPackagesFirst(settings, configuredAtVersion) {
    return settings.checkExisting === 'always' || settings.runAttempt > 1 || configuredAtVersion;
}
function listsSubmissionsFirst(settings, draftsUnchanged) {
    return settings.checkExisting === 'always' || settings.dryRun || draftsUnchanged;
}

;// CONCATENATED MODULE: ./src/publish/package-reuse.ts
const PREFERENCE = ['Processed', 'InProcessing', 'Uploaded', 'PendingUpload'];
function findReusablePackage(packages, file, resourceType, version) {
    const sameBuild = file.name.includes(version);
    const candidates = packages.filter(p => p.resourceType === resourceType &&
        p.fileName === file.name &&
        (p.state === 'PendingUpload' ||
            (sameBuild && (typeof p.fileSize !== 'number' || p.fileSize === file.size))));
    for (const state of PREFERENCE) {
        const found = candidates.filter(p => p.state === state).at(-1);
        if (found)
            return found;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/publish/packages.ts
/**
 * Step 6: packages. For every package the offer needs (one per plan for Azure Applications; the
 * app and the optional library for Business Central): reuse what an earlier attempt left (looked
 * for when one may have, see look-first.ts), else
 * POST, upload to the SAS URL exactly as issued, PUT `Uploaded`, and wait for `Processed`.
 * Independent files upload side by side, bounded.
 */







function packageJobs(run) {
    const { offer } = run;
    const bc = offer.businessCentral;
    if (bc) {
        const jobs = [
            {
                label: 'app',
                file: bc.app,
                resourceType: 'Dynamics365BusinessCentralAddOnExtensionPackage',
                version: bc.appVersion
            }
        ];
        if (bc.library) {
            jobs.push({
                label: 'library',
                file: bc.library,
                resourceType: 'Dynamics365BusinessCentralAddOnLibraryExtensionPackage',
                version: bc.appVersion
            });
        }
        return jobs;
    }
    return offer.plans.map(p => ({
        label: p.planId,
        file: p.package,
        resourceType: 'AzureApplicationPackage',
        version: p.version
    }));
}
/**
 * Resolves with job label → processed package id (undefined in a dry run that would upload).
 * `configuredAtVersion`: a technical configuration already holds the version being published.
 */
async function publishPackages(run, productId, jobs, configuredAtVersion) {
    const existing = productId && listsPackagesFirst(run.deps.settings, configuredAtVersion)
        ? await run.api.listPackages(productId)
        : [];
    const ids = await (0,concurrency/* mapLimit */.s)(jobs, run.deps.uploadConcurrency, async (job) => {
        const reusable = findReusablePackage(existing, job.file, job.resourceType, job.version);
        const id = productId
            ? await publishPackage(run, productId, job, reusable)
            : planUpload(run, job);
        run.result.packages.push({
            label: job.label,
            fileName: job.file.name,
            version: job.version,
            packageId: id
        });
        return [job.label, id];
    });
    return new Map(ids);
}
function planUpload(run, job) {
    run.record({
        action: 'upload',
        subject: `package ${job.label} (${job.file.name}, ${(0,units/* formatBytes */.z3)(job.file.size)})`
    });
    return undefined;
}
async function publishPackage(run, productId, job, reusable) {
    if (reusable?.state === 'Processed') {
        run.record({
            action: 'reuse',
            subject: `package ${job.label} (${job.file.name}, already processed)`
        });
        return reusable.id;
    }
    if (reusable && reusable.state !== 'PendingUpload') {
        run.record({
            action: 'reuse',
            subject: `package ${job.label} (${job.file.name}, still processing)`
        });
        if (run.dryRun)
            return reusable.id;
        return (await waitProcessed(run, productId, job, reusable)).id;
    }
    if (run.dryRun)
        return planUpload(run, job);
    const pending = await pendingPackage(run, productId, job, reusable);
    run.beforeWrite(`uploading package ${job.label}`);
    const stats = await run.deps.upload(job.file, pending.fileSasUri ?? '');
    run.log(`package ${job.label}: uploaded ${(0,units/* formatBytes */.z3)(stats.bytes)} in ${(stats.ms / 1000).toFixed(1)} s`);
    // Not interrupted by cancellation: a package left PendingUpload after its bytes are in would
    // only be re-uploaded by the next run.
    const uploaded = await run.api.putPackage(productId, { ...pending, state: 'Uploaded' });
    return (await waitProcessed(run, productId, job, uploaded)).id;
}
/** A package to upload into: the reusable PendingUpload one when it still has its SAS URL. */
async function pendingPackage(run, productId, job, reusable) {
    if (reusable) {
        const fresh = await run.api.getPackage(productId, reusable.id);
        if (fresh.state === 'PendingUpload' && fresh.fileSasUri) {
            run.record({
                action: 'upload',
                subject: `package ${job.label} (${job.file.name}, ${(0,units/* formatBytes */.z3)(job.file.size)}, into the pending package ${fresh.id})`
            });
            return fresh;
        }
    }
    run.record({
        action: 'upload',
        subject: `package ${job.label} (${job.file.name}, ${(0,units/* formatBytes */.z3)(job.file.size)})`
    });
    run.beforeWrite(`creating package ${job.label}`);
    return createOnce(run, {
        what: `package '${job.file.name}'`,
        create: () => run.api.createPackage(productId, {
            resourceType: job.resourceType,
            fileName: job.file.name
        }),
        // Any PendingUpload package of this file will do: our bytes go into it.
        find: async () => (await run.api.listPackages(productId))
            .filter(p => p.resourceType === job.resourceType &&
            p.fileName === job.file.name &&
            p.state === 'PendingUpload')
            .at(-1),
        idOf: p => p.id
    });
}
/**
 * Business Central packages are final in the PUT reply; Azure Application packages are polled.
 * The same loop serves both: a final state ends it before the first sleep.
 */
async function waitProcessed(run, productId, job, pkg) {
    let latest = pkg;
    let first = true;
    const done = await pollUntil({
        clock: run.deps.clock,
        signal: run.deps.signal,
        deadline: run.deps.deadline,
        policy: PACKAGE_POLL,
        what: `package ${job.label} to be processed`,
        read: async () => {
            if (first) {
                first = false;
                return latest;
            }
            latest = await run.api.getPackage(productId, pkg.id);
            return latest;
        },
        done: p => p.state === 'Processed' || p.state === 'ProcessFailed'
    });
    if (done.state === 'ProcessFailed') {
        const items = done.validationItems ?? [];
        throw new errors/* PublishError */.S('PACKAGE_PROCESS_FAILED', `Partner Center could not process package ${job.label} (${job.file.name}).`, {
            offerId: run.offer.offerId,
            source: job.file.source,
            hint: items.length
                ? 'Fix the problems listed below in the package and run again.'
                : 'Check the package in Partner Center.',
            cause: items
        });
    }
    run.log(`package ${job.label}: processed (${done.id})`);
    return done;
}

;// CONCATENATED MODULE: ./src/publish/plans.ts
/**
 * Step 2: match the manifest's plans to the offer's variants by plan ID (`externalID`), creating
 * the missing ones. A plan of another kind (solution template vs managed application) is an
 * error: Partner Center cannot change a plan's kind.
 */


async function ensurePlans(run, productId) {
    const byPlanId = new Map();
    const created = new Set();
    if (run.offer.plans.length === 0)
        return { byPlanId, created };
    const variants = await run.api.listVariants(productId);
    for (const plan of run.offer.plans) {
        const variant = variants.find(v => isPlan(v, plan.planId));
        if (variant) {
            checkSubType(run, plan, variant);
            byPlanId.set(plan.planId, variant);
            continue;
        }
        created.add(plan.planId);
        run.record({
            action: 'create',
            subject: `plan ${plan.planId} (${plan.subType}, "${plan.name}")`
        });
        if (run.dryRun) {
            byPlanId.set(plan.planId, undefined);
            continue;
        }
        run.beforeWrite(`creating plan ${plan.planId}`);
        byPlanId.set(plan.planId, await createOnce(run, {
            what: `plan ${plan.planId}`,
            create: () => run.api.createVariant(productId, {
                resourceType: 'AzureSkuVariant',
                friendlyName: plan.name,
                externalID: plan.planId,
                subType: plan.subType
            }),
            find: async () => (await run.api.listVariants(productId)).find(v => isPlan(v, plan.planId)),
            idOf: v => v.id
        }));
    }
    return { byPlanId, created };
}
function isPlan(variant, planId) {
    return variant.resourceType === 'AzureSkuVariant' && variant.externalID === planId;
}
function checkSubType(run, plan, variant) {
    // A variant without subType is a solution template: that is what the service defaults to.
    const actual = variant.subType ?? 'solution-template';
    if (actual !== plan.subType) {
        throw new errors/* PublishError */.S('PLAN_TYPE_MISMATCH', `Plan "${plan.planId}" is a ${actual} plan in Partner Center, but the manifest publishes a ${plan.subType} package to it.`, {
            offerId: run.offer.offerId,
            source: plan.source,
            hint: 'A plan cannot change its kind: use a new plan ID, or fix the plan type in the manifest.'
        });
    }
}

// EXTERNAL MODULE: ./src/publish/result.ts
var result = __webpack_require__(5586);
;// CONCATENATED MODULE: ./src/publish/product.ts
/**
 * Step 1: find the offer's product by its offer ID (one filtered GET, never paging through every
 * product), create it when the manifest gives a `name`, and refuse a product of another type.
 */



const PRODUCT_TYPE = {
    'azure-solution-template': 'AzureApplication',
    'azure-managed-app': 'AzureApplication',
    'business-central': 'AzureDynamics365BusinessCentral'
};
/** The product, or undefined in a dry run that would create it (nothing more can be read then). */
async function resolveProduct(run) {
    const { offer } = run;
    const expectedType = PRODUCT_TYPE[offer.type];
    let product = await run.api.findProductByOfferId(offer.offerId);
    if (!product) {
        if (!offer.name) {
            throw new errors/* PublishError */.S('OFFER_NOT_FOUND', `No offer with the ID "${offer.offerId}" exists in this Partner Center account.`, {
                offerId: offer.offerId,
                source: offer.source,
                hint: 'Check the offer ID and the account the credentials belong to, or add `name:` to the offer in the manifest to create it.'
            });
        }
        run.record({
            action: 'create',
            subject: `offer ${offer.offerId} (${expectedType}, "${offer.name}")`
        });
        if (run.dryRun)
            return undefined;
        run.beforeWrite('creating the offer');
        const name = offer.name; // checked above; the closure below would lose that narrowing
        product = await createOnce(run, {
            what: `offer ${offer.offerId}`,
            create: () => run.api.createProduct({
                resourceType: expectedType,
                name,
                externalIDs: [{ type: 'AzureOfferId', value: offer.offerId }],
                isModularPublishing: true
            }),
            find: () => run.api.findProductByOfferId(offer.offerId),
            idOf: p => p.id
        });
    }
    run.result.productId = product.id;
    run.result.partnerCenterUrl = (0,result/* partnerCenterUrl */.n)(product.id);
    if (product.resourceType !== expectedType) {
        throw new errors/* PublishError */.S('UNSUPPORTED_OFFER', `Offer "${offer.offerId}" is a ${product.resourceType} offer, but the manifest says ${offer.type} (${expectedType}).`, {
            offerId: offer.offerId,
            source: offer.source,
            hint: 'Fix `type:` in the manifest, or the offer ID.'
        });
    }
    if (offer.type === 'business-central') {
        const setup = await run.api.getProductSetup(product.id);
        if (setup.packageType === 'Connect') {
            throw new errors/* PublishError */.S('UNSUPPORTED_OFFER', `Offer "${offer.offerId}" is a Business Central Connect app, which has no package to publish.`, {
                offerId: offer.offerId,
                source: offer.source,
                hint: 'Only Business Central add-on apps (packageType AddOn) can be published with this action.'
            });
        }
    }
    run.log(`product ${product.id}`);
    return product;
}

;// CONCATENATED MODULE: ./src/publish/version.ts
/** Dotted numeric versions (`1.2.3.4`) compared part by part; missing parts count as 0. */
function compareVersions(a, b) {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0)
            return Math.sign(d);
    }
    return 0;
}

;// CONCATENATED MODULE: ./src/publish/properties.ts
/**
 * Step 8: offer-level properties the manifest states (categories, industries, terms of use,
 * enterprise contract), the Business Central `appVersion` (never lowered), and the reseller
 * channel state.
 */



/** Resolves with whether the property draft changed (Business Central submits it only then). */
async function updateProperties(run, productId, instanceId) {
    const wanted = wantedProperties(run);
    if (Object.keys(wanted).length === 0)
        return false;
    if (!productId || !instanceId) {
        // Only a dry run of an offer that does not exist yet gets here: everything would be written.
        run.record({ action: 'update', subject: 'offer properties', fields: Object.keys(wanted) });
        return true;
    }
    const read = async () => {
        const [property] = await run.api.getProperties(productId, instanceId);
        if (!property) {
            throw new errors/* PublishError */.S('DRAFT_NOT_FOUND', 'Partner Center has no properties for this offer.', { offerId: run.offer.offerId });
        }
        return property;
    };
    const { changed } = await updateDraft(run, {
        subject: 'offer properties',
        read,
        diff: current => {
            checkVersion(run, current);
            return { changed: changedFields(current, wanted), next: { ...current, ...wanted } };
        },
        write: next => run.api.putProperty(productId, next)
    });
    return changed;
}
function wantedProperties(run) {
    const { properties, businessCentral } = run.offer;
    const wanted = {};
    if (properties) {
        for (const key of [
            'categories',
            'industries',
            'termsOfUse',
            'useEnterpriseContract'
        ]) {
            if (properties[key] !== undefined)
                wanted[key] = properties[key];
        }
    }
    const appVersion = businessCentral?.appVersion ?? properties?.appVersion;
    if (appVersion !== undefined)
        wanted.appVersion = appVersion;
    return wanted;
}
function changedFields(current, wanted) {
    return Object.keys(wanted).filter(k => JSON.stringify(current[k]) !== JSON.stringify(wanted[k]));
}
function checkVersion(run, current) {
    const wanted = run.offer.businessCentral?.appVersion ?? run.offer.properties?.appVersion;
    if (wanted && current.appVersion && compareVersions(wanted, current.appVersion) < 0) {
        throw new errors/* PublishError */.S('VERSION_NOT_HIGHER', `App version ${wanted} is lower than the version ${current.appVersion} already in Partner Center.`, {
            offerId: run.offer.offerId,
            source: run.offer.source,
            hint: 'Publish a higher app version; Partner Center never goes back to a lower one.'
        });
    }
}
/**
 * The reseller channel (Cloud Solution Provider program) the manifest states. The resource has no
 * etag and its write is a POST of the whole object, so the read-compare-write is done here.
 */
async function updateReseller(run, productId) {
    const wanted = run.offer.resellerChannelState;
    if (!wanted)
        return;
    if (!productId) {
        run.record({ action: 'update', subject: 'reseller channel', fields: ['resellerChannelState'] });
        return;
    }
    const current = await run.api.getResellerConfiguration(productId);
    if (current.resellerChannelState === wanted)
        return;
    run.record({ action: 'update', subject: 'reseller channel', fields: ['resellerChannelState'] });
    if (run.dryRun)
        return;
    run.beforeWrite('updating the reseller channel');
    await run.api.setResellerConfiguration(productId, { ...current, resellerChannelState: wanted });
}

;// CONCATENATED MODULE: ./src/publish/submission-request.ts
/** The offer-level branches read for an Azure Application's submission. */
const AZURE_OFFER_MODULES = [
    'Availability',
    'Listing',
    'Package',
    'Property'
];
/**
 * The reseller configuration's draft instance, named rather than read from its branch: Microsoft's
 * partnercenter CLI [PCC] submits this literal on every publish, which saves a request; [PCX] reads
 * `getByModule(module=ResellerConfiguration)` instead. Leaving it out fails validation with
 * Resell-20007 (ingestion-v1.md §3.8, §4.1).
 */
const resellerInstance = (productId) => `${productId}-ResellerInstance`;
const AZURE_PLAN_MODULES = ['Availability', 'Listing', 'Package'];
const BC_MODULES = ['Listing', 'Package', 'Property'];
function buildSubmissionRequest(offer, productId, drafts, propertyChanged) {
    const request = {
        resourceType: 'SubmissionCreationRequest',
        targets: [{ type: 'Scope', value: 'preview' }],
        resources: []
    };
    if (offer.type === 'business-central') {
        request.resources = pairs(drafts.offer, propertyChanged ? ['Package', 'Property'] : ['Package']);
    }
    else {
        request.resources = [
            ...pairs(drafts.offer, AZURE_OFFER_MODULES),
            { type: 'ResellerConfiguration', value: resellerInstance(productId) }
        ];
        request.variantResources = [...drafts.plans].map(([variantID, ids]) => ({
            variantID,
            resources: pairs(ids, AZURE_PLAN_MODULES)
        }));
    }
    if (offer.certificationNotes)
        request.publishOption = { certificationNotes: offer.certificationNotes };
    return request;
}
function pairs(ids, modules) {
    return modules.flatMap(m => (ids[m] ? [{ type: m, value: ids[m] }] : []));
}

;// CONCATENATED MODULE: ./src/publish/submission-rules.ts
function hasFailed(s) {
    return (s.substate === 'Failed' ||
        s.substate === 'FailedInCertification' ||
        s.pendingUpdateInfo?.status === 'Failed');
}
function isBlocking(s) {
    if (s.state === 'InProgress')
        return !hasFailed(s);
    return s.state === 'Published' && s.substate === 'Publishing';
}
/** The submission others must wait for: InProgress first, then the highest release number. */
function findBlocking(submissions) {
    return [...submissions].filter(isBlocking).sort(byLatest)[0];
}
/**
 * The latest submission certified for preview and not promoted (Published/ReadyToPublish): what a
 * run stopped before or during promote left behind. It blocks nothing, but a re-run whose drafts
 * are unchanged must promote it rather than submit the same content a second time.
 */
function findReadyToPublish(submissions) {
    return [...submissions]
        .filter(s => s.state === 'Published' && s.substate === 'ReadyToPublish' && !hasFailed(s))
        .sort(byLatest)[0];
}
function byLatest(a, b) {
    const inProgress = Number(b.state === 'InProgress') - Number(a.state === 'InProgress');
    return inProgress || (b.releaseNumber ?? 0) - (a.releaseNumber ?? 0);
}
function coversRequest(s, request) {
    if (!samePairs(s.resources ?? [], request.resources))
        return false;
    const theirs = new Map((s.variantResources ?? []).map(v => [v.variantID, v.resources]));
    const ours = request.variantResources ?? [];
    return (theirs.size === ours.length &&
        ours.every(v => samePairs(theirs.get(v.variantID) ?? [], v.resources)));
}
function samePairs(a, b) {
    const key = (list) => list
        .map(p => `${p.type.toLowerCase()}=${p.value}`)
        .sort()
        .join('|');
    return key(a) === key(b);
}
/** Where a submission stands for a run that wants `target`. */
function outcomeOf(s, target) {
    if (hasFailed(s))
        return 'failed';
    if (s.state !== 'Published')
        return 'pending';
    // Published/Published and InStore are live (the service may promote by itself).
    if (s.substate === 'InStore' || s.substate === 'Published')
        return 'live';
    if (s.substate === 'ReadyToPublish' && target === 'preview')
        return 'preview';
    return 'pending';
}

;// CONCATENATED MODULE: ./src/publish/adoption.ts
/**
 * Is an in-progress submission the one an earlier attempt of this run made (so it is adopted
 * rather than reported as a conflict or duplicated)? Only asked when this run wrote nothing to the
 * drafts, i.e. the drafts already hold what the manifest says.
 *
 * 1. It lists exactly the draft instances our request would list (see submission-rules.ts).
 * 2. Or, when the service gave the drafts new instance ids after that submission (the evidence
 *    allows it, ingestion-v1.md §3.2), its Package drafts reference the very packages, with the
 *    same versions, that ours do. Package ids are unique per upload and the packages were matched
 *    by file name, so a submission that passes this made the same release from the same files.
 *    This reads the submission's own instances. Whether the service still serves them once the
 *    drafts moved on is not in the evidence; the emulator keeps them by default (a read-only copy
 *    of what was submitted) and drops them with `--drop-submitted-instances`.
 * An instance that no longer resolves cannot prove anything, so it counts as "not ours": a
 * conflict is reported rather than a guess adopted.
 */


async function isOwnSubmission(run, productId, submission, candidates) {
    if (candidates.some(request => coversRequest(submission, request)))
        return true;
    const theirs = packageDrafts(submission);
    const ours = packageDrafts(candidates[0]);
    if (ours.size === 0 || theirs.size !== ours.size)
        return false;
    try {
        for (const [owner, instance] of ours) {
            const other = theirs.get(owner);
            if (!other)
                return false;
            const [a, b] = await Promise.all([
                configKey(run, productId, instance),
                configKey(run, productId, other)
            ]);
            if (a !== b)
                return false;
        }
        return true;
    }
    catch (error) {
        if ((0,errors/* isPublishError */.U)(error) && error.code === 'HTTP_STATUS')
            return false;
        throw error;
    }
}
/** Owner (`offer` or the variant id) → Package draft instance id. */
function packageDrafts(shape) {
    const drafts = new Map();
    const offerPackage = shape.resources?.find(r => r.type.toLowerCase() === 'package');
    if (offerPackage)
        drafts.set('offer', offerPackage.value);
    for (const variant of shape.variantResources ?? []) {
        const pkg = variant.resources.find(r => r.type.toLowerCase() === 'package');
        if (pkg)
            drafts.set(variant.variantID, pkg.value);
    }
    return drafts;
}
/** What a technical configuration publishes: its version and package references, in a stable form. */
async function configKey(run, productId, instanceId) {
    const [config] = await run.api.getPackageConfigurations(productId, instanceId);
    if (!config)
        return 'none';
    const references = (config.packageReferences ?? []).map(r => `${r.type}=${r.value}`).sort();
    return JSON.stringify([config.version ?? null, references]);
}

;// CONCATENATED MODULE: ./src/publish/submit.ts
/**
 * Steps 10–11: deal with an existing submission (fail, wait for it, or adopt it when it is our own
 * from an earlier attempt), then create ours. Someone else's submission is never cancelled.
 * Whether the list is read before the POST or only after a 409 is look-first.ts's call.
 * The creating POST is not retried blindly (create-once.ts): after an ambiguous failure the
 * submission list tells whether it was made.
 */






async function submit_submit(run, input) {
    let plan = await input.buildRequest();
    if (listsSubmissionsFirst(run.deps.settings, input.draftsUnchanged)) {
        const settled = await settleExisting(run, input, plan);
        if ('adopted' in settled)
            return settled.adopted;
        plan = settled.plan;
    }
    run.record({
        action: 'submit',
        subject: `submission to preview (${plan.request.resources.length} modules, ${plan.request.variantResources?.length ?? 0} plans)`
    });
    if (run.dryRun)
        return undefined;
    run.beforeWrite('creating the submission');
    for (;;) {
        try {
            return await createSubmission(run, input.productId, plan.request);
        }
        catch (error) {
            // 409: another submission is in progress. Name it, or wait for it and submit afresh.
            if (!(0,errors/* isPublishError */.U)(error) || error.details.status !== 409)
                throw error;
            const blocking = findBlocking(await run.api.listSubmissions(input.productId));
            if (!blocking)
                throw error;
            plan = await waitForOther(run, input, blocking);
        }
    }
}
/**
 * Before the POST: adopt the submission an earlier attempt made from these drafts, or deal with
 * someone else's in progress (fail, or wait for it). Resolves with the request to send.
 */
async function settleExisting(run, input, first) {
    let plan = first;
    for (;;) {
        const submissions = await run.api.listSubmissions(input.productId);
        const blocking = findBlocking(submissions);
        const candidate = blocking ?? (input.draftsUnchanged ? findReadyToPublish(submissions) : undefined);
        if (candidate &&
            input.draftsUnchanged &&
            (await isOwnSubmission(run, input.productId, candidate, plan.equivalents))) {
            run.record({
                action: 'adopt',
                subject: `submission ${candidate.id} (made from this release by an earlier run, ${describe(candidate)})`
            });
            return { adopted: candidate };
        }
        if (!blocking)
            return { plan };
        if (run.dryRun && run.deps.settings.onConflict === 'wait') {
            run.log(`would wait for submission ${blocking.id} (${describe(blocking)}) to finish`);
            return { plan };
        }
        plan = await waitForOther(run, input, blocking);
    }
}
/** Fails with SUBMISSION_CONFLICT, or (`on-conflict: wait`) waits and rebuilds the request. */
async function waitForOther(run, input, blocking) {
    if (run.deps.settings.onConflict === 'fail')
        throw conflictError(run, blocking);
    run.log(`waiting for submission ${blocking.id} (${describe(blocking)}) to finish before submitting`);
    await waitUntilSettled(run, input.productId, blocking);
    // The drafts may have moved on once that submission went through: read them again.
    return input.buildRequest();
}
/** The POST; after an ambiguous failure, a submission of exactly this request is what it made. */
function createSubmission(run, productId, request) {
    return createOnce(run, {
        what: 'submission',
        create: () => run.api.createSubmission(productId, request),
        find: async () => (await run.api.listSubmissions(productId)).find(s => isBlocking(s) && coversRequest(s, request)),
        idOf: s => s.id
    });
}
async function waitUntilSettled(run, productId, blocking) {
    await pollUntil({
        clock: run.deps.clock,
        signal: run.deps.signal,
        deadline: run.deps.deadline,
        policy: SUBMISSION_POLL,
        what: `submission ${blocking.id} to finish`,
        read: () => run.api.getSubmission(productId, blocking.id),
        done: s => !isBlocking(s)
    });
}
function conflictError(run, s) {
    return new errors/* PublishError */.S('SUBMISSION_CONFLICT', `Submission ${s.id} of offer "${run.offer.offerId}" is still in progress (${describe(s)}).`, {
        offerId: run.offer.offerId,
        hint: 'Set `on-conflict: wait` to wait for it, or finish or cancel it in Partner Center, then run again.'
    });
}
function describe(s) {
    return `${s.state}/${s.substate}`;
}

;// CONCATENATED MODULE: ./src/publish/wait.ts
/**
 * Steps 12–13: wait for the submission to reach the target (preview ready, or live after the
 * promote), recording a state timeline; on failure collect the validations and certification
 * reports as errors.
 */




async function waitForSubmission(run, productId, submissionId, target) {
    const final = await pollUntil({
        clock: run.deps.clock,
        signal: run.deps.signal,
        deadline: run.deps.deadline,
        policy: SUBMISSION_POLL,
        what: `submission ${submissionId} to reach ${target}`,
        read: () => run.api.getSubmission(productId, submissionId),
        done: s => outcomeOf(s, target) !== 'pending',
        onValue: s => observe(run, s)
    });
    if (outcomeOf(final, target) === 'failed')
        await failWithDetails(run, productId, final);
    return final;
}
/** Adds a timeline entry when the state changes, closing the previous one's duration. */
function observe(run, s) {
    run.result.releaseNumber = s.releaseNumber ?? run.result.releaseNumber;
    collectPreviewLinks(run, s);
    const state = describe(s);
    const timeline = run.result.timeline;
    const last = timeline.at(-1);
    if (last?.state === state)
        return;
    const now = run.deps.clock.now();
    if (last)
        last.durationMs = now - last.at;
    timeline.push({ state, at: now });
    run.log(`submission ${s.id}: ${state}`);
}
/**
 * The Ingestion API documents no preview link field. When a reply carries one anyway (a
 * `previewLink`/`previewLinks` property), it is passed through; otherwise the output stays empty.
 */
function collectPreviewLinks(run, s) {
    const raw = s.previewLinks ?? s.previewLink;
    const links = (Array.isArray(raw) ? raw : [raw]).filter((l) => typeof l === 'string' && /^https:\/\//.test(l));
    if (links.length)
        run.result.previewLinks = links;
}
async function failWithDetails(run, productId, s) {
    const [validations, reports] = await Promise.all([
        run.api.getValidations(productId, s.id).catch(() => []),
        run.api.getReports(productId, s.id).catch(() => [])
    ]);
    const reason = s.pendingUpdateInfo?.failureReason ? `: ${s.pendingUpdateInfo.failureReason}` : '';
    throw new errors/* PublishError */.S('SUBMISSION_FAILED', `Submission ${s.id} failed (${describe(s)})${reason}.`, {
        offerId: run.offer.offerId,
        hint: 'Fix the problems listed and run again; the certification report links are in the summary.',
        cause: { validations, reports }
    });
}

;// CONCATENATED MODULE: ./src/publish/offer.ts
/**
 * The whole sequence for one offer (ingestion-v1.md §5): product → plans → drafts → listings →
 * images → packages → technical configuration → properties → submission → wait → promote.
 * Never throws: every failure ends up in the returned result as status `failed` with its errors.
 */














async function publishOffer(run) {
    try {
        await publishSteps(run);
    }
    catch (error) {
        run.result.status = 'failed';
        run.result.errors.push(...(0,publish_errors/* toResultErrors */.O)(error));
        if (!(0,errors/* isPublishError */.U)(error) && error instanceof Error && error.stack)
            run.deps.debug((0,redact/* redact */.E$)(error.stack));
        if ((0,errors/* isPublishError */.U)(error) && error.code === 'CANCELLED')
            run.result.stoppedAt ??= `the next step (after: ${run.lastActivity})`;
    }
    return run.result;
}
async function publishSteps(run) {
    const { settings } = run.deps;
    const product = await resolveProduct(run);
    const productId = product?.id;
    const plans = productId ? await ensurePlans(run, productId) : plansToCreate(run);
    const drafts = productId ? await readOfferDrafts(run, productId) : undefined;
    const propertyChanged = await updateDrafts(run, product, plans, drafts);
    if (settings.dryRun) {
        run.result.status = 'planned';
        if (settings.target === 'draft')
            return;
        if (productId && drafts)
            await submit_submit(run, submitInput(run, productId, drafts, propertyChanged));
        else
            run.record({ action: 'submit', subject: 'submission to preview' });
        return;
    }
    run.result.status = 'draft';
    if (settings.target === 'draft' || !productId || !drafts)
        return;
    const submission = await submit_submit(run, submitInput(run, productId, drafts, propertyChanged));
    if (!submission)
        return;
    run.result.submissionId = submission.id;
    run.result.releaseNumber = submission.releaseNumber;
    run.result.status = 'submitted';
    if (!settings.wait)
        return;
    // Waiting for `preview` also stops at live when the service promotes by itself.
    const preview = await waitForSubmission(run, productId, submission.id, 'preview');
    run.result.status = preview.substate === 'ReadyToPublish' ? 'preview' : 'live';
    if (settings.target === 'live' && run.result.status === 'preview') {
        run.record({ action: 'promote', subject: `submission ${submission.id} to live` });
        run.beforeWrite('promoting the submission to live');
        await run.api.promoteSubmission(productId, submission.id);
        await waitForSubmission(run, productId, submission.id, 'live');
        run.result.status = 'live';
    }
}
/**
 * Writes every draft module the manifest states (dry run: records what it would write).
 * Resolves with whether the property draft changed (Business Central submits it only then).
 */
async function updateDrafts(run, product, plans, drafts) {
    const { offer } = run;
    const productId = product?.id;
    const where = `offer ${offer.offerId}`;
    let offerListingId;
    if (productId && drafts) {
        const listingDraft = requireDraft(drafts.offer, 'Listing', where, offer.offerId);
        const listing = offer.listing
            ? await updateListing(run, productId, listingDraft, offer.listing, 'offer')
            : offer.images.length
                ? await readListing(run, productId, listingDraft, 'offer')
                : undefined;
        offerListingId = listing?.id;
    }
    else if (offer.listing) {
        run.record({ action: 'update', subject: 'offer listing' });
    }
    for (const plan of offer.plans) {
        const variant = plans.byPlanId.get(plan.planId);
        const spec = plans.created.has(plan.planId)
            ? { ...plan.listing, source: plan.source, title: plan.listing?.title ?? plan.name }
            : plan.listing;
        if (!spec)
            continue;
        if (productId && drafts && variant) {
            const draft = requireDraft(drafts.plans.get(variant.id), 'Listing', `plan ${plan.planId}`, offer.offerId);
            await updateListing(run, productId, draft, spec, `plan ${plan.planId}`);
        }
        else {
            run.record({ action: 'update', subject: `plan ${plan.planId} listing` });
        }
    }
    await updateImages(run, productId, offerListingId);
    const configs = productId && drafts
        ? await readTechnicalConfigs(run, productId, plans, drafts)
        : new Map();
    const jobs = packageJobs(run);
    const packageIds = await publishPackages(run, productId, jobs, configuredAtVersion(jobs, configs));
    await updateTechnicalConfigs(run, productId, configs, packageIds);
    const propertyChanged = await updateProperties(run, productId, drafts?.offer.Property);
    await updateReseller(run, productId);
    return propertyChanged;
}
/**
 * `readBefore` are the draft ids read before the drafts were updated; writing to a draft keeps its
 * instance id, so they serve the first submission request. After waiting for someone else's submission they may
 * have moved on (ingestion-v1.md §3.2), so later requests read them again.
 */
function submitInput(run, productId, readBefore, propertyChanged) {
    let known = readBefore;
    return {
        productId,
        buildRequest: async () => {
            const drafts = known ?? (await readOfferDrafts(run, productId));
            known = undefined;
            const request = buildSubmissionRequest(run.offer, productId, drafts, propertyChanged);
            const withProperty = buildSubmissionRequest(run.offer, productId, drafts, true);
            return { request, equivalents: propertyChanged ? [request] : [request, withProperty] };
        },
        // Reusing a processed package writes nothing, so it keeps the drafts unchanged.
        draftsUnchanged: run.result.changes.every(c => c.action === 'reuse')
    };
}
function readOfferDrafts(run, productId) {
    return readDrafts(run.api, productId, run.offer.type === 'business-central' ? BC_MODULES : AZURE_OFFER_MODULES);
}
function plansToCreate(run) {
    const created = new Set(run.offer.plans.map(p => p.planId));
    return { byPlanId: new Map(run.offer.plans.map(p => [p.planId, undefined])), created };
}

;// CONCATENATED MODULE: ./src/publish/index.ts
/**
 * Publishes every offer with bounded concurrency. One offer failing does not stop the others
 * (each offer's errors are in its own result); the run as a whole fails if any offer did.
 */



async function publishAll(deps, offers) {
    // Groups only help when offers run one at a time; interleaved lines cannot be grouped.
    const group = deps.settings.concurrency <= 1 || offers.length === 1 ? deps.group : undefined;
    return (0,concurrency/* mapLimit */.s)(offers, deps.settings.concurrency, async (offer) => {
        group?.start(`Offer ${offer.offerId}`);
        try {
            return await publishOffer(new OfferRun(deps, offer));
        }
        finally {
            group?.end();
        }
    });
}



/***/ }),

/***/ 5586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ worstStatus),
/* harmony export */   n: () => (/* binding */ partnerCenterUrl)
/* harmony export */ });
const STATUS_RANK = [
    'failed',
    'planned',
    'draft',
    'submitted',
    'preview',
    'live'
];
function worstStatus(statuses) {
    let worst = 'live';
    for (const s of statuses)
        if (STATUS_RANK.indexOf(s) < STATUS_RANK.indexOf(worst))
            worst = s;
    return statuses.length === 0 ? 'failed' : worst;
}
function partnerCenterUrl(productId) {
    return `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${productId}/overview`;
}


/***/ }),

/***/ 3020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C7: () => (/* binding */ formatElapsed),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/** Human-readable sizes and durations for progress lines and the summary. */
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
/** `mm:ss.t`, or `h:mm:ss` from an hour on. */
function formatElapsed(ms) {
    const totalSeconds = Math.max(0, ms) / 1000;
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    const seconds = totalSeconds % 60;
    if (hours > 0)
        return `${hours}:${pad(minutes)}:${pad(Math.floor(seconds))}`;
    return `${pad(minutes)}:${seconds.toFixed(1).padStart(4, '0')}`;
}
/** `42 s`, `3 min 5 s`, `2 h 1 min`. */
function formatDuration(ms) {
    const s = Math.round(ms / 1000);
    if (s < 60)
        return `${s} s`;
    if (s < 3600)
        return `${Math.floor(s / 60)} min ${s % 60} s`;
    return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
function pad(n) {
    return String(n).padStart(2, '0');
}


/***/ })

};
