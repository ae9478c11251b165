export const id = 695;
export const ids = [695];
export const modules = {

/***/ 1695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   offerFilter: () => (/* binding */ offerFilter),
/* harmony export */   selectOffers: () => (/* binding */ selectOffers)
/* harmony export */ });
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3581);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * The `offers` input: which offers of the manifest this run publishes (exact IDs or globs such as
 * `contoso-*`), for example to shard offers across the jobs of a matrix.
 */


/** A predicate over offer IDs; no patterns means every offer. */
function offerFilter(patterns) {
    if (patterns.length === 0)
        return () => true;
    return offerId => patterns.some(pattern => matches(pattern, offerId));
}
/**
 * The manifest with only the offers the patterns select. A pattern that selects nothing is
 * almost always a typo (or a stale matrix entry), so it fails the run rather than publish less.
 */
function selectOffers(manifest, patterns) {
    const ids = manifest.offers.map(offer => offer.offerId);
    const unmatched = patterns.filter(pattern => !ids.some(id => matches(pattern, id)));
    if (unmatched.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PublishError */ .S('INPUT_INVALID', `Input "offers": ${unmatched.map(p => `"${p}"`).join(', ')} matches no offer of the manifest`, {
            hint: `The manifest has: ${ids.join(', ')}. Fix the offer ID or glob.`,
            source: { file: manifest.file }
        });
    }
    const wanted = offerFilter(patterns);
    return { ...manifest, offers: manifest.offers.filter(offer => wanted(offer.offerId)) };
}
function matches(pattern, offerId) {
    return pattern === offerId || (0,minimatch__WEBPACK_IMPORTED_MODULE_0__/* .minimatch */ .xF)(offerId, pattern, { nocomment: true, nonegate: true });
}


/***/ })

};
