export const id = 991;
export const ids = [991];
export const modules = {

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

/***/ 8991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createProgressReporter: () => (/* binding */ createProgressReporter)
/* harmony export */ });
/* harmony import */ var _publish_units_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3020);

function createProgressReporter(sink, clock, startedAt) {
    const stamp = () => (0,_publish_units_js__WEBPACK_IMPORTED_MODULE_0__/* .formatElapsed */ .C7)(clock.now() - startedAt);
    return {
        progress: (offerId, message) => sink.info(`[${offerId}] ${stamp()} ${message}`),
        warn: (offerId, message) => sink.warning(`[${offerId}] ${message}`, { title: `Offer ${offerId}` })
    };
}


/***/ })

};
