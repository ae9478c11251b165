export const id = 31;
export const ids = [31];
export const modules = {

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


/***/ }),

/***/ 5031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  report: () => (/* binding */ report)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/report/location.ts
/** A source reference as the annotation properties and the summary show it. */

function relativeFile(file, workspace) {
    if (!(0,external_node_path_.isAbsolute)(file))
        return file;
    const rel = (0,external_node_path_.relative)(workspace, file);
    return rel.startsWith('..') ? file : rel.split('\\').join('/');
}
function annotationPlace(source, workspace) {
    if (!source)
        return {};
    return {
        file: relativeFile(source.file, workspace),
        startLine: source.line,
        startColumn: source.column
    };
}
function describePlace(source, workspace) {
    if (!source)
        return '';
    const line = source.line ? `:${source.line}` : '';
    const column = source.line && source.column ? `:${source.column}` : '';
    return `${relativeFile(source.file, workspace)}${line}${column}`;
}
/** `file:line:column` from annotation properties, or '' when they name no file. */
function formatPlace(properties) {
    if (!properties?.file)
        return '';
    const line = properties.startLine ? `:${properties.startLine}` : '';
    const column = properties.startLine && properties.startColumn ? `:${properties.startColumn}` : '';
    return `${properties.file}${line}${column}`;
}

// EXTERNAL MODULE: ./src/publish/result.ts
var result = __webpack_require__(5586);
;// CONCATENATED MODULE: ./src/report/outputs.ts
/**
 * The action's outputs. With several offers, the single-value outputs describe the first offer
 * and `status` is the worst status of all; `result` has every offer.
 */

const OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    'product-id',
    'submission-id',
    'status',
    'release-number',
    'partner-center-url',
    'preview-links',
    'result'
]));
function outputValues(results) {
    const first = results[0];
    return {
        'product-id': first?.productId ?? '',
        'submission-id': first?.submissionId ?? '',
        status: (0,result/* worstStatus */.A)(results.map(r => r.status)),
        'release-number': first?.releaseNumber === undefined ? '' : String(first.releaseNumber),
        'partner-center-url': first?.partnerCenterUrl ?? '',
        'preview-links': (first?.previewLinks ?? []).join('\n'),
        result: JSON.stringify(results.map(resultEntry))
    };
}
function resultEntry(r) {
    return {
        offerId: r.offerId,
        productId: r.productId ?? null,
        submissionId: r.submissionId ?? null,
        status: r.status,
        releaseNumber: r.releaseNumber ?? null,
        partnerCenterUrl: r.partnerCenterUrl ?? null,
        previewLinks: r.previewLinks
    };
}

// EXTERNAL MODULE: ./src/publish/units.ts
var units = __webpack_require__(3020);
;// CONCATENATED MODULE: ./src/report/summary-model.ts
const PHASES = ['token', 'lookup', 'write', 'upload', 'poll'];

;// CONCATENATED MODULE: ./src/report/summary-markdown.ts
/** The job summary: per offer, what changed, packages, the submission timeline and links; errors; request counts. */



function renderMarkdown(summary) {
    const heading = summary.dryRun
        ? `Marketplace publish plan (dry run, target ${summary.target})`
        : `Marketplace publish: ${summary.status}`;
    const parts = [`## ${cell(heading)}`];
    for (const offer of summary.offers)
        parts.push(offerSection(offer, summary.dryRun));
    const errors = [
        ...summary.runErrors.map(e => ({ offer: '', ...e })),
        ...summary.offers.flatMap(o => o.errors.map(e => ({ offer: o.offerId, ...e })))
    ];
    if (errors.length) {
        parts.push('### Errors', table(['Offer', 'Code', 'Severity', 'Message', 'Where'], errors.map(e => [
            e.offer,
            e.code,
            e.severity ?? 'Error',
            e.message,
            describePlace(e.source, summary.workspace)
        ])));
    }
    if (summary.counts) {
        const counts = summary.counts;
        parts.push('### Requests', table([...PHASES], [PHASES.map(p => String(counts[p]))]));
    }
    return parts.join('\n\n') + '\n';
}
function offerSection(offer, dryRun) {
    const lines = [`### ${cell(offer.offerId)}: ${offer.status}`];
    const facts = [];
    if (offer.productId)
        facts.push(['Product', `\`${offer.productId}\``]);
    if (offer.submissionId)
        facts.push(['Submission', `\`${offer.submissionId}\``]);
    if (offer.releaseNumber !== undefined)
        facts.push(['Release', String(offer.releaseNumber)]);
    if (offer.partnerCenterUrl)
        facts.push(['Partner Center', `[overview](${offer.partnerCenterUrl})`]);
    for (const link of offer.previewLinks)
        facts.push(['Preview', `[${cell(link)}](${link})`]);
    if (offer.stoppedAt)
        facts.push(['Stopped before', offer.stoppedAt]);
    if (facts.length)
        lines.push(table(['', ''], facts, false));
    const changesTitle = dryRun ? 'Plan (nothing was written)' : 'Changes';
    lines.push(`**${changesTitle}**`, offer.changes.length
        ? table(['Action', 'What', 'Fields'], offer.changes.map(c => [c.action, c.subject, (c.fields ?? []).join(', ')]))
        : dryRun
            ? 'Nothing to change.'
            : 'Nothing changed.');
    if (offer.packages.length) {
        lines.push('**Packages**', table(['Package', 'File', 'Version', 'Package ID'], offer.packages.map(p => [p.label, p.fileName, p.version, p.packageId ?? ''])));
    }
    if (offer.timeline.length) {
        lines.push('**Submission timeline**', table(['State', 'Since (UTC)', 'Duration'], offer.timeline.map(t => [
            t.state,
            new Date(t.at).toISOString(),
            t.durationMs === undefined ? '' : (0,units/* formatDuration */.a3)(t.durationMs)
        ])));
    }
    return lines.join('\n\n');
}
function table(header, rows, escapeFirst = true) {
    const esc = (value, i) => i === 1 && !escapeFirst ? value.replace(/\|/g, '\\|') : cell(value);
    return [
        `| ${header.map(h => cell(h)).join(' | ')} |`,
        `| ${header.map(() => '---').join(' | ')} |`,
        ...rows.map(r => `| ${r.map(esc).join(' | ')} |`)
    ].join('\n');
}
/** Table cells hold one line of text: HTML and pipes escaped, line breaks as spaces. */
function cell(value) {
    return value
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|')
        .replace(/\s*\n\s*/g, ' ');
}

