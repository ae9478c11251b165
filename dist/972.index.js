export const id = 972;
export const ids = [972];
export const modules = {

/***/ 5972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionSink: () => (/* binding */ actionSink)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/** The report sink of the GitHub Action: @actions/core. */

function actionSink() {
    return {
        info: line => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(line),
        debug: line => _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug(line),
        isDebug: () => _actions_core__WEBPACK_IMPORTED_MODULE_0__.isDebug(),
        warning: (message, properties) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(message, properties),
        error: (message, properties) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.error(message, properties),
        startGroup: name => _actions_core__WEBPACK_IMPORTED_MODULE_0__.startGroup(name),
        endGroup: () => _actions_core__WEBPACK_IMPORTED_MODULE_0__.endGroup(),
        setOutput: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, value),
        writeSummary: async (markdown) => {
            // The summary file exists only on a runner; without it there is nowhere to write.
            if (!process.env.GITHUB_STEP_SUMMARY)
                return;
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(markdown, true).write();
        },
        fail: message => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(message)
    };
}


/***/ })

};