;// CONCATENATED MODULE: ./src/report/summary-text.ts
/** The summary as plain text, for the CLI. */



function renderText(summary) {
    const lines = [
        summary.dryRun
            ? `Plan (dry run, target ${summary.target}): nothing was written.`
            : `Status: ${summary.status}`
    ];
    for (const offer of summary.offers)
        lines.push('', ...offerLines(offer));
    const errors = [...summary.runErrors, ...summary.offers.flatMap(o => o.errors)];
    if (errors.length) {
        lines.push('', 'Errors:');
        for (const e of errors) {
            const where = describePlace(e.source, summary.workspace);
            lines.push(`  ${where ? `${where}: ` : ''}${e.code}: ${e.message}`);
        }
    }
    if (summary.counts) {
        const counts = summary.counts;
        lines.push('', `Requests: ${PHASES.map(p => `${p} ${counts[p]}`).join(', ')}`);
    }
    return lines.join('\n') + '\n';
}
function offerLines(offer) {
    const lines = [`${offer.offerId}: ${offer.status}`];
    if (offer.productId)
        lines.push(`  product ${offer.productId}`);
    if (offer.submissionId)
        lines.push(`  submission ${offer.submissionId}${offer.releaseNumber === undefined ? '' : ` (release ${offer.releaseNumber})`}`);
    if (offer.partnerCenterUrl)
        lines.push(`  ${offer.partnerCenterUrl}`);
    for (const link of offer.previewLinks)
        lines.push(`  preview: ${link}`);
    if (offer.stoppedAt)
        lines.push(`  stopped before: ${offer.stoppedAt}`);
    for (const c of offer.changes)
        lines.push(`  ${c.action} ${c.subject}${c.fields?.length ? ` (${c.fields.join(', ')})` : ''}`);
    for (const p of offer.packages)
        lines.push(`  package ${p.label}: ${p.fileName} ${p.version}${p.packageId ? ` → ${p.packageId}` : ''}`);
    for (const t of offer.timeline)
        lines.push(`  ${t.state}${t.durationMs === undefined ? '' : ` for ${(0,units/* formatDuration */.a3)(t.durationMs)}`}`);
    return lines;
}

;// CONCATENATED MODULE: ./src/report/report.ts




async function report(sink, summary) {
    for (const e of summary.runErrors)
        annotate(sink, e, summary.workspace);
    for (const offer of summary.offers) {
        for (const e of offer.errors)
            annotate(sink, e, summary.workspace, offer.offerId);
        if (offer.stoppedAt) {
            sink.warning(`[${offer.offerId}] Stopped before ${offer.stoppedAt}. Re-running picks up from there: processed packages are reused, and an in-progress submission of the same release is adopted when it can be recognised (otherwise set on-conflict: wait).`);
        }
    }
    const outputs = outputValues(summary.offers);
    if (summary.runErrors.length)
        outputs.status = 'failed';
    for (const [name, value] of Object.entries(outputs))
        sink.setOutput(name, value);
    await sink.writeSummary(renderMarkdown({ ...summary, status: outputs.status }), renderText({ ...summary, status: outputs.status }));
    const failed = summary.runErrors.length + summary.offers.filter(o => o.status === 'failed').length;
    if (failed > 0) {
        const what = summary.offers.length
            ? `${summary.offers.filter(o => o.status === 'failed').length} of ${summary.offers.length} offers failed`
            : 'the run failed before publishing';
        sink.fail(`Marketplace publish failed: ${what}.`);
    }
}
function annotate(sink, e, workspace, offerId) {
    const title = offerId ? `${offerId}: ${e.code}` : e.code;
    const properties = { title, ...annotationPlace(e.source, workspace) };
    if (e.severity && /^warn/i.test(e.severity))
        sink.warning(e.message, properties);
    else
        sink.error(e.message, properties);
}


/***/ })

};
