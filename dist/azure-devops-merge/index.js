import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6037:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


// Copyright (c) Microsoft. All rights reserved.
// Licensed under the MIT license. See LICENSE file in the project root for full license information.
var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.errorExternalOutput = exports.warningExternalOutput = exports.debugExternalOutput = exports.writeExternalOutput = exports.createFilteredWriter = exports.filterExternalOutput = exports.createExternalOutputStream = exports.ExternalOutputStream = exports.MarkerFilter = exports.defaultAllowedVsoCommands = void 0;
var stream = __nccwpck_require__(2203);
var im = __nccwpck_require__(8202);
//
// External output filtering.
//
// Azure Pipelines treats a task's stdout both as log text and as a command channel:
// a line containing the marker "##vso[area.event ...]data" is parsed and executed by the
// agent. When a task echoes output that originates from an untrusted source (a remote
// server, a child process, a repository filename, compiler/test output, ...), that source
// can smuggle a "##vso[" marker and make the agent run a command on its behalf.
//
// This module neutralizes markers in such external output before it reaches the agent's
// command parser. By default every marker is blocked (rewritten "##vso[" -> "##_vso[").
// A task may opt a compatibility-sensitive path into a small, explicit allowlist of
// command names; unknown, malformed, or future commands stay blocked.
//
// The filter works on raw bytes (Buffer) so it never corrupts invalid UTF-8, binary
// output, or multibyte characters split across chunk boundaries. It matches the marker
// byte-for-byte, mirroring the agent's Ordinal comparison, so the two agree exactly on
// what a marker is.
//
/** The exact marker bytes the agent recognizes as the start of a command: "##vso[". */
var MARKER = Buffer.from('##vso[', 'ascii');
/** Neutralized form written in place of a blocked marker: "##_vso[". */
var NEUTRALIZED = Buffer.from('##_vso[', 'ascii');
var EMPTY = Buffer.alloc(0);
var SPACE = 0x20;
var RBRACKET = 0x5D; // ]
var CR = 0x0D;
var LF = 0x0A;
// Maximum command-name bytes retained while waiting for a terminator.
var MAX_HEADER = 256;
/** Commands allowed by default once VSO commands are enabled for a path. */
exports.defaultAllowedVsoCommands = Object.freeze(['task.debug', 'task.setprogress']);
function resolveAllowed(options) {
    if (!options.enableVsoCommands) {
        return new Set();
    }
    var list = options.allowedVsoCommands !== undefined
        ? options.allowedVsoCommands
        : exports.defaultAllowedVsoCommands;
    // Command-name comparison is case-insensitive to match the agent's command lookup.
    return new Set(list.map(function (c) { return c.toLowerCase(); }));
}
/**
 * Normalizes a raw command-name token to the agent's canonical "area.event" form, or null
 * when it is not a valid command name. Mirrors the agent's Split('.', RemoveEmptyEntries)
 * with a required length of exactly two non-empty segments.
 */
function canonicalCommandName(raw) {
    var parts = raw.split('.').filter(function (p) { return p.length > 0; });
    if (parts.length !== 2) {
        return null;
    }
    return (parts[0] + '.' + parts[1]).toLowerCase();
}
/** Returns the longest suffix of buf that is a proper marker prefix. */
function partialMarkerSuffixLength(buf) {
    var max = Math.min(MARKER.length - 1, buf.length);
    for (var k = max; k >= 1; k--) {
        if (buf.compare(MARKER, 0, k, buf.length - k, buf.length) === 0) {
            return k;
        }
    }
    return 0;
}
/**
 * Locates the end of a command-name header that starts at `start` (the byte after a marker).
 * The name ends at the first space or ']'. A CR or LF is also reported as a terminator with
 * newline=true so the caller can fail closed. Scans at most MAX_HEADER bytes; term is -1 when
 * no terminator is found within that bound (or before the buffer ends).
 */
function scanHeader(buf, start) {
    var limit = Math.min(buf.length, start + MAX_HEADER);
    for (var k = start; k < limit; k++) {
        var b = buf[k];
        if (b === SPACE || b === RBRACKET) {
            return { term: k, newline: false };
        }
        if (b === CR || b === LF) {
            return { term: k, newline: true };
        }
    }
    return { term: -1, newline: false };
}
/**
 * Stateful, byte-level marker filter. Feed bytes with push() and finish with flush().
 * Retains only the minimal bytes needed to resolve a marker that straddles a chunk
 * boundary, so memory stays bounded regardless of input size.
 */
var MarkerFilter = /** @class */ (function () {
    function MarkerFilter(enabled, allowed) {
        this.enabled = enabled;
        this.allowed = allowed;
        this.pending = EMPTY;
    }
    MarkerFilter.prototype.push = function (chunk) {
        var buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
        this.pending = EMPTY;
        var out = [];
        var pos = 0;
        while (pos < buf.length) {
            var idx = buf.indexOf(MARKER, pos);
            if (idx === -1) {
                // No complete marker remains. Retain a possible partial marker at the tail so
                // it can be completed by the next chunk; emit everything before it.
                var keep = Math.min(partialMarkerSuffixLength(buf), buf.length - pos);
                var emitEnd = buf.length - keep;
                if (emitEnd > pos) {
                    out.push(pos === 0 && emitEnd === buf.length ? buf : buf.subarray(pos, emitEnd));
                }
                this.pending = keep ? buf.subarray(buf.length - keep) : EMPTY;
                break;
            }
            if (idx > pos) {
                out.push(buf.subarray(pos, idx));
            }
            var afterMarker = idx + MARKER.length;
            if (!this.enabled) {
                out.push(NEUTRALIZED);
                pos = afterMarker;
                continue;
            }
            // Enabled: read the command name (up to the first space or ']') and allow the marker
            // only when that name is allowlisted.
            var _a = scanHeader(buf, afterMarker), term = _a.term, newline = _a.newline;
            if (term === -1) {
                if (buf.length - afterMarker >= MAX_HEADER) {
                    // No terminator within the bound: fail closed.
                    out.push(NEUTRALIZED);
                    pos = afterMarker;
                    continue;
                }
                // Header may complete in a later chunk; retain from the marker start.
                this.pending = buf.subarray(idx);
                break;
            }
            // A CR/LF before the terminator means the agent (which parses per line) would never
            // treat this as a command, so we fail closed and neutralize.
            if (newline) {
                out.push(NEUTRALIZED);
                pos = afterMarker;
                continue;
            }
            var name_1 = canonicalCommandName(buf.toString('utf8', afterMarker, term));
            // Allowlisted markers pass unchanged; the header/data after them flow through as
            // ordinary bytes and any later markers are evaluated independently.
            out.push(name_1 && this.allowed.has(name_1) ? MARKER : NEUTRALIZED);
            pos = afterMarker;
        }
        if (out.length === 0) {
            return EMPTY;
        }
        if (out.length === 1) {
            var only = out[0];
            // Never expose module-level buffers that callers could mutate globally.
            return only === NEUTRALIZED || only === MARKER ? Buffer.from(only) : only;
        }
        return Buffer.concat(out);
    };
    MarkerFilter.prototype.flush = function () {
        var p = this.pending;
        this.pending = EMPTY;
        if (p.length === 0) {
            return EMPTY;
        }
        // An incomplete command candidate that begins with the full marker is neutralized.
        if (this.enabled && p.length >= MARKER.length && p.subarray(0, MARKER.length).equals(MARKER)) {
            return Buffer.concat([NEUTRALIZED, p.subarray(MARKER.length)]);
        }
        // A partial marker (fewer than the full bytes) cannot be executed by the agent, so it
        // is safe to emit unchanged.
        return p;
    };
    return MarkerFilter;
}());
exports.MarkerFilter = MarkerFilter;
/**
 * A Transform stream that neutralizes VSO command markers in external output. Pipe untrusted
 * output into it; it writes filtered bytes to its readable side (and, via
 * createExternalOutputStream, on to the destination).
 */
var ExternalOutputStream = /** @class */ (function (_super) {
    __extends(ExternalOutputStream, _super);
    function ExternalOutputStream(options) {
        var _this = _super.call(this) || this;
        _this.markerFilter = new MarkerFilter(!!options.enableVsoCommands, resolveAllowed(options));
        return _this;
    }
    ExternalOutputStream.prototype._transform = function (chunk, _encoding, callback) {
        try {
            var buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), 'utf8');
            var out = this.markerFilter.push(buf);
            if (out.length) {
                this.push(out);
            }
            callback();
        }
        catch (err) {
            // Fail closed: never recover by emitting the original marker.
            callback(err);
        }
    };
    ExternalOutputStream.prototype._flush = function (callback) {
        try {
            var out = this.markerFilter.flush();
            if (out.length) {
                this.push(out);
            }
            callback();
        }
        catch (err) {
            callback(err);
        }
    };
    return ExternalOutputStream;
}(stream.Transform));
exports.ExternalOutputStream = ExternalOutputStream;
/**
 * Creates a filtering stream for external output and pipes it to the destination
 * (default process.stdout). Pipe untrusted output into the returned stream, e.g.
 * `jenkinsResponse.pipe(tl.createExternalOutputStream({ source: 'remote' }))`.
 */
function createExternalOutputStream(options) {
    var filterStream = new ExternalOutputStream(options);
    var destination = options.destination || process.stdout;
    // Do not end the shared destination (e.g. process.stdout) when the source ends.
    filterStream.pipe(destination, { end: false });
    return filterStream;
}
exports.createExternalOutputStream = createExternalOutputStream;
/** Filters one complete value for internal task-lib consumers. */
function filterExternalOutput(data, options) {
    var filter = new MarkerFilter(!!options.enableVsoCommands, resolveAllowed(options));
    var buf = Buffer.isBuffer(data) ? data : Buffer.from(String(data), 'utf8');
    var filtered = filter.push(buf);
    var pending = filter.flush();
    return pending.length ? Buffer.concat([filtered, pending]) : filtered;
}
exports.filterExternalOutput = filterExternalOutput;
/** Creates a stateful writer for internal consumers that receive output in chunks. */
function createFilteredWriter(options, destination) {
    var filter = new MarkerFilter(!!options.enableVsoCommands, resolveAllowed(options));
    var ended = false;
    return {
        write: function (data) {
            if (ended) {
                throw new Error('Cannot write after end');
            }
            var buf = Buffer.isBuffer(data) ? data : Buffer.from(String(data), 'utf8');
            var filtered = filter.push(buf);
            if (filtered.length) {
                destination.write(filtered);
            }
        },
        end: function () {
            if (ended) {
                return;
            }
            ended = true;
            var pending = filter.flush();
            if (pending.length) {
                destination.write(pending);
            }
        }
    };
}
exports.createFilteredWriter = createFilteredWriter;
/** Filters external output before writing it or submitting it through a task-lib logger. */
function logExternalOutput(message, options) {
    var filtered = filterExternalOutput(message, options);
    switch (options.type) {
        case 'raw':
            var destination = options.destination || process.stdout;
            destination.write(filtered);
            break;
        case 'debug':
            im._debug(filtered.toString('utf8'));
            break;
        case 'warning':
            im._warning(filtered.toString('utf8'), options.issueSource, options.auditAction);
            break;
        case 'error':
            im._error(filtered.toString('utf8'), options.issueSource, options.auditAction);
            break;
    }
}
/** Filters external output and writes it directly to the configured destination. */
function writeExternalOutput(message, options) {
    logExternalOutput(message, __assign(__assign({}, options), { type: 'raw' }));
}
exports.writeExternalOutput = writeExternalOutput;
/** Filters external output and submits it through the task-lib debug logger. */
function debugExternalOutput(message, options) {
    logExternalOutput(message, __assign(__assign({}, options), { type: 'debug' }));
}
exports.debugExternalOutput = debugExternalOutput;
/** Filters external output and submits it through the task-lib warning logger. */
function warningExternalOutput(message, options) {
    logExternalOutput(message, __assign(__assign({}, options), { type: 'warning' }));
}
exports.warningExternalOutput = warningExternalOutput;
/** Filters external output and submits it through the task-lib error logger. */
function errorExternalOutput(message, options) {
    logExternalOutput(message, __assign(__assign({}, options), { type: 'error' }));
}
exports.errorExternalOutput = errorExternalOutput;


/***/ }),

/***/ 8202:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


var _a, _b;
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isSigPipeError = exports._exposeCertSettings = exports._exposeProxySettings = exports._normalizeSeparators = exports._isRooted = exports._getDirectoryName = exports._ensureRooted = exports._isUncPath = exports._loadData = exports._ensurePatternRooted = exports._getFindInfoFromPattern = exports._cloneMatchOptions = exports._legacyFindFiles_convertPatternToRegExp = exports._which = exports._checkPath = exports._exist = exports._debug = exports._error = exports._warning = exports._command = exports._getVariableKey = exports._getVariable = exports._loc = exports._setResourcePath = exports._setErrStream = exports._setStdStream = exports._writeLine = exports._truncateBeforeSensitiveKeyword = exports._endsWith = exports._startsWith = exports.IssueAuditAction = exports.IssueSource = exports._vault = exports._knownVariableMap = void 0;
var fs = __nccwpck_require__(9896);
var path = __nccwpck_require__(6928);
var os = __nccwpck_require__(857);
var minimatch = __nccwpck_require__(3772);
var util = __nccwpck_require__(9023);
var tcm = __nccwpck_require__(8373);
var vm = __nccwpck_require__(4059);
var semver = __nccwpck_require__(9318);
var crypto = __nccwpck_require__(6982);
var libResource = __nccwpck_require__(7137);
/**
 * Hash table of known variable info. The formatted env var name is the lookup key.
 *
 * The purpose of this hash table is to keep track of known variables. The hash table
 * needs to be maintained for multiple reasons:
 *  1) to distinguish between env vars and job vars
 *  2) to distinguish between secret vars and public
 *  3) to know the real variable name and not just the formatted env var name.
 */
exports._knownVariableMap = {};
var _commandCorrelationId;
//-----------------------------------------------------
// Enums
//-----------------------------------------------------
var IssueSource;
(function (IssueSource) {
    IssueSource["CustomerScript"] = "CustomerScript";
    IssueSource["TaskInternal"] = "TaskInternal";
})(IssueSource = exports.IssueSource || (exports.IssueSource = {}));
var IssueAuditAction;
(function (IssueAuditAction) {
    IssueAuditAction[IssueAuditAction["Unknown"] = 0] = "Unknown";
    IssueAuditAction[IssueAuditAction["ShellTasksValidation"] = 1] = "ShellTasksValidation";
})(IssueAuditAction = exports.IssueAuditAction || (exports.IssueAuditAction = {}));
//-----------------------------------------------------
// Validation Checks
//-----------------------------------------------------
// async await needs generators in node 4.x+
if (semver.lt(process.versions.node, '4.2.0')) {
    _warning('Tasks require a new agent.  Upgrade your agent or node to 4.2.0 or later', IssueSource.TaskInternal);
}
//-----------------------------------------------------
// String convenience
//-----------------------------------------------------
function _startsWith(str, start) {
    return str.slice(0, start.length) == start;
}
exports._startsWith = _startsWith;
function _endsWith(str, end) {
    return str.slice(-end.length) == end;
}
exports._endsWith = _endsWith;
function _truncateBeforeSensitiveKeyword(str, sensitiveKeywordsPattern) {
    if (!str) {
        return str;
    }
    var index = str.search(sensitiveKeywordsPattern);
    if (index <= 0) {
        return str;
    }
    return "".concat(str.substring(0, index), "...");
}
exports._truncateBeforeSensitiveKeyword = _truncateBeforeSensitiveKeyword;
//-----------------------------------------------------
// General Helpers
//-----------------------------------------------------
var _outStream = process.stdout;
var _errStream = process.stderr;
function _writeLine(str) {
    _outStream.write(str + os.EOL);
}
exports._writeLine = _writeLine;
function _setStdStream(stdStream) {
    _outStream = stdStream;
}
exports._setStdStream = _setStdStream;
function _setErrStream(errStream) {
    _errStream = errStream;
}
exports._setErrStream = _setErrStream;
//-----------------------------------------------------
// Loc Helpers
//-----------------------------------------------------
var _locStringCache = {};
var _resourceFiles = {};
var _libResourceFileLoaded = false;
var _resourceCulture = 'en-US';
function _getLocStrings(resourceJson, locResourceJson) {
    var locStrings = {};
    if (resourceJson && resourceJson.hasOwnProperty('messages')) {
        for (var key in resourceJson.messages) {
            if (locResourceJson && locResourceJson.hasOwnProperty('loc.messages.' + key)) {
                locStrings[key] = locResourceJson['loc.messages.' + key];
            }
            else {
                locStrings[key] = resourceJson.messages[key];
            }
        }
    }
    return locStrings;
}
function _loadResJson(resjsonFile) {
    var resJson;
    if (_exist(resjsonFile)) {
        var resjsonContent = fs.readFileSync(resjsonFile, 'utf8').toString();
        // remove BOM
        if (resjsonContent.indexOf('\uFEFF') == 0) {
            resjsonContent = resjsonContent.slice(1);
        }
        try {
            resJson = JSON.parse(resjsonContent);
        }
        catch (err) {
            _debug('unable to parse resjson with err: ' + err.message);
        }
    }
    else {
        _debug('.resjson file not found: ' + resjsonFile);
    }
    return resJson;
}
function _loadLocStrings(resourceFile, culture) {
    var locStrings = {};
    if (_exist(resourceFile)) {
        var resourceJson = __WEBPACK_EXTERNAL_createRequire(import.meta.url)(resourceFile);
        if (resourceJson && resourceJson.hasOwnProperty('messages')) {
            var locResourceJson;
            // load up resource resjson for different culture
            var localizedResourceFile = path.join(path.dirname(resourceFile), 'Strings', 'resources.resjson');
            var upperCulture = culture.toUpperCase();
            var cultures = [];
            try {
                cultures = fs.readdirSync(localizedResourceFile);
            }
            catch (ex) { }
            for (var i = 0; i < cultures.length; i++) {
                if (cultures[i].toUpperCase() == upperCulture) {
                    localizedResourceFile = path.join(localizedResourceFile, cultures[i], 'resources.resjson');
                    if (_exist(localizedResourceFile)) {
                        locResourceJson = _loadResJson(localizedResourceFile);
                    }
                    break;
                }
            }
            locStrings = _getLocStrings(resourceJson, locResourceJson);
        }
    }
    else {
        _warning('LIB_ResourceFile does not exist', IssueSource.TaskInternal);
    }
    return locStrings;
}
function _loadEmbeddedLocStrings(resourceData, culture) {
    var localizedResource;
    var upperCulture = culture.toUpperCase();
    var localizedResources = resourceData.localizedMessages || {};
    for (var localizedCulture in localizedResources) {
        if (localizedCulture.toUpperCase() == upperCulture) {
            localizedResource = localizedResources[localizedCulture];
            break;
        }
    }
    return _getLocStrings(resourceData, localizedResource);
}
/**
 * Sets the location of the resources json.  This is typically the task.json file.
 * Call once at the beginning of the script before any calls to loc.
 * @param     path      Full path to the json.
 * @param     ignoreWarnings  Won't throw warnings if path already set.
 * @returns   void
 */
function _setResourcePath(path, ignoreWarnings) {
    if (ignoreWarnings === void 0) { ignoreWarnings = false; }
    if (process.env['TASKLIB_INPROC_UNITS']) {
        _resourceFiles = {};
        _libResourceFileLoaded = false;
        _locStringCache = {};
        _resourceCulture = 'en-US';
    }
    if (!_resourceFiles[path]) {
        _checkPath(path, 'resource file path');
        _resourceFiles[path] = path;
        _debug('adding resource file: ' + path);
        _resourceCulture = _getVariable('system.culture') || _resourceCulture;
        var locStrs = _loadLocStrings(path, _resourceCulture);
        for (var key in locStrs) {
            //cache loc string
            _locStringCache[key] = locStrs[key];
        }
    }
    else {
        if (ignoreWarnings) {
        }
        else {
            _warning(_loc('LIB_ResourceFileAlreadySet', path), IssueSource.TaskInternal);
        }
    }
}
exports._setResourcePath = _setResourcePath;
/**
 * Gets the localized string from the json resource file.  Optionally formats with additional params.
 *
 * @param     key      key of the resources string in the resource file
 * @param     param    additional params for formatting the string
 * @returns   string
 */
function _loc(key) {
    var param = [];
    for (var _i = 1; _i < arguments.length; _i++) {
        param[_i - 1] = arguments[_i];
    }
    if (!_libResourceFileLoaded) {
        // merge loc strings from azure-pipelines-task-lib.
        var libLocStrs = _loadEmbeddedLocStrings(libResource, _resourceCulture);
        for (var libKey in libLocStrs) {
            //cache azure-pipelines-task-lib loc string
            _locStringCache[libKey] = libLocStrs[libKey];
        }
        _libResourceFileLoaded = true;
    }
    var locString;
    ;
    if (_locStringCache.hasOwnProperty(key)) {
        locString = _locStringCache[key];
    }
    else {
        if (Object.keys(_resourceFiles).length <= 0) {
            _warning("Resource file haven't been set, can't find loc string for key: ".concat(key), IssueSource.TaskInternal);
        }
        else {
            _warning("Can't find loc string for key: ".concat(key));
        }
        locString = key;
    }
    if (param.length > 0) {
        return util.format.apply(this, [locString].concat(param));
    }
    else {
        return locString;
    }
}
exports._loc = _loc;
//-----------------------------------------------------
// Input Helpers
//-----------------------------------------------------
/**
 * Gets a variable value that is defined on the build/release definition or set at runtime.
 *
 * @param     name     name of the variable to get
 * @returns   string
 */
function _getVariable(name) {
    var varval;
    // get the metadata
    var info;
    var key = _getVariableKey(name);
    if (exports._knownVariableMap.hasOwnProperty(key)) {
        info = exports._knownVariableMap[key];
    }
    if (info && info.secret) {
        // get the secret value
        varval = exports._vault.retrieveSecret('SECRET_' + key);
    }
    else {
        // get the public value
        varval = process.env[key];
        // fallback for pre 2.104.1 agent
        if (!varval && name.toUpperCase() == 'AGENT.JOBSTATUS') {
            varval = process.env['agent.jobstatus'];
        }
    }
    _debug(name + '=' + varval);
    return varval;
}
exports._getVariable = _getVariable;
function _getVariableKey(name) {
    if (!name) {
        throw new Error(_loc('LIB_ParameterIsRequired', 'name'));
    }
    return name.replace(/\./g, '_').replace(/ /g, '_').toUpperCase();
}
exports._getVariableKey = _getVariableKey;
//-----------------------------------------------------
// Cmd Helpers
//-----------------------------------------------------
function _command(command, properties, message) {
    var taskCmd = new tcm.TaskCommand(command, properties, message);
    _writeLine(taskCmd.toString());
}
exports._command = _command;
function _warning(message, source, auditAction) {
    if (source === void 0) { source = IssueSource.TaskInternal; }
    _command('task.issue', {
        'type': 'warning',
        'source': source,
        'correlationId': _commandCorrelationId,
        'auditAction': auditAction
    }, message);
}
exports._warning = _warning;
function _error(message, source, auditAction) {
    if (source === void 0) { source = IssueSource.TaskInternal; }
    _command('task.issue', {
        'type': 'error',
        'source': source,
        'correlationId': _commandCorrelationId,
        'auditAction': auditAction
    }, message);
}
exports._error = _error;
var debugMode = ((_a = _getVariable('system.debug')) === null || _a === void 0 ? void 0 : _a.toLowerCase()) === 'true';
var shouldCheckDebugMode = ((_b = _getVariable('DistributedTask.Tasks.Node.SkipDebugLogsWhenDebugModeOff')) === null || _b === void 0 ? void 0 : _b.toLowerCase()) === 'true';
function _debug(message) {
    if (!shouldCheckDebugMode
        || (shouldCheckDebugMode && debugMode)) {
        _command('task.debug', null, message);
    }
}
exports._debug = _debug;
// //-----------------------------------------------------
// // Disk Functions
// //-----------------------------------------------------
/**
 * Returns whether a path exists.
 *
 * @param     path      path to check
 * @returns   boolean
 */
function _exist(path) {
    var exist = false;
    try {
        exist = !!(path && fs.statSync(path) != null);
    }
    catch (err) {
        if (err && err.code === 'ENOENT') {
            exist = false;
        }
        else {
            throw err;
        }
    }
    return exist;
}
exports._exist = _exist;
/**
 * Checks whether a path exists.
 * If the path does not exist, it will throw.
 *
 * @param     p         path to check
 * @param     name      name only used in error message to identify the path
 * @returns   void
 */
function _checkPath(p, name) {
    _debug('check path : ' + p);
    if (!_exist(p)) {
        throw new Error(_loc('LIB_PathNotFound', name, p));
    }
}
exports._checkPath = _checkPath;
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool       name of the tool
 * @param     check      whether to check if tool exists
 * @returns   string
 */
function _which(tool, check) {
    if (!tool) {
        throw new Error('parameter \'tool\' is required');
    }
    // recursive when check=true
    if (check) {
        var result = _which(tool, false);
        if (result) {
            return result;
        }
        else {
            if (process.platform == 'win32') {
                throw new Error(_loc('LIB_WhichNotFound_Win', tool));
            }
            else {
                throw new Error(_loc('LIB_WhichNotFound_Linux', tool));
            }
        }
    }
    _debug("which '".concat(tool, "'"));
    try {
        // build the list of extensions to try
        var extensions = [];
        if (process.platform == 'win32' && process.env['PATHEXT']) {
            for (var _i = 0, _a = process.env['PATHEXT'].split(path.delimiter); _i < _a.length; _i++) {
                var extension = _a[_i];
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (_isRooted(tool)) {
            var filePath = _tryGetExecutablePath(tool, extensions);
            if (filePath) {
                _debug("found: '".concat(filePath, "'"));
                return filePath;
            }
            _debug('not found');
            return '';
        }
        // if any path separators, return empty
        if (tool.indexOf('/') >= 0 || (process.platform == 'win32' && tool.indexOf('\\') >= 0)) {
            _debug('not found');
            return '';
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a task lib perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the task lib should strive for consistency
        // across platforms.
        var directories = [];
        if (process.env['PATH']) {
            for (var _b = 0, _c = process.env['PATH'].split(path.delimiter); _b < _c.length; _b++) {
                var p = _c[_b];
                if (p) {
                    directories.push(p);
                }
            }
        }
        // return the first match
        for (var _d = 0, directories_1 = directories; _d < directories_1.length; _d++) {
            var directory = directories_1[_d];
            var filePath = _tryGetExecutablePath(directory + path.sep + tool, extensions);
            if (filePath) {
                _debug("found: '".concat(filePath, "'"));
                return filePath;
            }
        }
        _debug('not found');
        return '';
    }
    catch (err) {
        throw new Error(_loc('LIB_OperationFailed', 'which', err.message));
    }
}
exports._which = _which;
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function _tryGetExecutablePath(filePath, extensions) {
    try {
        // test file exists
        var stats = fs.statSync(filePath);
        if (stats.isFile()) {
            if (process.platform == 'win32') {
                // on Windows, test for valid extension
                var isExecutable = false;
                var fileName = path.basename(filePath);
                var dotIndex = fileName.lastIndexOf('.');
                if (dotIndex >= 0) {
                    var upperExt_1 = fileName.substr(dotIndex).toUpperCase();
                    if (extensions.some(function (validExt) { return validExt.toUpperCase() == upperExt_1; })) {
                        return filePath;
                    }
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
    }
    catch (err) {
        if (err.code != 'ENOENT') {
            _debug("Unexpected error attempting to determine if executable file exists '".concat(filePath, "': ").concat(err));
        }
    }
    // try each extension
    var originalFilePath = filePath;
    for (var _i = 0, extensions_1 = extensions; _i < extensions_1.length; _i++) {
        var extension = extensions_1[_i];
        var found = false;
        var filePath_1 = originalFilePath + extension;
        try {
            var stats = fs.statSync(filePath_1);
            if (stats.isFile()) {
                if (process.platform == 'win32') {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        var directory = path.dirname(filePath_1);
                        var upperName = path.basename(filePath_1).toUpperCase();
                        for (var _a = 0, _b = fs.readdirSync(directory); _a < _b.length; _a++) {
                            var actualName = _b[_a];
                            if (upperName == actualName.toUpperCase()) {
                                filePath_1 = path.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        _debug("Unexpected error attempting to determine the actual case of the file '".concat(filePath_1, "': ").concat(err));
                    }
                    return filePath_1;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath_1;
                    }
                }
            }
        }
        catch (err) {
            if (err.code != 'ENOENT') {
                _debug("Unexpected error attempting to determine if executable file exists '".concat(filePath_1, "': ").concat(err));
            }
        }
    }
    return '';
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return (stats.mode & 1) > 0 || ((stats.mode & 8) > 0 && stats.gid === process.getgid()) || ((stats.mode & 64) > 0 && stats.uid === process.getuid());
}
function _legacyFindFiles_convertPatternToRegExp(pattern) {
    pattern = (process.platform == 'win32' ? pattern.replace(/\\/g, '/') : pattern) // normalize separator on Windows
        .replace(/[-\/\\^$*+?.()|[\]{}]/g, '\\$&') // regex escape - from http://stackoverflow.com/questions/3561493/is-there-a-regexp-escape-function-in-javascript
        .replace(/\\\/\\\*\\\*\\\//g, '((\/.+/)|(\/))') // replace directory globstar, e.g. /hello/**/world
        .replace(/\\\*\\\*/g, '.*') // replace remaining globstars with a wildcard that can span directory separators, e.g. /hello/**dll
        .replace(/\\\*/g, '[^\/]*') // replace asterisks with a wildcard that cannot span directory separators, e.g. /hello/*.dll
        .replace(/\\\?/g, '[^\/]'); // replace single character wildcards, e.g. /hello/log?.dll
    pattern = "^".concat(pattern, "$");
    var flags = process.platform == 'win32' ? 'i' : '';
    return new RegExp(pattern, flags);
}
exports._legacyFindFiles_convertPatternToRegExp = _legacyFindFiles_convertPatternToRegExp;
function _cloneMatchOptions(matchOptions) {
    return {
        debug: matchOptions.debug,
        nobrace: matchOptions.nobrace,
        noglobstar: matchOptions.noglobstar,
        dot: matchOptions.dot,
        noext: matchOptions.noext,
        nocase: matchOptions.nocase,
        nonull: matchOptions.nonull,
        matchBase: matchOptions.matchBase,
        nocomment: matchOptions.nocomment,
        nonegate: matchOptions.nonegate,
        flipNegate: matchOptions.flipNegate
    };
}
exports._cloneMatchOptions = _cloneMatchOptions;
function _getFindInfoFromPattern(defaultRoot, pattern, matchOptions) {
    // parameter validation
    if (!defaultRoot) {
        throw new Error('getFindRootFromPattern() parameter defaultRoot cannot be empty');
    }
    if (!pattern) {
        throw new Error('getFindRootFromPattern() parameter pattern cannot be empty');
    }
    if (!matchOptions.nobrace) {
        throw new Error('getFindRootFromPattern() expected matchOptions.nobrace to be true');
    }
    // for the sake of determining the findPath, pretend nocase=false
    matchOptions = _cloneMatchOptions(matchOptions);
    matchOptions.nocase = false;
    // check if basename only and matchBase=true
    if (matchOptions.matchBase &&
        !_isRooted(pattern) &&
        (process.platform == 'win32' ? pattern.replace(/\\/g, '/') : pattern).indexOf('/') < 0) {
        return {
            adjustedPattern: pattern,
            findPath: defaultRoot,
            statOnly: false,
        };
    }
    // the technique applied by this function is to use the information on the Minimatch object determine
    // the findPath. Minimatch breaks the pattern into path segments, and exposes information about which
    // segments are literal vs patterns.
    //
    // note, the technique currently imposes a limitation for drive-relative paths with a glob in the
    // first segment, e.g. C:hello*/world. it's feasible to overcome this limitation, but is left unsolved
    // for now.
    var minimatchObj = new minimatch.Minimatch(pattern, matchOptions);
    // the "set" property is an array of arrays of parsed path segment info. the outer array should only
    // contain one item, otherwise something went wrong. brace expansion can result in multiple arrays,
    // but that should be turned off by the time this function is reached.
    if (minimatchObj.set.length != 1) {
        throw new Error('getFindRootFromPattern() expected Minimatch(...).set.length to be 1. Actual: ' + minimatchObj.set.length);
    }
    var literalSegments = [];
    for (var _i = 0, _a = minimatchObj.set[0]; _i < _a.length; _i++) {
        var parsedSegment = _a[_i];
        if (typeof parsedSegment == 'string') {
            // the item is a string when the original input for the path segment does not contain any
            // unescaped glob characters.
            //
            // note, the string here is already unescaped (i.e. glob escaping removed), so it is ready
            // to pass to find() as-is. for example, an input string 'hello\\*world' => 'hello*world'.
            literalSegments.push(parsedSegment);
            continue;
        }
        break;
    }
    // join the literal segments back together. Minimatch converts '\' to '/' on Windows, then squashes
    // consequetive slashes, and finally splits on slash. this means that UNC format is lost, but can
    // be detected from the original pattern.
    var joinedSegments = literalSegments.join('/');
    if (joinedSegments && process.platform == 'win32' && _startsWith(pattern.replace(/\\/g, '/'), '//')) {
        joinedSegments = '/' + joinedSegments; // restore UNC format
    }
    // determine the find path
    var findPath;
    if (_isRooted(pattern)) { // the pattern was rooted
        findPath = joinedSegments;
    }
    else if (joinedSegments) { // the pattern was not rooted, and literal segments were found
        findPath = _ensureRooted(defaultRoot, joinedSegments);
    }
    else { // the pattern was not rooted, and no literal segments were found
        findPath = defaultRoot;
    }
    // clean up the path
    if (findPath) {
        findPath = _getDirectoryName(_ensureRooted(findPath, '_')); // hack to remove unnecessary trailing slash
        findPath = _normalizeSeparators(findPath); // normalize slashes
    }
    return {
        adjustedPattern: _ensurePatternRooted(defaultRoot, pattern),
        findPath: findPath,
        statOnly: literalSegments.length == minimatchObj.set[0].length,
    };
}
exports._getFindInfoFromPattern = _getFindInfoFromPattern;
function _ensurePatternRooted(root, p) {
    if (!root) {
        throw new Error('ensurePatternRooted() parameter "root" cannot be empty');
    }
    if (!p) {
        throw new Error('ensurePatternRooted() parameter "p" cannot be empty');
    }
    if (_isRooted(p)) {
        return p;
    }
    // normalize root
    root = _normalizeSeparators(root);
    // escape special glob characters
    root = (process.platform == 'win32' ? root : root.replace(/\\/g, '\\\\')) // escape '\' on OSX/Linux
        .replace(/(\[)(?=[^\/]+\])/g, '[[]') // escape '[' when ']' follows within the path segment
        .replace(/\?/g, '[?]') // escape '?'
        .replace(/\*/g, '[*]') // escape '*'
        .replace(/\+\(/g, '[+](') // escape '+('
        .replace(/@\(/g, '[@](') // escape '@('
        .replace(/!\(/g, '[!]('); // escape '!('
    return _ensureRooted(root, p);
}
exports._ensurePatternRooted = _ensurePatternRooted;
//-------------------------------------------------------------------
// Populate the vault with sensitive data.  Inputs and Endpoints
//-------------------------------------------------------------------
function _loadData() {
    // in agent, prefer TempDirectory then workFolder.
    // In interactive dev mode, it won't be
    var keyPath = _getVariable("agent.TempDirectory") || _getVariable("agent.workFolder") || process.cwd();
    exports._vault = new vm.Vault(keyPath);
    exports._knownVariableMap = {};
    _debug('loading inputs and endpoints');
    var loaded = 0;
    for (var envvar in process.env) {
        if (_startsWith(envvar, 'INPUT_') ||
            _startsWith(envvar, 'ENDPOINT_AUTH_') ||
            _startsWith(envvar, 'SECUREFILE_TICKET_') ||
            _startsWith(envvar, 'SECRET_') ||
            _startsWith(envvar, 'VSTS_TASKVARIABLE_')) {
            // Record the secret variable metadata. This is required by getVariable to know whether
            // to retrieve the value from the vault. In a 2.104.1 agent or higher, this metadata will
            // be overwritten when the VSTS_SECRET_VARIABLES env var is processed below.
            if (_startsWith(envvar, 'SECRET_')) {
                var variableName = envvar.substring('SECRET_'.length);
                if (variableName) {
                    // This is technically not the variable name (has underscores instead of dots),
                    // but it's good enough to make getVariable work in a pre-2.104.1 agent where
                    // the VSTS_SECRET_VARIABLES env var is not defined.
                    exports._knownVariableMap[_getVariableKey(variableName)] = { name: variableName, secret: true };
                }
            }
            // store the secret
            var value = process.env[envvar];
            if (value) {
                ++loaded;
                _debug('loading ' + envvar);
                exports._vault.storeSecret(envvar, value);
                delete process.env[envvar];
            }
        }
    }
    _debug('loaded ' + loaded);
    var correlationId = process.env["COMMAND_CORRELATION_ID"];
    delete process.env["COMMAND_CORRELATION_ID"];
    _commandCorrelationId = correlationId ? String(correlationId) : "";
    // store public variable metadata
    var names;
    try {
        names = JSON.parse(process.env['VSTS_PUBLIC_VARIABLES'] || '[]');
    }
    catch (err) {
        throw new Error('Failed to parse VSTS_PUBLIC_VARIABLES as JSON. ' + err); // may occur during interactive testing
    }
    names.forEach(function (name) {
        exports._knownVariableMap[_getVariableKey(name)] = { name: name, secret: false };
    });
    delete process.env['VSTS_PUBLIC_VARIABLES'];
    // store secret variable metadata
    try {
        names = JSON.parse(process.env['VSTS_SECRET_VARIABLES'] || '[]');
    }
    catch (err) {
        throw new Error('Failed to parse VSTS_SECRET_VARIABLES as JSON. ' + err); // may occur during interactive testing
    }
    names.forEach(function (name) {
        exports._knownVariableMap[_getVariableKey(name)] = { name: name, secret: true };
    });
    delete process.env['VSTS_SECRET_VARIABLES'];
    // avoid loading twice (overwrites .taskkey)
    global['_vsts_task_lib_loaded'] = true;
}
exports._loadData = _loadData;
//--------------------------------------------------------------------------------
// Internal path helpers.
//--------------------------------------------------------------------------------
/**
 * Defines if path is unc-path.
 *
 * @param path  a path to a file.
 * @returns     true if path starts with double backslash, otherwise returns false.
 */
function _isUncPath(path) {
    return /^\\\\[^\\]/.test(path);
}
exports._isUncPath = _isUncPath;
function _ensureRooted(root, p) {
    if (!root) {
        throw new Error('ensureRooted() parameter "root" cannot be empty');
    }
    if (!p) {
        throw new Error('ensureRooted() parameter "p" cannot be empty');
    }
    if (_isRooted(p)) {
        return p;
    }
    if (process.platform == 'win32' && root.match(/^[A-Z]:$/i)) { // e.g. C:
        return root + p;
    }
    // ensure root ends with a separator
    if (_endsWith(root, '/') || (process.platform == 'win32' && _endsWith(root, '\\'))) {
        // root already ends with a separator
    }
    else {
        root += path.sep; // append separator
    }
    return root + p;
}
exports._ensureRooted = _ensureRooted;
/**
 * Determines the parent path and trims trailing slashes (when safe). Path separators are normalized
 * in the result. This function works similar to the .NET System.IO.Path.GetDirectoryName() method.
 * For example, C:\hello\world\ returns C:\hello\world (trailing slash removed). Returns empty when
 * no higher directory can be determined.
 */
function _getDirectoryName(p) {
    // short-circuit if empty
    if (!p) {
        return '';
    }
    // normalize separators
    p = _normalizeSeparators(p);
    // on Windows, the goal of this function is to match the behavior of
    // [System.IO.Path]::GetDirectoryName(), e.g.
    //      C:/             =>
    //      C:/hello        => C:\
    //      C:/hello/       => C:\hello
    //      C:/hello/world  => C:\hello
    //      C:/hello/world/ => C:\hello\world
    //      C:              =>
    //      C:hello         => C:
    //      C:hello/        => C:hello
    //      /               =>
    //      /hello          => \
    //      /hello/         => \hello
    //      //hello         =>
    //      //hello/        =>
    //      //hello/world   =>
    //      //hello/world/  => \\hello\world
    //
    // unfortunately, path.dirname() can't simply be used. for example, on Windows
    // it yields different results from Path.GetDirectoryName:
    //      C:/             => C:/
    //      C:/hello        => C:/
    //      C:/hello/       => C:/
    //      C:/hello/world  => C:/hello
    //      C:/hello/world/ => C:/hello
    //      C:              => C:
    //      C:hello         => C:
    //      C:hello/        => C:
    //      /               => /
    //      /hello          => /
    //      /hello/         => /
    //      //hello         => /
    //      //hello/        => /
    //      //hello/world   => //hello/world
    //      //hello/world/  => //hello/world/
    //      //hello/world/again => //hello/world/
    //      //hello/world/again/ => //hello/world/
    //      //hello/world/again/again => //hello/world/again
    //      //hello/world/again/again/ => //hello/world/again
    if (process.platform == 'win32') {
        if (/^[A-Z]:\\?[^\\]+$/i.test(p)) { // e.g. C:\hello or C:hello
            return p.charAt(2) == '\\' ? p.substring(0, 3) : p.substring(0, 2);
        }
        else if (/^[A-Z]:\\?$/i.test(p)) { // e.g. C:\ or C:
            return '';
        }
        var lastSlashIndex = p.lastIndexOf('\\');
        if (lastSlashIndex < 0) { // file name only
            return '';
        }
        else if (p == '\\') { // relative root
            return '';
        }
        else if (lastSlashIndex == 0) { // e.g. \\hello
            return '\\';
        }
        else if (/^\\\\[^\\]+(\\[^\\]*)?$/.test(p)) { // UNC root, e.g. \\hello or \\hello\ or \\hello\world
            return '';
        }
        return p.substring(0, lastSlashIndex); // e.g. hello\world => hello or hello\world\ => hello\world
        // note, this means trailing slashes for non-root directories
        // (i.e. not C:\, \, or \\unc\) will simply be removed.
    }
    // OSX/Linux
    if (p.indexOf('/') < 0) { // file name only
        return '';
    }
    else if (p == '/') {
        return '';
    }
    else if (_endsWith(p, '/')) {
        return p.substring(0, p.length - 1);
    }
    return path.dirname(p);
}
exports._getDirectoryName = _getDirectoryName;
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function _isRooted(p) {
    p = _normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (process.platform == 'win32') {
        return _startsWith(p, '\\') || // e.g. \ or \hello or \\hello
            /^[A-Z]:/i.test(p); // e.g. C: or C:\hello
    }
    return _startsWith(p, '/'); // e.g. /hello
}
exports._isRooted = _isRooted;
function _normalizeSeparators(p) {
    p = p || '';
    if (process.platform == 'win32') {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        var isUnc = /^\\\\+[^\\]/.test(p); // e.g. \\hello
        return (isUnc ? '\\' : '') + p.replace(/\\\\+/g, '\\'); // preserve leading // for UNC
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
exports._normalizeSeparators = _normalizeSeparators;
//-----------------------------------------------------
// Expose proxy information to vsts-node-api
//-----------------------------------------------------
function _exposeProxySettings() {
    var proxyUrl = _getVariable('Agent.ProxyUrl');
    if (proxyUrl && proxyUrl.length > 0) {
        var proxyUsername = _getVariable('Agent.ProxyUsername');
        var proxyPassword = _getVariable('Agent.ProxyPassword');
        var proxyBypassHostsJson = _getVariable('Agent.ProxyBypassList');
        global['_vsts_task_lib_proxy_url'] = proxyUrl;
        global['_vsts_task_lib_proxy_username'] = proxyUsername;
        global['_vsts_task_lib_proxy_bypass'] = proxyBypassHostsJson;
        global['_vsts_task_lib_proxy_password'] = _exposeTaskLibSecret('proxy', proxyPassword || '');
        _debug('expose agent proxy configuration.');
        global['_vsts_task_lib_proxy'] = true;
    }
}
exports._exposeProxySettings = _exposeProxySettings;
//-----------------------------------------------------
// Expose certificate information to vsts-node-api
//-----------------------------------------------------
function _exposeCertSettings() {
    var ca = _getVariable('Agent.CAInfo');
    if (ca) {
        global['_vsts_task_lib_cert_ca'] = ca;
    }
    var clientCert = _getVariable('Agent.ClientCert');
    if (clientCert) {
        var clientCertKey = _getVariable('Agent.ClientCertKey');
        var clientCertArchive = _getVariable('Agent.ClientCertArchive');
        var clientCertPassword = _getVariable('Agent.ClientCertPassword');
        global['_vsts_task_lib_cert_clientcert'] = clientCert;
        global['_vsts_task_lib_cert_key'] = clientCertKey;
        global['_vsts_task_lib_cert_archive'] = clientCertArchive;
        global['_vsts_task_lib_cert_passphrase'] = _exposeTaskLibSecret('cert', clientCertPassword || '');
    }
    if (ca || clientCert) {
        _debug('expose agent certificate configuration.');
        global['_vsts_task_lib_cert'] = true;
    }
    var skipCertValidation = _getVariable('Agent.SkipCertValidation') || 'false';
    if (skipCertValidation) {
        global['_vsts_task_lib_skip_cert_validation'] = skipCertValidation.toUpperCase() === 'TRUE';
    }
}
exports._exposeCertSettings = _exposeCertSettings;
// We store the encryption key on disk and hold the encrypted content and key file in memory
// return base64encoded<keyFilePath>:base64encoded<encryptedContent>
// downstream vsts-node-api will retrieve the secret later
function _exposeTaskLibSecret(keyFile, secret) {
    if (secret) {
        var encryptKey = crypto.randomBytes(32);
        var iv = crypto.randomBytes(16);
        var cipher = crypto.createCipheriv("aes-256-ctr", encryptKey, iv);
        var encryptedContent = cipher.update(secret, "utf8", "hex"); // CodeQL [SM01511] agent need to retrieve password later to connect to proxy server
        encryptedContent += cipher.final("hex");
        var storageFile = path.join(_getVariable('Agent.TempDirectory') || _getVariable("agent.workFolder") || process.cwd(), keyFile);
        var keyAndIv = encryptKey.toString('base64') + ':' + iv.toString('base64');
        fs.writeFileSync(storageFile, keyAndIv, { encoding: 'utf8' });
        return Buffer.from(storageFile).toString('base64') + ':' + Buffer.from(encryptedContent).toString('base64');
    }
}
function isSigPipeError(e) {
    var _a;
    if (!e || typeof e !== 'object') {
        return false;
    }
    return e.code === 'EPIPE' && ((_a = e.syscall) === null || _a === void 0 ? void 0 : _a.toUpperCase()) === 'WRITE';
}
exports.isSigPipeError = isSigPipeError;


/***/ }),

/***/ 7137:
/***/ ((module) => {

// Copyright (c) Microsoft. All rights reserved.
// Licensed under the MIT license. See LICENSE file in the project root for full license information.

// Generated by make.js from lib.json and Strings/resources.resjson.
module.exports = {
  "messages": {
    "LIB_CopyDirectoryWithoutRecursiveOption": "cp: cannot copy a directory '%s' without the recursive option",
    "LIB_CopyFileFailed": "Error while copying the file. Attempts left: %s",
    "LIB_DirectoryStackEmpty": "Directory stack is empty",
    "LIB_EndpointAuthNotExist": "Endpoint auth data not present: %s",
    "LIB_EndpointDataNotExist": "Endpoint data parameter %s not present: %s",
    "LIB_EndpointNotExist": "Endpoint not present: %s",
    "LIB_FailOnCode": "Failure return code: %d",
    "LIB_InputRequired": "Input required: %s",
    "LIB_InvalidEndpointAuth": "Invalid endpoint auth: %s",
    "LIB_InvalidPattern": "Invalid pattern: '%s'",
    "LIB_InvalidSecureFilesInput": "Invalid secure file input: %s",
    "LIB_LocStringNotFound": "Can\\'t find loc string for key: %s",
    "LIB_MergeTestResultNotSupported": "Merging test results from multiple files to one test run is not supported on this version of build agent for OSX/Linux, each test result file will be published as a separate test run in VSO/TFS.",
    "LIB_MkdirFailed": "Unable to create directory '%s'. %s",
    "LIB_MkdirFailedFileExists": "Unable to create directory '%s'. Conflicting file exists: '%s'",
    "LIB_MkdirFailedInvalidDriveRoot": "Unable to create directory '%s'. Root directory does not exist: '%s'",
    "LIB_MkdirFailedInvalidShare": "Unable to create directory '%s'. Unable to verify the directory exists: '%s'. If directory is a file share, please verify the share name is correct, the share is online, and the current process has permission to access the share.",
    "LIB_MultilineSecret": "Secrets cannot contain multiple lines",
    "LIB_NotFoundPreviousDirectory": "Could not find previous directory",
    "LIB_OperationFailed": "Failed %s: %s",
    "LIB_ParameterIsRequired": "%s not supplied",
    "LIB_PathHasNullByte": "Path cannot contain null bytes",
    "LIB_PathIsNotADirectory": "Path is not a directory: %s",
    "LIB_PathNotFound": "Not found %s: %s",
    "LIB_PlatformNotSupported": "Platform not supported: %s",
    "LIB_ProcessError": "There was an error when attempting to execute the process '%s'. This may indicate the process failed to start. Error: %s",
    "LIB_ProcessExitCode": "The process '%s' failed with exit code %s",
    "LIB_ProcessStderr": "The process '%s' failed because one or more lines were written to the STDERR stream",
    "LIB_ResourceFileAlreadySet": "Resource file has already set to: %s",
    "LIB_ResourceFileNotExist": "Resource file doesn\\'t exist: %s",
    "LIB_ResourceFileNotSet": "Resource file haven\\'t set, can\\'t find loc string for key: %s",
    "LIB_ReturnCode": "Return code: %d",
    "LIB_StdioNotClosed": "The STDIO streams did not close within %s seconds of the exit event from process '%s'. This may indicate a child process inherited the STDIO streams and has not yet exited.",
    "LIB_UndefinedNodeVersion": "Node version is undefined.",
    "LIB_UnhandledEx": "Unhandled: %s",
    "LIB_UseFirstGlobMatch": "Multiple workspace matches. using first.",
    "LIB_WhichNotFound_Linux": "Unable to locate executable file: '%s'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.",
    "LIB_WhichNotFound_Win": "Unable to locate executable file: '%s'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file."
  },
  "localizedMessages": {
    "de-DE": {
      "loc.messages.LIB_CopyFileFailed": "Fehler beim Kopieren der Datei. Verbleibende Versuche: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "Der Verzeichnisstapel ist leer.",
      "loc.messages.LIB_EndpointAuthNotExist": "Die Endpunkt-Authentifizierungsdatensind nicht vorhanden: %s",
      "loc.messages.LIB_EndpointDataNotExist": "Der Endpunkt-Datenparameter %s ist nicht vorhanden: %s",
      "loc.messages.LIB_EndpointNotExist": "Der Endpunkt ist nicht vorhanden: %s",
      "loc.messages.LIB_FailOnCode": "Fehler beim Rückgabecode: %d",
      "loc.messages.LIB_InputRequired": "Eingabe erforderlich: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Ungültige Endpunktauthentifizierung: %s",
      "loc.messages.LIB_InvalidPattern": "Ungültiges Muster: \"%s\"",
      "loc.messages.LIB_InvalidSecureFilesInput": "Ungültige sichere Dateiausgabe: %s",
      "loc.messages.LIB_LocStringNotFound": "Die Lokalisierungszeichenfolge für den folgenden Schlüssel wurde nicht gefunden: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "Das Mergen von Testergebnissen aus mehreren Dateien in einen Testlauf wird von dieser Version des Build-Agents für OSX/Linux nicht unterstützt. Jede Testergebnisdatei wird als separater Testlauf in VSO/TFS veröffentlicht.",
      "loc.messages.LIB_MkdirFailed": "Das Verzeichnis \"%s\" kann nicht erstellt werden. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "Das Verzeichnis \"%s\" kann nicht erstellt werden. Eine in Konflikt stehende Datei ist vorhanden: \"%s\"",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "Das Verzeichnis \"%s\" kann nicht erstellt werden. Das Stammverzeichnis ist nicht vorhanden: %s",
      "loc.messages.LIB_MkdirFailedInvalidShare": "Das Verzeichnis \"%s\" kann nicht erstellt werden. Es kann nicht überprüft werden, ob das Verzeichnis vorhanden ist: {%s}. Wenn das Verzeichnis eine Dateifreigabe ist, stellen Sie sicher, dass der Freigabename richtig, die Freigabe online und der aktuelle Prozess berechtigt ist, auf die Freigabe zuzugreifen.",
      "loc.messages.LIB_MultilineSecret": "Geheimnisse dürfen nicht mehrere Zeilen enthalten",
      "loc.messages.LIB_NotFoundPreviousDirectory": "Vorheriges Verzeichnis wurde nicht gefunden.",
      "loc.messages.LIB_OperationFailed": "Fehler %s: %s",
      "loc.messages.LIB_ParameterIsRequired": "\"%s\" wurde nicht angegeben.",
      "loc.messages.LIB_PathHasNullByte": "Der Pfad darf keine NULL-Bytes enthalten.",
      "loc.messages.LIB_PathIsNotADirectory": "Der Pfad ist kein Verzeichnis: %s",
      "loc.messages.LIB_PathNotFound": "Nicht gefunden %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "Plattform wird nicht unterstützt: %s",
      "loc.messages.LIB_ProcessError": "Fehler beim Ausführen des Prozesses \"%s\". Möglicherweise konnte der Prozess nicht gestartet werden. Fehler: %s",
      "loc.messages.LIB_ProcessExitCode": "Fehler beim Prozess \"%s\" mit Exitcode %s.",
      "loc.messages.LIB_ProcessStderr": "Fehler beim Prozess \"%s\": Mindestens eine Zeile wurde in den STDERR-Datenstrom geschrieben.",
      "loc.messages.LIB_ResourceFileAlreadySet": "Die Ressourcendatei wurde bereits festgelegt auf: %s",
      "loc.messages.LIB_ResourceFileNotExist": "Die Ressourcendatei ist nicht vorhanden: %s",
      "loc.messages.LIB_ResourceFileNotSet": "Die Ressourcendatei wurde nicht festgelegt. Die Lokalisierungszeichenfolge für den folgenden Schlüssel wurde nicht gefunden: %s",
      "loc.messages.LIB_ReturnCode": "Rückgabecode: %d",
      "loc.messages.LIB_StdioNotClosed": "Die STDIO-Datenströme wurden nicht innerhalb von %s Sekunden nach dem Beendigungsereignis aus dem Prozess \"%s\" geschlossen. Möglicherweise hat ein untergeordneter Prozess die STDIO-Datenströme geerbt und wurde noch nicht beendet.",
      "loc.messages.LIB_UndefinedNodeVersion": "Die Knotenversion ist nicht definiert.",
      "loc.messages.LIB_UnhandledEx": "Ausnahmefehler: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Mehrere Arbeitsbereichübereinstimmungen. Die erste Übereinstimmung wird verwendet.",
      "loc.messages.LIB_WhichNotFound_Linux": "Ausführbare Datei nicht gefunden: '%s'. Prüfen Sie, ob der Dateipfad vorhanden ist oder sich die Datei in einem von der PATH-Umgebungsvariablen angegebenen Verzeichnis befindet. Prüfen Sie zudem den Dateimodus, um sicherzustellen, dass die Datei ausführbar ist.",
      "loc.messages.LIB_WhichNotFound_Win": "Ausführbare Datei nicht gefunden: \"%s\". Prüfen Sie, ob der Dateipfad vorhanden ist oder sich die Datei in einem von der PATH-Umgebungsvariablen angegebenen Verzeichnis befindet. Prüfen Sie zudem, ob die Datei eine gültige Erweiterung für eine ausführbare Datei aufweist."
    },
    "en-US": {
      "loc.messages.LIB_CopyDirectoryWithoutRecursiveOption": "cp: cannot copy a directory '%s' without the recursive option",
      "loc.messages.LIB_CopyFileFailed": "Error while copying the file. Attempts left: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "Directory stack is empty",
      "loc.messages.LIB_EndpointAuthNotExist": "Endpoint auth data not present: %s",
      "loc.messages.LIB_EndpointDataNotExist": "Endpoint data parameter %s not present: %s",
      "loc.messages.LIB_EndpointNotExist": "Endpoint not present: %s",
      "loc.messages.LIB_FailOnCode": "Failure return code: %d",
      "loc.messages.LIB_InputRequired": "Input required: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Invalid endpoint auth: %s",
      "loc.messages.LIB_InvalidPattern": "Invalid pattern: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "Invalid secure file input: %s",
      "loc.messages.LIB_LocStringNotFound": "Can\\'t find loc string for key: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "Merging test results from multiple files to one test run is not supported on this version of build agent for OSX/Linux, each test result file will be published as a separate test run in VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "Unable to create directory '%s'. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "Unable to create directory '%s'. Conflicting file exists: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "Unable to create directory '%s'. Root directory does not exist: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "Unable to create directory '%s'. Unable to verify the directory exists: '%s'. If directory is a file share, please verify the share name is correct, the share is online, and the current process has permission to access the share.",
      "loc.messages.LIB_MultilineSecret": "Secrets cannot contain multiple lines",
      "loc.messages.LIB_NotFoundPreviousDirectory": "Could not find previous directory",
      "loc.messages.LIB_OperationFailed": "Failed %s: %s",
      "loc.messages.LIB_ParameterIsRequired": "%s not supplied",
      "loc.messages.LIB_PathHasNullByte": "Path cannot contain null bytes",
      "loc.messages.LIB_PathIsNotADirectory": "Path is not a directory: %s",
      "loc.messages.LIB_PathNotFound": "Not found %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "Platform not supported: %s",
      "loc.messages.LIB_ProcessError": "There was an error when attempting to execute the process '%s'. This may indicate the process failed to start. Error: %s",
      "loc.messages.LIB_ProcessExitCode": "The process '%s' failed with exit code %s",
      "loc.messages.LIB_ProcessStderr": "The process '%s' failed because one or more lines were written to the STDERR stream",
      "loc.messages.LIB_ResourceFileAlreadySet": "Resource file has already set to: %s",
      "loc.messages.LIB_ResourceFileNotExist": "Resource file doesn\\'t exist: %s",
      "loc.messages.LIB_ResourceFileNotSet": "Resource file haven\\'t set, can\\'t find loc string for key: %s",
      "loc.messages.LIB_ReturnCode": "Return code: %d",
      "loc.messages.LIB_StdioNotClosed": "The STDIO streams did not close within %s seconds of the exit event from process '%s'. This may indicate a child process inherited the STDIO streams and has not yet exited.",
      "loc.messages.LIB_UndefinedNodeVersion": "Node version is undefined.",
      "loc.messages.LIB_UnhandledEx": "Unhandled: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Multiple workspace matches. using first.",
      "loc.messages.LIB_WhichNotFound_Linux": "Unable to locate executable file: '%s'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.",
      "loc.messages.LIB_WhichNotFound_Win": "Unable to locate executable file: '%s'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file."
    },
    "es-ES": {
      "loc.messages.LIB_CopyFileFailed": "Error al copiar el archivo. Intentos restantes: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "La pila de directorios está vacía",
      "loc.messages.LIB_EndpointAuthNotExist": "Los datos de autenticación del punto de conexión no existen: %s.",
      "loc.messages.LIB_EndpointDataNotExist": "El parámetro %s de datos del punto de conexión no existe: %s.",
      "loc.messages.LIB_EndpointNotExist": "No hay punto de conexión: %s",
      "loc.messages.LIB_FailOnCode": "Código de retorno de error: %d",
      "loc.messages.LIB_InputRequired": "Entrada requerida: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Autenticación de punto de conexión no válida: %s",
      "loc.messages.LIB_InvalidPattern": "Patrón no válido: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "Entrada de archivo seguro no válida: %s",
      "loc.messages.LIB_LocStringNotFound": "No se encuentra la cadena localizada para la clave: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "Esta versión del agente de compilación para OSX/Linux no admite la fusión mediante combinación de resultados de pruebas de varios archivos en una serie de pruebas. Cada archivo de resultados de pruebas se publicará como una serie de pruebas diferente en VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "No se puede crear el directorio '%s'. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "No se puede crear el directorio '%s'. Hay un conflicto entre archivos: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "No se puede crear el directorio '%s'. El directorio raíz no existe: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "No se puede crear el directorio '%s'. No se puede comprobar si el directorio existe: '%s'. Si el directorio es un recurso compartido de archivos, compruebe que el nombre es correcto, que está en línea y que el proceso actual tiene permiso de acceso a este.",
      "loc.messages.LIB_MultilineSecret": "Los secretos no pueden contener varias líneas.",
      "loc.messages.LIB_NotFoundPreviousDirectory": "No se ha encontrado el directorio anterior",
      "loc.messages.LIB_OperationFailed": "Error de %s: %s",
      "loc.messages.LIB_ParameterIsRequired": "No se ha proporcionado %s",
      "loc.messages.LIB_PathHasNullByte": "La ruta de acceso no puede tener bytes nulos",
      "loc.messages.LIB_PathIsNotADirectory": "La ruta de acceso no es un directorio: %s",
      "loc.messages.LIB_PathNotFound": "No se encuentra %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "No se admite la plataforma: %s",
      "loc.messages.LIB_ProcessError": "Error al intentar ejecutar el proceso \"%s\". Esto puede indicar que no se pudo iniciar el proceso. Error: %s",
      "loc.messages.LIB_ProcessExitCode": "Error del proceso \"%s\" con el código de salida %s",
      "loc.messages.LIB_ProcessStderr": "Error del proceso \"%s\" porque se escribieron una o varias líneas en la secuencia STDERR",
      "loc.messages.LIB_ResourceFileAlreadySet": "El archivo de recursos se ha establecido ya en: %s",
      "loc.messages.LIB_ResourceFileNotExist": "El archivo de recursos no existe: %s",
      "loc.messages.LIB_ResourceFileNotSet": "No se ha establecido el archivo de recursos. No se encuentra la cadena localizada para la clave: %s",
      "loc.messages.LIB_ReturnCode": "Código de retorno: %d",
      "loc.messages.LIB_StdioNotClosed": "Las secuencias STDIO no se cerraron en un plazo de %s segundos desde el evento de salida del proceso \"%s\". Esto puede indicar que un proceso secundario ha heredado las secuencias STDIO y aún no se ha cerrado.",
      "loc.messages.LIB_UndefinedNodeVersion": "La versión del nodo no está definida.",
      "loc.messages.LIB_UnhandledEx": "No controlada: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Hay varias coincidencias en el área de trabajo. Se usará la primera.",
      "loc.messages.LIB_WhichNotFound_Linux": "No se puede encontrar el archivo ejecutable: \"%s\". Compruebe que la ruta de acceso del archivo existe o que el archivo se puede encontrar en un directorio especificado en la variable de entorno PATH. Revise también el modo de archivo para comprobar que el archivo es ejecutable.",
      "loc.messages.LIB_WhichNotFound_Win": "No se puede encontrar el archivo ejecutable: \"%s\". Compruebe que la ruta de acceso del archivo existe o que el archivo se puede encontrar en un directorio especificado en la variable de entorno PATH. Revise también que el archivo tenga una extensión válida para un archivo ejecutable."
    },
    "fr-FR": {
      "loc.messages.LIB_CopyFileFailed": "Erreur durant la copie du fichier. Tentatives restantes : %s",
      "loc.messages.LIB_DirectoryStackEmpty": "La pile de répertoires est vide",
      "loc.messages.LIB_EndpointAuthNotExist": "Données d'authentification du point de terminaison absentes : %s",
      "loc.messages.LIB_EndpointDataNotExist": "Paramètre de données du point de terminaison %s absent : %s",
      "loc.messages.LIB_EndpointNotExist": "Point de terminaison absent : %s",
      "loc.messages.LIB_FailOnCode": "Code de retour de l'échec : %d",
      "loc.messages.LIB_InputRequired": "Entrée nécessaire : %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Authentification du point de terminaison non valide : %s",
      "loc.messages.LIB_InvalidPattern": "Modèle non valide : '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "Entrée de fichier sécurisé non valide : %s",
      "loc.messages.LIB_LocStringNotFound": "Chaîne localisée introuvable pour la clé : %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "La fusion des résultats des tests de plusieurs fichiers en une seule série de tests n'est pas prise en charge dans cette version de l'agent de build pour OSX/Linux. Chaque fichier de résultats des tests est publié en tant que série de tests distincte dans VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "Impossible de créer le répertoire '%s'. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "Impossible de créer le répertoire '%s'. Présence d'un fichier en conflit : '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "Impossible de créer le répertoire '%s'. Le répertoire racine n'existe pas : '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "Impossible de créer le répertoire '%s'. Impossible de vérifier l'existence du répertoire : '%s'. Si le répertoire est un partage de fichiers, vérifiez que le nom du partage est correct, que le partage est en ligne, et que le processus actuel est autorisé à accéder au partage.",
      "loc.messages.LIB_MultilineSecret": "Les secrets ne peuvent pas contenir plusieurs lignes",
      "loc.messages.LIB_NotFoundPreviousDirectory": "Désolé, nous n’avons pas pu trouver le répertoire précédent",
      "loc.messages.LIB_OperationFailed": "Échec de %s : %s",
      "loc.messages.LIB_ParameterIsRequired": "%s non fourni",
      "loc.messages.LIB_PathHasNullByte": "Le chemin ne peut pas contenir d'octets de valeur Null",
      "loc.messages.LIB_PathIsNotADirectory": "Le chemin d’accès n’est pas un répertoire : %s",
      "loc.messages.LIB_PathNotFound": "%s : %s introuvable",
      "loc.messages.LIB_PlatformNotSupported": "Plateforme non prise en charge : %s",
      "loc.messages.LIB_ProcessError": "Erreur durant la tentative d'exécution du processus '%s'. Cela peut indiquer que le processus n'a pas réussi à démarrer. Erreur : %s",
      "loc.messages.LIB_ProcessExitCode": "Échec du processus '%s'. Code de sortie : %s",
      "loc.messages.LIB_ProcessStderr": "Échec du processus '%s', car une ou plusieurs lignes ont été écrites dans le flux STDERR",
      "loc.messages.LIB_ResourceFileAlreadySet": "Le fichier de ressources est déjà défini : %s",
      "loc.messages.LIB_ResourceFileNotExist": "Le fichier de ressources n'existe pas : %s",
      "loc.messages.LIB_ResourceFileNotSet": "Le fichier de ressources n'est pas défini. La chaîne localisée de la clé est introuvable : %s",
      "loc.messages.LIB_ReturnCode": "Code de retour : %d",
      "loc.messages.LIB_StdioNotClosed": "Les flux STDIO ne se sont pas fermés dans les %s secondes qui ont suivi l'événement exit du processus '%s'. Cela peut indiquer qu'un processus enfant a hérité des flux STDIO et qu'il n'est pas encore sorti.",
      "loc.messages.LIB_UndefinedNodeVersion": "La version du nœud n’est pas définie.",
      "loc.messages.LIB_UnhandledEx": "Non géré : %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Plusieurs espaces de travail correspondants. Utilisation du premier d'entre eux.",
      "loc.messages.LIB_WhichNotFound_Linux": "Impossible de localiser le fichier exécutable : '%s'. Vérifiez si le chemin du fichier existe ou si le fichier peut se trouver dans un répertoire spécifié par la variable d'environnement PATH. Vérifiez également le Mode de Fichier pour déterminer si le fichier est exécutable.",
      "loc.messages.LIB_WhichNotFound_Win": "Impossible de localiser le fichier exécutable : '%s'. Vérifiez si le chemin du fichier existe ou si le fichier peut se trouver dans un répertoire spécifié par la variable d'environnement PATH. Vérifiez également si le fichier a une extension de fichier exécutable valide."
    },
    "it-IT": {
      "loc.messages.LIB_CopyFileFailed": "Si è verificato un errore durante la copia del file. Tentativi rimasti: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "Lo stack della directory è vuoto",
      "loc.messages.LIB_EndpointAuthNotExist": "I dati di autenticazione endpoint non sono presenti: %s",
      "loc.messages.LIB_EndpointDataNotExist": "Il parametro %s dei dati dell'endpoint non è presente: %s",
      "loc.messages.LIB_EndpointNotExist": "Endpoint non presente: %s",
      "loc.messages.LIB_FailOnCode": "Codice restituito dell'errore: %d",
      "loc.messages.LIB_InputRequired": "Input richiesto: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Autenticazione endpoint non valida: %s",
      "loc.messages.LIB_InvalidPattern": "Criterio non valido: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "L'input del file protetto non è valido: %s",
      "loc.messages.LIB_LocStringNotFound": "La stringa localizzata per la chiave %s non è stata trovata",
      "loc.messages.LIB_MergeTestResultNotSupported": "L'unione di più file risultanti da un'unica esecuzione dei test non è supportata in questa versione dell'agente di compilazione per OS X/Linux. Ogni file dei risultati del test verrà pubblicato come esecuzione dei test separata in VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "Non è possibile creare la directory '%s'. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "Non è possibile creare la directory '%s'. Esiste un file in conflitto: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "Non è possibile creare la directory '%s'. La directory radice non esiste: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "Non è possibile creare la directory '%s' perché non è possibile verificarne l'esistenza: '%s'. Se la directory è una condivisione file, verificare che il nome della condivisione sia corretto, che la condivisione sia online e che il processo corrente sia autorizzato ad accedervi.",
      "loc.messages.LIB_MultilineSecret": "I segreti non possono contenere più righe",
      "loc.messages.LIB_NotFoundPreviousDirectory": "Non è stato possibile trovare la directory precedente",
      "loc.messages.LIB_OperationFailed": "Operazione %s non riuscita: %s",
      "loc.messages.LIB_ParameterIsRequired": "Parametro %s non fornito",
      "loc.messages.LIB_PathHasNullByte": "Il percorso non può contenere byte Null",
      "loc.messages.LIB_PathIsNotADirectory": "Il percorso non è una directory: %s",
      "loc.messages.LIB_PathNotFound": "Percorso %s non trovato: %s",
      "loc.messages.LIB_PlatformNotSupported": "Piattaforma non supportata: %s",
      "loc.messages.LIB_ProcessError": "Si è verificato un errore durante il tentativo di eseguire il processo '%s'. Questo errore può indicare che non è stato possibile avviare il processo. Errore: %s",
      "loc.messages.LIB_ProcessExitCode": "Il processo '%s' non è riuscito. Codice di uscita: %s",
      "loc.messages.LIB_ProcessStderr": "Il processo '%s' non è riuscito perché una o più righe sono state scritte nel flusso STDERR",
      "loc.messages.LIB_ResourceFileAlreadySet": "Il file di risorse è già stato impostato su %s",
      "loc.messages.LIB_ResourceFileNotExist": "Il file di risorse non esiste: %s",
      "loc.messages.LIB_ResourceFileNotSet": "Il file di risorse non è stato impostato. La stringa localizzata per la chiave %s non è stata trovata",
      "loc.messages.LIB_ReturnCode": "Codice restituito: %d",
      "loc.messages.LIB_StdioNotClosed": "I flussi STDIO non si sono chiusi entro %s secondi dall'evento di uscita dal processo '%s'. Questa condizione può indicare che un processo figlio ha ereditato i flussi STDIO e non è ancora stato terminato.",
      "loc.messages.LIB_UndefinedNodeVersion": "La versione del nodo non è definita.",
      "loc.messages.LIB_UnhandledEx": "Eccezione non gestita: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Sono presenti più corrispondenze dell'area di lavoro. Verrà usata la prima.",
      "loc.messages.LIB_WhichNotFound_Linux": "Il file eseguibile '%s' non è stato trovato. Verificare se il percorso di file esiste o il file è presente in una directory specificata dalla variabile di ambiente PATH. Controllare anche la modalità file per verificare che il file sia eseguibile.",
      "loc.messages.LIB_WhichNotFound_Win": "Il file eseguibile '%s' non è stato trovato. Verificare se il percorso di file esiste o il file è presente in una directory specificata dalla variabile di ambiente PATH. Controllare anche che l'estensione sia valida per un file eseguibile."
    },
    "ja-JP": {
      "loc.messages.LIB_CopyFileFailed": "ファイルのコピー中にエラーが発生しました。残りの試行回数: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "ディレクトリ スタックが空です",
      "loc.messages.LIB_EndpointAuthNotExist": "エンドポイントの認証データがありません: %s",
      "loc.messages.LIB_EndpointDataNotExist": "エンドポイントのデータ パラメーター %s がありません: %s",
      "loc.messages.LIB_EndpointNotExist": "エンドポイントが存在しません: %s",
      "loc.messages.LIB_FailOnCode": "失敗のリターン コード: %d",
      "loc.messages.LIB_InputRequired": "入力が必要です: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "エンドポイントの認証が無効です: %s",
      "loc.messages.LIB_InvalidPattern": "無効なパターン: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "無効なセキュア ファイル入力: %s",
      "loc.messages.LIB_LocStringNotFound": "キーの loc 文字列が見つかりません: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "複数のファイルからのテスト結果を 1 つのテスト実行にマージする処理は、OSX/Linux 用のビルド エージェントのこのバージョンではサポートされていません。各テスト結果ファイルが VSO/TFS で別個のテスト実行として発行されます。",
      "loc.messages.LIB_MkdirFailed": "ディレクトリ '%s' を作成できません。%s",
      "loc.messages.LIB_MkdirFailedFileExists": "ディレクトリ '%s' を作成できません。競合するファイルが存在します: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "ディレクトリ '%s' を作成できません。ルート ディレクトリが存在しません: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "ディレクトリ '%s' を作成できません。ディレクトリが存在することを確認できません: '%s'。ディレクトリがファイル共有である場合、その共有名が正しいこと、その共有がオンラインであること、そして現在のプロセスにその共有へのアクセス許可があることをご確認ください。",
      "loc.messages.LIB_MultilineSecret": "シークレットに複数の行を含めることはできません",
      "loc.messages.LIB_NotFoundPreviousDirectory": "前のディレクトリが見つかりませんでした",
      "loc.messages.LIB_OperationFailed": "失敗しました %s: %s",
      "loc.messages.LIB_ParameterIsRequired": "%s が提供されていません",
      "loc.messages.LIB_PathHasNullByte": "パスに null バイトを含めることはできません",
      "loc.messages.LIB_PathIsNotADirectory": "パスがディレクトリではありません: %s",
      "loc.messages.LIB_PathNotFound": "見つかりませんでした %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "プラットフォームがサポートされていません: %s",
      "loc.messages.LIB_ProcessError": "プロセス '%s' を実行しようとしているときにエラーが発生しました。プロセスの開始に失敗したおそれがあります。エラー: %s",
      "loc.messages.LIB_ProcessExitCode": "プロセス '%s' が終了コード %s で失敗しました",
      "loc.messages.LIB_ProcessStderr": "1 つ以上の行が STDERR ストリームに書き込まれたため、プロセス '%s' が失敗しました",
      "loc.messages.LIB_ResourceFileAlreadySet": "リソース ファイルは既に %s に設定されています",
      "loc.messages.LIB_ResourceFileNotExist": "リソース ファイルが存在しません: %s",
      "loc.messages.LIB_ResourceFileNotSet": "リソース ファイルが設定されておらず、キーの loc 文字列が見つかりません: %s",
      "loc.messages.LIB_ReturnCode": "リターン コード: %d",
      "loc.messages.LIB_StdioNotClosed": "STDIO ストリームが、プロセス '%s' の終了イベントから %s 秒以内に終了しませんでした。これは、子プロセスが STDIO ストリームを継承し、まだ終了していないことを示している可能性があります。",
      "loc.messages.LIB_UndefinedNodeVersion": "ノードのバージョンが定義されていません。",
      "loc.messages.LIB_UnhandledEx": "未処理: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "複数のワークスペースが一致します。最初のワークスペースが使用されます。",
      "loc.messages.LIB_WhichNotFound_Linux": "実行可能ファイルが見つかりません: '%s'。ファイル パスが存在すること、またはそのファイルが PATH 環境変数で指定されたディレクトリ内にあることをご確認ください。ファイルが実行可能かどうかについてファイル モードもご確認ください。",
      "loc.messages.LIB_WhichNotFound_Win": "実行可能ファイルが見つかりません: '%s'。ファイル パスが存在すること、またはそのファイルが PATH 環境変数で指定されたディレクトリ内にあることをご確認ください。そのファイルに実行可能ファイルの有効な拡張子がついていることもご確認ください。"
    },
    "ko-KR": {
      "loc.messages.LIB_CopyFileFailed": "파일을 복사하는 동안 오류가 발생했습니다. 남은 시도 횟수: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "디렉터리 스택이 비어 있습니다.",
      "loc.messages.LIB_EndpointAuthNotExist": "엔드포인트 인증 데이터가 없음: %s",
      "loc.messages.LIB_EndpointDataNotExist": "엔드포인트 데이터 매개 변수 %s이(가) 없음: %s",
      "loc.messages.LIB_EndpointNotExist": "엔드포인트가 없음: %s",
      "loc.messages.LIB_FailOnCode": "실패 반환 코드: %d",
      "loc.messages.LIB_InputRequired": "입력 필요: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "잘못된 엔드포인트 인증: %s",
      "loc.messages.LIB_InvalidPattern": "잘못된 패턴: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "보안 파일 입력이 잘못됨: %s",
      "loc.messages.LIB_LocStringNotFound": "키에 대한 loc 문자열을 찾을 수 없음: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "이 OSX/Linux용 빌드 에이전트 버전에서 여러 파일의 테스트 결과를 하나의 테스트 실행으로 병합하는 것을 지원하지 않습니다. 각 테스트 결과 파일은 VSO/TFS에서 별도의 테스트 실행으로 게시됩니다.",
      "loc.messages.LIB_MkdirFailed": "'%s' 디렉터리를 만들 수 없습니다. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "'%s' 디렉터리를 만들 수 없습니다. 충돌하는 파일 '%s'이(가) 있습니다.",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "'%s' 디렉터리를 만들 수 없습니다. 루트 디렉터리 '%s'이(가) 없습니다.",
      "loc.messages.LIB_MkdirFailedInvalidShare": "'%s' 디렉터리를 만들 수 없습니다. '%s' 디렉터리가 있는지 확인할 수 없습니다. 디렉터리가 파일 공유인 경우 공유 이름이 올바르고, 공유가 온라인 상태이며, 현재 프로세스에 공유에 액세스할 수 있는 권한이 있는지 확인하세요.",
      "loc.messages.LIB_MultilineSecret": "비밀에 여러 줄을 사용할 수 없습니다.",
      "loc.messages.LIB_NotFoundPreviousDirectory": "이전 디렉터리를 찾을 수 없습니다.",
      "loc.messages.LIB_OperationFailed": "%s 실패: %s",
      "loc.messages.LIB_ParameterIsRequired": "%s이(가) 제공되지 않음",
      "loc.messages.LIB_PathHasNullByte": "경로에 null 바이트를 포함할 수 없음",
      "loc.messages.LIB_PathIsNotADirectory": "경로가 디렉터리가 아닙니다. %s",
      "loc.messages.LIB_PathNotFound": "%s을(를) 찾을 수 없음: %s",
      "loc.messages.LIB_PlatformNotSupported": "지원되지 않는 플랫폼: %s",
      "loc.messages.LIB_ProcessError": "'%s' 프로세스를 실행할 때 오류가 발생했습니다. 이는 프로세스를 시작하지 못했음을 나타낼 수 있습니다. 오류: %s",
      "loc.messages.LIB_ProcessExitCode": "'%s' 프로세스가 실패함(종료 코드 %s)",
      "loc.messages.LIB_ProcessStderr": "하나 이상의 줄이 STDERR 스트림에 쓰였으므로 '%s' 프로세스가 실패함",
      "loc.messages.LIB_ResourceFileAlreadySet": "리소스 파일이 이미 다음으로 설정됨: %s",
      "loc.messages.LIB_ResourceFileNotExist": "리소스 파일이 없음: %s",
      "loc.messages.LIB_ResourceFileNotSet": "리소스 파일이 설정되지 않았고 키에 대한 loc 문자열을 찾을 수 없음: %s",
      "loc.messages.LIB_ReturnCode": "반환 코드: %d",
      "loc.messages.LIB_StdioNotClosed": "STDIO 스트림이 %s초 이내('%s' 프로세스의 종료 이벤트 후)에 닫히지 않았습니다. 이는 자식 프로세스가 STDIO 스트림을 상속했으며 아직 종료되지 않았음을 나타낼 수 있습니다.",
      "loc.messages.LIB_UndefinedNodeVersion": "노드 버전이 정의되지 않았습니다.",
      "loc.messages.LIB_UnhandledEx": "처리되지 않음: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "여러 작업 영역이 일치합니다. 첫 번째 작업 영역을 사용하세요.",
      "loc.messages.LIB_WhichNotFound_Linux": "실행 파일 '%s'을(를) 찾을 수 없습니다. 파일 경로가 있는지 또는 PATH 환경 변수에서 지정한 디렉터리 내에서 파일을 찾을 수 있는지 확인하세요. 또한 파일 모드를 확인하여 파일을 실행할 수 있는지 확인하세요.",
      "loc.messages.LIB_WhichNotFound_Win": "실행 파일 '%s'을(를) 찾을 수 없습니다. 파일 경로가 있는지 또는 PATH 환경 변수에서 지정한 디렉터리 내에서 파일을 찾을 수 있는지 확인하세요. 또한 파일이 실행 파일에 대해 올바른 확장명을 가지고 있는지 확인하세요."
    },
    "ru-RU": {
      "loc.messages.LIB_CopyFileFailed": "Ошибка при копировании файла. Оставшееся число попыток: %s.",
      "loc.messages.LIB_DirectoryStackEmpty": "Стек каталога пуст",
      "loc.messages.LIB_EndpointAuthNotExist": "Отсутствуют данные для проверки подлинности конечной точки: %s",
      "loc.messages.LIB_EndpointDataNotExist": "Отсутствует параметр %s данных конечной точки: %s",
      "loc.messages.LIB_EndpointNotExist": "Конечная точка отсутствует: %s.",
      "loc.messages.LIB_FailOnCode": "Код возврата при сбое: %d.",
      "loc.messages.LIB_InputRequired": "Требуется ввести данные: %s.",
      "loc.messages.LIB_InvalidEndpointAuth": "Недопустимая проверка подлинности конечной точки: %s.",
      "loc.messages.LIB_InvalidPattern": "Недопустимый шаблон: \"%s\"",
      "loc.messages.LIB_InvalidSecureFilesInput": "Недопустимые входные данные защитного файла: %s",
      "loc.messages.LIB_LocStringNotFound": "Не удается найти локализованную строку для ключа: %s.",
      "loc.messages.LIB_MergeTestResultNotSupported": "Объединение результатов тестов из нескольких файлов в один тестовый запуск не поддерживается в этой версии агента сборки для OSX/Linux. Каждый файл результатов теста будет опубликован в качестве отдельного тестового запуска в VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "Не удается создать каталог \"%s\". %s",
      "loc.messages.LIB_MkdirFailedFileExists": "Не удается создать каталог \"%s\". Существует конфликтующий файл: \"%s\"",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "Не удалось создать каталог \"%s\". Корневой каталог не существует: \"%s\"",
      "loc.messages.LIB_MkdirFailedInvalidShare": "Не удалось создать каталог \"%s\". Не удалось проверить, существует ли каталог \"%s\". Если каталог является файловым ресурсом, убедитесь, что имя ресурса указано правильно, он работает и текущий процесс имеет разрешение на доступ к нему.",
      "loc.messages.LIB_MultilineSecret": "Секрет не может быть многострочным",
      "loc.messages.LIB_NotFoundPreviousDirectory": "Не удалось найти предыдущий каталог",
      "loc.messages.LIB_OperationFailed": "Сбой %s: %s.",
      "loc.messages.LIB_ParameterIsRequired": "Не указан %s.",
      "loc.messages.LIB_PathHasNullByte": "Путь не может содержать пустые байты.",
      "loc.messages.LIB_PathIsNotADirectory": "Путь не является каталогом: %s",
      "loc.messages.LIB_PathNotFound": "Не найден %s: %s.",
      "loc.messages.LIB_PlatformNotSupported": "Платформа не поддерживается: %s",
      "loc.messages.LIB_ProcessError": "Произошла ошибка при попытке выполнить процесс \"%s\". Это может означать, что процесс не удалось запустить. Ошибка: %s",
      "loc.messages.LIB_ProcessExitCode": "Произошел сбой процесса \"%s\" с кодом выхода %s.",
      "loc.messages.LIB_ProcessStderr": "Произошел сбой процесса \"%s\", так как одна или несколько строк были записаны в поток STDERR.",
      "loc.messages.LIB_ResourceFileAlreadySet": "Файл ресурсов уже задан: %s.",
      "loc.messages.LIB_ResourceFileNotExist": "Файл ресурсов не существует: %s.",
      "loc.messages.LIB_ResourceFileNotSet": "Файл ресурсов не задан, не удается найти локализованную строку для ключа: %s.",
      "loc.messages.LIB_ReturnCode": "Код возврата: %d",
      "loc.messages.LIB_StdioNotClosed": "Потоки STDIO не были закрыты в течение %s с после получения события выхода от процесса \"%s\". Это может свидетельствовать о том, что дочерний процесс унаследовал потоки STDIO и еще не завершил работу.",
      "loc.messages.LIB_UndefinedNodeVersion": "Версия узла не определена.",
      "loc.messages.LIB_UnhandledEx": "Не обработано: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Несколько рабочих областей совпадает, использована первая рабочая область.",
      "loc.messages.LIB_WhichNotFound_Linux": "Не удалось найти исполняемый файл: \"%s\". Убедитесь, что путь к файлу существует и файл можно найти в каталоге, указанном переменной окружения PATH. Также проверьте режим файла, чтобы убедиться, что файл является исполняемым.",
      "loc.messages.LIB_WhichNotFound_Win": "Не удалось найти исполняемый файл: \"%s\". Убедитесь, что путь к файлу существует и что файл можно найти в каталоге, указанном переменной окружения PATH. Также убедитесь, что у файла есть допустимое расширение для исполняемого файла."
    },
    "zh-CN": {
      "loc.messages.LIB_CopyFileFailed": "复制文件时出错。剩余尝试次数: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "目录堆栈为空",
      "loc.messages.LIB_EndpointAuthNotExist": "终结点授权数据不存在: %s",
      "loc.messages.LIB_EndpointDataNotExist": "终结点数据参数 %s 不存在: %s",
      "loc.messages.LIB_EndpointNotExist": "终结点不存在: %s",
      "loc.messages.LIB_FailOnCode": "故障返回代码: %d",
      "loc.messages.LIB_InputRequired": "输入必需项: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "终结点验证无效: %s",
      "loc.messages.LIB_InvalidPattern": "无效的模式: \"%s\"",
      "loc.messages.LIB_InvalidSecureFilesInput": "无效的安全文件输入: %s",
      "loc.messages.LIB_LocStringNotFound": "无法找到关键字的本地字符串: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "此版本的 OSX/Linux 生成代理不支持来自某个测试运行的多文件合并测试结果，在 VSO/TFS 中，每个测试结果文件都将作为单独的测试运行进行发布。",
      "loc.messages.LIB_MkdirFailed": "无法创建目录“%s”。%s",
      "loc.messages.LIB_MkdirFailedFileExists": "无法创建目录“%s”。存在冲突文件:“%s”",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "无法创建目录“%s”。根目录不存在:“%s”",
      "loc.messages.LIB_MkdirFailedInvalidShare": "无法创建目录“%s”。无法验证“%s”目录是否存在。如果目录是文件共享，请验证共享名称是否正确、共享是否已联机以及当前进程是否有权访问该共享。",
      "loc.messages.LIB_MultilineSecret": "密码不能包含多个行",
      "loc.messages.LIB_NotFoundPreviousDirectory": "找不到以前的目录",
      "loc.messages.LIB_OperationFailed": "%s 失败: %s",
      "loc.messages.LIB_ParameterIsRequired": "未提供 %s",
      "loc.messages.LIB_PathHasNullByte": "路径不能包含 null 字节",
      "loc.messages.LIB_PathIsNotADirectory": "路径不是目录： %s",
      "loc.messages.LIB_PathNotFound": "找不到 %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "平台不受支持: %s",
      "loc.messages.LIB_ProcessError": "尝试执行进程“%s”时出错。这可能表示进程启动失败。错误: %s",
      "loc.messages.LIB_ProcessExitCode": "进程“%s”失败，退出代码为 %s",
      "loc.messages.LIB_ProcessStderr": "进程“%s”失败，因为已将一行或多行写入 STDERR 流",
      "loc.messages.LIB_ResourceFileAlreadySet": "资源文件已被设置为 %s",
      "loc.messages.LIB_ResourceFileNotExist": "资源文件不存在: %s",
      "loc.messages.LIB_ResourceFileNotSet": "资源文件尚未设置，无法找到关键字的本地字符串: %s",
      "loc.messages.LIB_ReturnCode": "返回代码: %d",
      "loc.messages.LIB_StdioNotClosed": "STDIO 流在进程“%s”中发生退出事件 %s 秒内未关闭 。这可能表示子进程继承了 STDIO 流且尚未退出。",
      "loc.messages.LIB_UndefinedNodeVersion": "节点版本未定义。",
      "loc.messages.LIB_UnhandledEx": "未处理: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "出现多个工作区匹配时，使用第一个。",
      "loc.messages.LIB_WhichNotFound_Linux": "无法定位可执行文件: \"%s\"。请验证文件路径是否存在或文件是否可在 PATH 环境变量指定的目录内找到。另请检查文件模式以验证文件是否可执行。",
      "loc.messages.LIB_WhichNotFound_Win": "无法定位可执行文件: \"%s\"。请验证文件路径是否存在或文件是否可在 PATH 环境变量指定的目录内找到。另请验证该文件是否具有可执行文件的有效扩展名。"
    },
    "zh-TW": {
      "loc.messages.LIB_CopyFileFailed": "複製檔案時發生錯誤。剩餘嘗試次數: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "目錄堆疊是空的",
      "loc.messages.LIB_EndpointAuthNotExist": "端點驗證資料不存在: %s",
      "loc.messages.LIB_EndpointDataNotExist": "端點資料參數 %s 不存在: %s",
      "loc.messages.LIB_EndpointNotExist": "端點不存在: %s",
      "loc.messages.LIB_FailOnCode": "傳回程式碼失敗: %d",
      "loc.messages.LIB_InputRequired": "需要輸入內容: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "端點驗證無效: %s",
      "loc.messages.LIB_InvalidPattern": "模式無效: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "安全檔案輸入無效: %s",
      "loc.messages.LIB_LocStringNotFound": "找不到索引鍵的 loc 字串: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "OSX/Linux 的此版本組建代理程式不支援將多個檔案的測試結果合併至單一測試回合，每個測試結果檔案將作為個別測試回合在 VSO/TFS 中發行。",
      "loc.messages.LIB_MkdirFailed": "無法建立目錄 '%s'。%s",
      "loc.messages.LIB_MkdirFailedFileExists": "無法建立目錄 '%s'。存在衝突的檔案: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "無法建立目錄 '%s'。根目錄不存在: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "無法建立目錄 '%s'。無法驗證目錄是否存在: '%s'。如果目錄是檔案共用，請驗證共用名稱正確、共用在線上，而且目前的流程具有存取共用的權限。",
      "loc.messages.LIB_MultilineSecret": "祕密不得包含多個行",
      "loc.messages.LIB_NotFoundPreviousDirectory": "找不到之前的目錄",
      "loc.messages.LIB_OperationFailed": "%s 失敗: %s",
      "loc.messages.LIB_ParameterIsRequired": "未提供 %s",
      "loc.messages.LIB_PathHasNullByte": "路徑不能包含 null 位元組",
      "loc.messages.LIB_PathIsNotADirectory": "路徑不是目錄： %s",
      "loc.messages.LIB_PathNotFound": "找不到 %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "不支援的平台: %s",
      "loc.messages.LIB_ProcessError": "嘗試執行處理序 '%s' 時發生錯誤。這可能表示處理序無法啟動。錯誤: %s",
      "loc.messages.LIB_ProcessExitCode": "處理序 '%s' 失敗，結束代碼為 %s",
      "loc.messages.LIB_ProcessStderr": "因為 STDERR 資料流中寫入了一或多行程式碼，所以處理序 '%s' 失敗",
      "loc.messages.LIB_ResourceFileAlreadySet": "資源檔案已設定至: %s",
      "loc.messages.LIB_ResourceFileNotExist": "資源檔案不存在: %s",
      "loc.messages.LIB_ResourceFileNotSet": "尚未設定資源檔案，找不到索引鍵的 loc 字串: %s",
      "loc.messages.LIB_ReturnCode": "傳回程式碼: %d",
      "loc.messages.LIB_StdioNotClosed": "STDIO 資料流未在 %s 秒內關閉 (從處理序 '%s' 結束事件發生後算起)。這可能表示子處理序繼承了 STDIO 資料流且尚未結束。",
      "loc.messages.LIB_UndefinedNodeVersion": "未定義節點版本。",
      "loc.messages.LIB_UnhandledEx": "未經處理: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "多個工作區相符。請先使用。",
      "loc.messages.LIB_WhichNotFound_Linux": "找不到可執行檔: '%s'。請確認檔案路徑存在，或檔案可以在 PATH 環境變數指定的目錄中找到。另請檢查檔案模式，確認檔案可以執行。",
      "loc.messages.LIB_WhichNotFound_Win": "找不到可執行檔: '%s'。請確認檔案路徑存在，或檔案可以在 PATH 環境變數指定的目錄中找到。另請確認檔案具備有效的可執行檔副檔名。"
    }
  }
};


/***/ }),

/***/ 358:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getPlatform = exports.osType = exports.writeFile = exports.exist = exports.stats = exports.debug = exports.error = exports.warning = exports.command = exports.setTaskVariable = exports.getTaskVariable = exports.getSecureFileTicket = exports.getSecureFileName = exports.getEndpointAuthorization = exports.getEndpointAuthorizationParameterRequired = exports.getEndpointAuthorizationParameter = exports.getEndpointAuthorizationSchemeRequired = exports.getEndpointAuthorizationScheme = exports.getEndpointDataParameterRequired = exports.getEndpointDataParameter = exports.getEndpointUrlRequired = exports.getEndpointUrl = exports.getPathInputRequired = exports.getPathInput = exports.filePathSupplied = exports.getDelimitedInput = exports.getPipelineFeature = exports.getBoolFeatureFlag = exports.getBoolInput = exports.getInputRequired = exports.getInput = exports.setSecret = exports.setVariable = exports.getVariables = exports.assertAgent = exports.getVariable = exports.loc = exports.setResourcePath = exports.setSanitizedResult = exports.setResult = exports.setErrStream = exports.setStdStream = exports.AgentHostedMode = exports.Platform = exports.IssueSource = exports.FieldType = exports.ArtifactType = exports.IssueType = exports.TaskState = exports.TaskResult = void 0;
exports.defaultAllowedVsoCommands = exports.errorExternalOutput = exports.warningExternalOutput = exports.debugExternalOutput = exports.writeExternalOutput = exports.createExternalOutputStream = exports.updateReleaseName = exports.addBuildTag = exports.updateBuildNumber = exports.uploadBuildLog = exports.associateArtifact = exports.uploadArtifact = exports.logIssue = exports.logDetail = exports.setProgress = exports.setEndpoint = exports.addAttachment = exports.uploadSummary = exports.prependPath = exports.uploadFile = exports.CodeCoverageEnabler = exports.CodeCoveragePublisher = exports.TestPublisher = exports.getHttpCertConfiguration = exports.getHttpProxyConfiguration = exports.findMatch = exports.filter = exports.match = exports.tool = exports.execSync = exports.exec = exports.execAsync = exports.rmRF = exports.legacyFindFiles = exports.find = exports.retry = exports.mv = exports.cp = exports.ls = exports.which = exports.resolve = exports.mkdirP = exports.popd = exports.pushd = exports.cd = exports.checkPath = exports.cwd = exports.getSprint = exports.getAgentMode = exports.getNodeMajorVersion = void 0;
var childProcess = __nccwpck_require__(5317);
var fs = __nccwpck_require__(9896);
var path = __nccwpck_require__(6928);
var os = __nccwpck_require__(857);
var minimatch = __nccwpck_require__(3772);
var im = __nccwpck_require__(8202);
var tcm = __nccwpck_require__(8373);
var trm = __nccwpck_require__(419);
var eom = __nccwpck_require__(6037);
var semver = __nccwpck_require__(9318);
var TaskResult;
(function (TaskResult) {
    TaskResult[TaskResult["Succeeded"] = 0] = "Succeeded";
    TaskResult[TaskResult["SucceededWithIssues"] = 1] = "SucceededWithIssues";
    TaskResult[TaskResult["Failed"] = 2] = "Failed";
    TaskResult[TaskResult["Cancelled"] = 3] = "Cancelled";
    TaskResult[TaskResult["Skipped"] = 4] = "Skipped";
})(TaskResult = exports.TaskResult || (exports.TaskResult = {}));
var TaskState;
(function (TaskState) {
    TaskState[TaskState["Unknown"] = 0] = "Unknown";
    TaskState[TaskState["Initialized"] = 1] = "Initialized";
    TaskState[TaskState["InProgress"] = 2] = "InProgress";
    TaskState[TaskState["Completed"] = 3] = "Completed";
})(TaskState = exports.TaskState || (exports.TaskState = {}));
var IssueType;
(function (IssueType) {
    IssueType[IssueType["Error"] = 0] = "Error";
    IssueType[IssueType["Warning"] = 1] = "Warning";
})(IssueType = exports.IssueType || (exports.IssueType = {}));
var ArtifactType;
(function (ArtifactType) {
    ArtifactType[ArtifactType["Container"] = 0] = "Container";
    ArtifactType[ArtifactType["FilePath"] = 1] = "FilePath";
    ArtifactType[ArtifactType["VersionControl"] = 2] = "VersionControl";
    ArtifactType[ArtifactType["GitRef"] = 3] = "GitRef";
    ArtifactType[ArtifactType["TfvcLabel"] = 4] = "TfvcLabel";
})(ArtifactType = exports.ArtifactType || (exports.ArtifactType = {}));
var FieldType;
(function (FieldType) {
    FieldType[FieldType["AuthParameter"] = 0] = "AuthParameter";
    FieldType[FieldType["DataParameter"] = 1] = "DataParameter";
    FieldType[FieldType["Url"] = 2] = "Url";
})(FieldType = exports.FieldType || (exports.FieldType = {}));
exports.IssueSource = im.IssueSource;
/** Platforms supported by our build agent */
var Platform;
(function (Platform) {
    Platform[Platform["Windows"] = 0] = "Windows";
    Platform[Platform["MacOS"] = 1] = "MacOS";
    Platform[Platform["Linux"] = 2] = "Linux";
})(Platform = exports.Platform || (exports.Platform = {}));
var AgentHostedMode;
(function (AgentHostedMode) {
    AgentHostedMode[AgentHostedMode["Unknown"] = 0] = "Unknown";
    AgentHostedMode[AgentHostedMode["SelfHosted"] = 1] = "SelfHosted";
    AgentHostedMode[AgentHostedMode["MsHosted"] = 2] = "MsHosted";
})(AgentHostedMode = exports.AgentHostedMode || (exports.AgentHostedMode = {}));
var SPRINT_ONE_START_UTC_MS = Date.UTC(2010, 7, 14, 0, 0, 0, 0);
var DAYS_PER_WEEK = 7;
var DAYS_PER_SPRINT = 21;
var MILLISECONDS_PER_DAY = 24 * 60 * 60 * 1000;
//-----------------------------------------------------
// General Helpers
//-----------------------------------------------------
exports.setStdStream = im._setStdStream;
exports.setErrStream = im._setErrStream;
function setResult(result, message, done) {
    (0, exports.debug)('task result: ' + TaskResult[result]);
    // add an error issue
    if (result == TaskResult.Failed && message) {
        (0, exports.error)(message, exports.IssueSource.TaskInternal);
    }
    else if (result == TaskResult.SucceededWithIssues && message) {
        (0, exports.warning)(message, exports.IssueSource.TaskInternal);
    }
    // task.complete
    var properties = { 'result': TaskResult[result] };
    if (done) {
        properties['done'] = 'true';
    }
    (0, exports.command)('task.complete', properties, message);
}
exports.setResult = setResult;
/**
 * Sets the result of the task with sanitized message.
 *
 * @param result    TaskResult enum of Succeeded, SucceededWithIssues, Failed, Cancelled or Skipped.
 * @param message   A message which will be logged as an error issue if the result is Failed. Message will be truncated
 *                  before first occurence of wellknown sensitive keyword.
 * @param done      Optional. Instructs the agent the task is done. This is helpful when child processes
 *                  may still be running and prevent node from fully exiting. This argument is supported
 *                  from agent version 2.142.0 or higher (otherwise will no-op).
 * @returns         void
 */
function setSanitizedResult(result, message, done) {
    var pattern = /password|key|secret|bearer|authorization|token|pat/i;
    var sanitizedMessage = im._truncateBeforeSensitiveKeyword(message, pattern);
    setResult(result, sanitizedMessage, done);
}
exports.setSanitizedResult = setSanitizedResult;
//
// Catching all exceptions
//
process.on('uncaughtException', function (err) {
    if (!im.isSigPipeError(err)) {
        setResult(TaskResult.Failed, (0, exports.loc)('LIB_UnhandledEx', err.message));
        (0, exports.error)(String(err.stack), im.IssueSource.TaskInternal);
    }
});
//
// Catching unhandled rejections from promises and rethrowing them as exceptions
// For example, a promise that is rejected but not handled by a .catch() handler in node 10
// doesn't cause an uncaughtException but causes in Node 16.
// For types definitions(Error | Any) see https://nodejs.org/docs/latest-v16.x/api/process.html#event-unhandledrejection
//
process.on('unhandledRejection', function (reason) {
    if (reason instanceof Error) {
        throw reason;
    }
    else {
        throw new Error(reason);
    }
});
//-----------------------------------------------------
// Loc Helpers
//-----------------------------------------------------
exports.setResourcePath = im._setResourcePath;
exports.loc = im._loc;
//-----------------------------------------------------
// Input Helpers
//-----------------------------------------------------
exports.getVariable = im._getVariable;
/**
 * Asserts the agent version is at least the specified minimum.
 *
 * @param    minimum    minimum version version - must be 2.104.1 or higher
 */
function assertAgent(minimum) {
    if (semver.lt(minimum, '2.104.1')) {
        throw new Error('assertAgent() requires the parameter to be 2.104.1 or higher');
    }
    var agent = (0, exports.getVariable)('Agent.Version');
    (0, exports.debug)('Detected Agent.Version=' + (agent ? agent : 'undefined'));
    if (agent && semver.lt(agent, minimum)) {
        throw new Error("Agent version ".concat(minimum, " or higher is required. Detected Agent version: ").concat(agent));
    }
}
exports.assertAgent = assertAgent;
/**
 * Gets a snapshot of the current state of all job variables available to the task.
 * Requires a 2.104.1 agent or higher for full functionality.
 *
 * Limitations on an agent prior to 2.104.1:
 *  1) The return value does not include all public variables. Only public variables
 *     that have been added using setVariable are returned.
 *  2) The name returned for each secret variable is the formatted environment variable
 *     name, not the actual variable name (unless it was set explicitly at runtime using
 *     setVariable).
 *
 * @returns VariableInfo[]
 */
function getVariables() {
    return Object.keys(im._knownVariableMap)
        .map(function (key) {
        var info = im._knownVariableMap[key];
        return { name: info.name, value: (0, exports.getVariable)(info.name), secret: info.secret };
    });
}
exports.getVariables = getVariables;
/**
 * Sets a variable which will be available to subsequent tasks as well.
 *
 * @param     name     name of the variable to set
 * @param     val      value to set
 * @param     secret   whether variable is secret.  Multi-line secrets are not allowed.  Optional, defaults to false
 * @param     isOutput whether variable is an output variable.  Optional, defaults to false
 * @returns   void
 */
function setVariable(name, val, secret, isOutput) {
    if (secret === void 0) { secret = false; }
    if (isOutput === void 0) { isOutput = false; }
    // once a secret always a secret
    var key = im._getVariableKey(name);
    if (im._knownVariableMap.hasOwnProperty(key)) {
        secret = secret || im._knownVariableMap[key].secret;
    }
    // store the value
    var varValue = val || '';
    (0, exports.debug)('set ' + name + '=' + (secret && varValue ? '********' : varValue));
    if (secret) {
        if (varValue && varValue.match(/\r|\n/) && "".concat(process.env['SYSTEM_UNSAFEALLOWMULTILINESECRET']).toUpperCase() != 'TRUE') {
            throw new Error((0, exports.loc)('LIB_MultilineSecret'));
        }
        im._vault.storeSecret('SECRET_' + key, varValue);
        delete process.env[key];
    }
    else {
        process.env[key] = varValue;
    }
    // store the metadata
    im._knownVariableMap[key] = { name: name, secret: secret };
    // write the setvariable command
    (0, exports.command)('task.setvariable', { 'variable': name || '', isOutput: (isOutput || false).toString(), 'issecret': (secret || false).toString() }, varValue);
}
exports.setVariable = setVariable;
/**
 * Registers a value with the logger, so the value will be masked from the logs.  Multi-line secrets are not allowed.
 *
 * @param val value to register
 */
function setSecret(val) {
    if (val) {
        if (val.match(/\r|\n/) && "".concat(process.env['SYSTEM_UNSAFEALLOWMULTILINESECRET']).toUpperCase() !== 'TRUE') {
            throw new Error((0, exports.loc)('LIB_MultilineSecret'));
        }
        (0, exports.command)('task.setsecret', {}, val);
    }
}
exports.setSecret = setSecret;
/**
 * Gets the value of an input.
 * If required is true and the value is not set, it will throw.
 *
 * @param     name     name of the input to get
 * @param     required whether input is required.  optional, defaults to false
 * @returns   string
 */
function getInput(name, required) {
    var inval = im._vault.retrieveSecret('INPUT_' + im._getVariableKey(name));
    if (required && !inval) {
        throw new Error((0, exports.loc)('LIB_InputRequired', name));
    }
    (0, exports.debug)(name + '=' + inval);
    return inval;
}
exports.getInput = getInput;
/**
 * Gets the value of an input.
 * If the value is not set, it will throw.
 *
 * @param     name     name of the input to get
 * @returns   string
 */
function getInputRequired(name) {
    return getInput(name, true);
}
exports.getInputRequired = getInputRequired;
/**
 * Gets the value of an input and converts to a bool.  Convenience.
 * If required is true and the value is not set, it will throw.
 * If required is false and the value is not set, returns false.
 *
 * @param     name     name of the bool input to get
 * @param     required whether input is required.  optional, defaults to false
 * @returns   boolean
 */
function getBoolInput(name, required) {
    return (getInput(name, required) || '').toUpperCase() == "TRUE";
}
exports.getBoolInput = getBoolInput;
/**
 * Gets the value of an feature flag and converts to a bool.
 * @IMPORTANT This method is only for internal Microsoft development. Do not use it for external tasks.
 * @param     name     name of the feature flag to get.
 * @param     defaultValue default value of the feature flag in case it's not found in env. (optional. Default value = false)
 * @returns   boolean
 * @deprecated Don't use this for new development. Use getPipelineFeature instead.
 */
function getBoolFeatureFlag(ffName, defaultValue) {
    if (defaultValue === void 0) { defaultValue = false; }
    var ffValue = process.env[ffName];
    if (!ffValue) {
        (0, exports.debug)("Feature flag ".concat(ffName, " not found. Returning ").concat(defaultValue, " as default."));
        return defaultValue;
    }
    (0, exports.debug)("Feature flag ".concat(ffName, " = ").concat(ffValue));
    return ffValue.toLowerCase() === "true";
}
exports.getBoolFeatureFlag = getBoolFeatureFlag;
/**
 * Gets the value of an task feature and converts to a bool.
 * @IMPORTANT This method is only for internal Microsoft development. Do not use it for external tasks.
 * @param     name     name of the feature to get.
 * @returns   boolean
 */
function getPipelineFeature(featureName) {
    var variableName = im._getVariableKey("DistributedTask.Tasks.".concat(featureName));
    var featureValue = process.env[variableName];
    if (!featureValue) {
        (0, exports.debug)("Feature '".concat(featureName, "' not found. Returning false as default."));
        return false;
    }
    var boolValue = featureValue.toLowerCase() === "true";
    (0, exports.debug)("Feature '".concat(featureName, "' = '").concat(featureValue, "'. Processed as '").concat(boolValue, "'."));
    return boolValue;
}
exports.getPipelineFeature = getPipelineFeature;
/**
 * Gets the value of an input and splits the value using a delimiter (space, comma, etc).
 * Empty values are removed.  This function is useful for splitting an input containing a simple
 * list of items - such as build targets.
 * IMPORTANT: Do not use this function for splitting additional args!  Instead use argString(), which
 * follows normal argument splitting rules and handles values encapsulated by quotes.
 * If required is true and the value is not set, it will throw.
 *
 * @param     name     name of the input to get
 * @param     delim    delimiter to split on
 * @param     required whether input is required.  optional, defaults to false
 * @returns   string[]
 */
function getDelimitedInput(name, delim, required) {
    var inputVal = getInput(name, required);
    if (!inputVal) {
        return [];
    }
    var result = [];
    inputVal.split(delim).forEach(function (x) {
        if (x) {
            result.push(x);
        }
    });
    return result;
}
exports.getDelimitedInput = getDelimitedInput;
/**
 * Checks whether a path inputs value was supplied by the user
 * File paths are relative with a picker, so an empty path is the root of the repo.
 * Useful if you need to condition work (like append an arg) if a value was supplied
 *
 * @param     name      name of the path input to check
 * @returns   boolean
 */
function filePathSupplied(name) {
    // normalize paths
    var pathValue = this.resolve(this.getPathInput(name) || '');
    var repoRoot = this.resolve((0, exports.getVariable)('build.sourcesDirectory') || (0, exports.getVariable)('system.defaultWorkingDirectory') || '');
    var supplied = pathValue !== repoRoot;
    (0, exports.debug)(name + 'path supplied :' + supplied);
    return supplied;
}
exports.filePathSupplied = filePathSupplied;
/**
 * Gets the value of a path input
 * It will be quoted for you if it isn't already and contains spaces
 * If required is true and the value is not set, it will throw.
 * If check is true and the path does not exist, it will throw.
 *
 * @param     name      name of the input to get
 * @param     required  whether input is required.  optional, defaults to false
 * @param     check     whether path is checked.  optional, defaults to false
 * @returns   string
 */
function getPathInput(name, required, check) {
    var inval = getInput(name, required);
    if (inval) {
        if (check) {
            (0, exports.checkPath)(inval, name);
        }
    }
    return inval;
}
exports.getPathInput = getPathInput;
/**
 * Gets the value of a path input
 * It will be quoted for you if it isn't already and contains spaces
 * If the value is not set, it will throw.
 * If check is true and the path does not exist, it will throw.
 *
 * @param     name      name of the input to get
 * @param     check     whether path is checked.  optional, defaults to false
 * @returns   string
 */
function getPathInputRequired(name, check) {
    return getPathInput(name, true, check);
}
exports.getPathInputRequired = getPathInputRequired;
//-----------------------------------------------------
// Endpoint Helpers
//-----------------------------------------------------
/**
 * Gets the url for a service endpoint
 * If the url was not set and is not optional, it will throw.
 *
 * @param     id        name of the service endpoint
 * @param     optional  whether the url is optional
 * @returns   string
 */
function getEndpointUrl(id, optional) {
    var urlval = process.env['ENDPOINT_URL_' + id];
    if (!optional && !urlval) {
        throw new Error((0, exports.loc)('LIB_EndpointNotExist', id));
    }
    (0, exports.debug)(id + '=' + urlval);
    return urlval;
}
exports.getEndpointUrl = getEndpointUrl;
/**
 * Gets the url for a service endpoint
 * If the url was not set, it will throw.
 *
 * @param     id        name of the service endpoint
 * @returns   string
 */
function getEndpointUrlRequired(id) {
    return getEndpointUrl(id, false);
}
exports.getEndpointUrlRequired = getEndpointUrlRequired;
/*
 * Gets the endpoint data parameter value with specified key for a service endpoint
 * If the endpoint data parameter was not set and is not optional, it will throw.
 *
 * @param id name of the service endpoint
 * @param key of the parameter
 * @param optional whether the endpoint data is optional
 * @returns {string} value of the endpoint data parameter
 */
function getEndpointDataParameter(id, key, optional) {
    var dataParamVal = process.env['ENDPOINT_DATA_' + id + '_' + key.toUpperCase()];
    if (!optional && !dataParamVal) {
        throw new Error((0, exports.loc)('LIB_EndpointDataNotExist', id, key));
    }
    (0, exports.debug)(id + ' data ' + key + ' = ' + dataParamVal);
    return dataParamVal;
}
exports.getEndpointDataParameter = getEndpointDataParameter;
/*
 * Gets the endpoint data parameter value with specified key for a service endpoint
 * If the endpoint data parameter was not set, it will throw.
 *
 * @param id name of the service endpoint
 * @param key of the parameter
 * @returns {string} value of the endpoint data parameter
 */
function getEndpointDataParameterRequired(id, key) {
    return getEndpointDataParameter(id, key, false);
}
exports.getEndpointDataParameterRequired = getEndpointDataParameterRequired;
/**
 * Gets the endpoint authorization scheme for a service endpoint
 * If the endpoint authorization scheme is not set and is not optional, it will throw.
 *
 * @param id name of the service endpoint
 * @param optional whether the endpoint authorization scheme is optional
 * @returns {string} value of the endpoint authorization scheme
 */
function getEndpointAuthorizationScheme(id, optional) {
    var authScheme = im._vault.retrieveSecret('ENDPOINT_AUTH_SCHEME_' + id);
    if (!optional && !authScheme) {
        throw new Error((0, exports.loc)('LIB_EndpointAuthNotExist', id));
    }
    (0, exports.debug)(id + ' auth scheme = ' + authScheme);
    return authScheme;
}
exports.getEndpointAuthorizationScheme = getEndpointAuthorizationScheme;
/**
 * Gets the endpoint authorization scheme for a service endpoint
 * If the endpoint authorization scheme is not set, it will throw.
 *
 * @param id name of the service endpoint
 * @returns {string} value of the endpoint authorization scheme
 */
function getEndpointAuthorizationSchemeRequired(id) {
    return getEndpointAuthorizationScheme(id, false);
}
exports.getEndpointAuthorizationSchemeRequired = getEndpointAuthorizationSchemeRequired;
/**
 * Gets the endpoint authorization parameter value for a service endpoint with specified key
 * If the endpoint authorization parameter is not set and is not optional, it will throw.
 *
 * @param id name of the service endpoint
 * @param key key to find the endpoint authorization parameter
 * @param optional optional whether the endpoint authorization scheme is optional
 * @returns {string} value of the endpoint authorization parameter value
 */
function getEndpointAuthorizationParameter(id, key, optional) {
    var authParam = im._vault.retrieveSecret('ENDPOINT_AUTH_PARAMETER_' + id + '_' + key.toUpperCase());
    if (!optional && !authParam) {
        throw new Error((0, exports.loc)('LIB_EndpointAuthNotExist', id));
    }
    (0, exports.debug)(id + ' auth param ' + key + ' = ' + authParam);
    return authParam;
}
exports.getEndpointAuthorizationParameter = getEndpointAuthorizationParameter;
/**
 * Gets the endpoint authorization parameter value for a service endpoint with specified key
 * If the endpoint authorization parameter is not set, it will throw.
 *
 * @param id name of the service endpoint
 * @param key key to find the endpoint authorization parameter
 * @returns {string} value of the endpoint authorization parameter value
 */
function getEndpointAuthorizationParameterRequired(id, key) {
    return getEndpointAuthorizationParameter(id, key, false);
}
exports.getEndpointAuthorizationParameterRequired = getEndpointAuthorizationParameterRequired;
/**
 * Gets the authorization details for a service endpoint
 * If the authorization was not set and is not optional, it will set the task result to Failed.
 *
 * @param     id        name of the service endpoint
 * @param     optional  whether the url is optional
 * @returns   string
 */
function getEndpointAuthorization(id, optional) {
    var aval = im._vault.retrieveSecret('ENDPOINT_AUTH_' + id);
    if (!optional && !aval) {
        setResult(TaskResult.Failed, (0, exports.loc)('LIB_EndpointAuthNotExist', id));
    }
    (0, exports.debug)(id + ' exists ' + (!!aval));
    var auth;
    try {
        if (aval) {
            auth = JSON.parse(aval);
        }
    }
    catch (err) {
        throw new Error((0, exports.loc)('LIB_InvalidEndpointAuth', aval));
    }
    return auth;
}
exports.getEndpointAuthorization = getEndpointAuthorization;
//-----------------------------------------------------
// SecureFile Helpers
//-----------------------------------------------------
/**
 * Gets the name for a secure file
 *
 * @param     id        secure file id
 * @returns   string
 */
function getSecureFileName(id) {
    var name = process.env['SECUREFILE_NAME_' + id];
    (0, exports.debug)('secure file name for id ' + id + ' = ' + name);
    return name;
}
exports.getSecureFileName = getSecureFileName;
/**
  * Gets the secure file ticket that can be used to download the secure file contents
  *
  * @param id name of the secure file
  * @returns {string} secure file ticket
  */
function getSecureFileTicket(id) {
    var ticket = im._vault.retrieveSecret('SECUREFILE_TICKET_' + id);
    (0, exports.debug)('secure file ticket for id ' + id + ' = ' + ticket);
    return ticket;
}
exports.getSecureFileTicket = getSecureFileTicket;
//-----------------------------------------------------
// Task Variable Helpers
//-----------------------------------------------------
/**
 * Gets a variable value that is set by previous step from the same wrapper task.
 * Requires a 2.115.0 agent or higher.
 *
 * @param     name     name of the variable to get
 * @returns   string
 */
function getTaskVariable(name) {
    assertAgent('2.115.0');
    var inval = im._vault.retrieveSecret('VSTS_TASKVARIABLE_' + im._getVariableKey(name));
    if (inval) {
        inval = inval.trim();
    }
    (0, exports.debug)('task variable: ' + name + '=' + inval);
    return inval;
}
exports.getTaskVariable = getTaskVariable;
/**
 * Sets a task variable which will only be available to subsequent steps belong to the same wrapper task.
 * Requires a 2.115.0 agent or higher.
 *
 * @param     name    name of the variable to set
 * @param     val     value to set
 * @param     secret  whether variable is secret.  optional, defaults to false
 * @returns   void
 */
function setTaskVariable(name, val, secret) {
    if (secret === void 0) { secret = false; }
    assertAgent('2.115.0');
    var key = im._getVariableKey(name);
    // store the value
    var varValue = val || '';
    (0, exports.debug)('set task variable: ' + name + '=' + (secret && varValue ? '********' : varValue));
    im._vault.storeSecret('VSTS_TASKVARIABLE_' + key, varValue);
    delete process.env[key];
    // write the command
    (0, exports.command)('task.settaskvariable', { 'variable': name || '', 'issecret': (secret || false).toString() }, varValue);
}
exports.setTaskVariable = setTaskVariable;
//-----------------------------------------------------
// Cmd Helpers
//-----------------------------------------------------
exports.command = im._command;
exports.warning = im._warning;
exports.error = im._error;
exports.debug = im._debug;
//-----------------------------------------------------
// Disk Functions
//-----------------------------------------------------
/**
 * Get's stat on a path.
 * Useful for checking whether a file or directory.  Also getting created, modified and accessed time.
 * see [fs.stat](https://nodejs.org/api/fs.html#fs_class_fs_stats)
 *
 * @param     path      path to check
 * @returns   fsStat
 */
function stats(path) {
    return fs.statSync(path);
}
exports.stats = stats;
exports.exist = im._exist;
function writeFile(file, data, options) {
    if (typeof (options) === 'string') {
        fs.writeFileSync(file, data, { encoding: options });
    }
    else {
        fs.writeFileSync(file, data, options);
    }
}
exports.writeFile = writeFile;
/**
 * @deprecated Use `getPlatform`
 * Useful for determining the host operating system.
 * see [os.type](https://nodejs.org/api/os.html#os_os_type)
 *
 * @return      the name of the operating system
 */
function osType() {
    return os.type();
}
exports.osType = osType;
/**
 * Determine the operating system the build agent is running on.
 * @returns {Platform}
 * @throws {Error} Platform is not supported by our agent
 */
function getPlatform() {
    switch (process.platform) {
        case 'win32': return Platform.Windows;
        case 'darwin': return Platform.MacOS;
        case 'linux': return Platform.Linux;
        default: throw Error((0, exports.loc)('LIB_PlatformNotSupported', process.platform));
    }
}
exports.getPlatform = getPlatform;
/**
 * Resolves major version of Node.js engine used by the agent.
 * @returns {Number} Node's major version.
 */
function getNodeMajorVersion() {
    var _a;
    var version = (_a = process === null || process === void 0 ? void 0 : process.versions) === null || _a === void 0 ? void 0 : _a.node;
    if (!version) {
        throw new Error((0, exports.loc)('LIB_UndefinedNodeVersion'));
    }
    var parts = version.split('.').map(Number);
    if (parts.length < 1) {
        return NaN;
    }
    return parts[0];
}
exports.getNodeMajorVersion = getNodeMajorVersion;
/**
 * Return hosted type of Agent
 * @returns {AgentHostedMode}
 */
function getAgentMode() {
    var agentCloudId = (0, exports.getVariable)('Agent.CloudId');
    if (agentCloudId === undefined)
        return AgentHostedMode.Unknown;
    if (agentCloudId)
        return AgentHostedMode.MsHosted;
    return AgentHostedMode.SelfHosted;
}
exports.getAgentMode = getAgentMode;
/**
 * Calculates sprint and week using the same cadence as whatsprintis.it.
 *
 * @param date Optional date to evaluate. Defaults to the current date/time.
 * @returns SprintInfo with `sprint` and `week` properties.
 */
function getSprint(date) {
    var targetDate = date || new Date();
    var elapsedDays = Math.floor((targetDate.getTime() - SPRINT_ONE_START_UTC_MS) / MILLISECONDS_PER_DAY);
    var sprintIndex = Math.floor(elapsedDays / DAYS_PER_SPRINT);
    var dayWithinSprint = ((elapsedDays % DAYS_PER_SPRINT) + DAYS_PER_SPRINT) % DAYS_PER_SPRINT;
    return {
        sprint: sprintIndex + 1,
        week: Math.floor(dayWithinSprint / DAYS_PER_WEEK) + 1
    };
}
exports.getSprint = getSprint;
/**
 * Returns the process's current working directory.
 * see [process.cwd](https://nodejs.org/api/process.html#process_process_cwd)
 *
 * @return      the path to the current working directory of the process
 */
function cwd() {
    return process.cwd();
}
exports.cwd = cwd;
exports.checkPath = im._checkPath;
/**
 * Change working directory.
 *
 * @param   {string} path - New working directory path
 * @returns {void}
 */
function cd(path) {
    if (path === '-') {
        if (!process.env.OLDPWD) {
            throw new Error((0, exports.loc)('LIB_NotFoundPreviousDirectory'));
        }
        else {
            path = process.env.OLDPWD;
        }
    }
    if (path === '~') {
        path = os.homedir();
    }
    if (!fs.existsSync(path)) {
        throw new Error((0, exports.loc)('LIB_PathNotFound', 'cd', path));
    }
    if (!fs.statSync(path).isDirectory()) {
        throw new Error((0, exports.loc)('LIB_PathIsNotADirectory', path));
    }
    try {
        var currentPath = process.cwd();
        process.chdir(path);
        process.env.OLDPWD = currentPath;
    }
    catch (error) {
        (0, exports.debug)((0, exports.loc)('LIB_OperationFailed', 'cd', error));
    }
}
exports.cd = cd;
var dirStack = [];
function getActualStack() {
    return [process.cwd()].concat(dirStack);
}
/**
 * Change working directory and push it on the stack
 *
 * @param   {string} dir - New working directory path
 * @returns {void}
 */
function pushd(dir) {
    if (dir === void 0) { dir = ''; }
    var dirs = getActualStack();
    var maybeIndex = parseInt(dir);
    if (dir === '+0') {
        return dirs;
    }
    else if (dir.length === 0) {
        if (dirs.length > 1) {
            dirs.splice.apply(dirs, __spreadArray([0, 0], dirs.splice(1, 1), false));
        }
        else {
            throw new Error((0, exports.loc)('LIB_DirectoryStackEmpty'));
        }
    }
    else if (!isNaN(maybeIndex)) {
        if (maybeIndex < dirStack.length + 1) {
            maybeIndex = dir.charAt(0) === '-' ? maybeIndex - 1 : maybeIndex;
        }
        dirs.splice.apply(dirs, __spreadArray([0, dirs.length], dirs.slice(maybeIndex).concat(dirs.slice(0, maybeIndex)), false));
    }
    else {
        dirs.unshift(dir);
    }
    var _path = path.resolve(dirs.shift());
    try {
        cd(_path);
    }
    catch (error) {
        if (!fs.existsSync(_path)) {
            throw new Error((0, exports.loc)('Not found', 'pushd', _path));
        }
        throw error;
    }
    dirStack.splice.apply(dirStack, __spreadArray([0, dirStack.length], dirs, false));
    return getActualStack();
}
exports.pushd = pushd;
/**
 * Change working directory back to previously pushed directory
 *
 * @param   {string} index - Index to remove from the stack
 * @returns {void}
 */
function popd(index) {
    if (index === void 0) { index = ''; }
    if (dirStack.length === 0) {
        throw new Error((0, exports.loc)('LIB_DirectoryStackEmpty'));
    }
    var maybeIndex = parseInt(index);
    if (isNaN(maybeIndex)) {
        maybeIndex = 0;
    }
    else if (maybeIndex < dirStack.length + 1) {
        maybeIndex = index.charAt(0) === '-' ? maybeIndex - 1 : maybeIndex;
    }
    if (maybeIndex > 0 || dirStack.length + maybeIndex === 0) {
        maybeIndex = maybeIndex > 0 ? maybeIndex - 1 : maybeIndex;
        dirStack.splice(maybeIndex, 1);
    }
    else {
        var _path = path.resolve(dirStack.shift());
        cd(_path);
    }
    return getActualStack();
}
exports.popd = popd;
/**
 * Make a directory. Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   {string} p - Path to create
 * @returns {void}
 */
function mkdirP(p) {
    if (!p) {
        throw new Error((0, exports.loc)('LIB_ParameterIsRequired', 'p'));
    }
    // build a stack of directories to create
    var stack = [];
    var testDir = p;
    while (true) {
        // validate the loop is not out of control
        if (stack.length >= Number(process.env['TASKLIB_TEST_MKDIRP_FAILSAFE'] || 1000)) {
            // let the framework throw
            (0, exports.debug)('loop is out of control');
            fs.mkdirSync(p);
            return;
        }
        (0, exports.debug)("testing directory '".concat(testDir, "'"));
        var stats_1 = void 0;
        try {
            stats_1 = fs.statSync(testDir);
        }
        catch (err) {
            if (err.code == 'ENOENT') {
                // validate the directory is not the drive root
                var parentDir = path.dirname(testDir);
                if (testDir == parentDir) {
                    throw new Error((0, exports.loc)('LIB_MkdirFailedInvalidDriveRoot', p, testDir)); // Unable to create directory '{p}'. Root directory does not exist: '{testDir}'
                }
                // push the dir and test the parent
                stack.push(testDir);
                testDir = parentDir;
                continue;
            }
            else if (err.code == 'UNKNOWN') {
                throw new Error((0, exports.loc)('LIB_MkdirFailedInvalidShare', p, testDir)); // Unable to create directory '{p}'. Unable to verify the directory exists: '{testDir}'. If directory is a file share, please verify the share name is correct, the share is online, and the current process has permission to access the share.
            }
            else {
                throw err;
            }
        }
        if (!stats_1.isDirectory()) {
            throw new Error((0, exports.loc)('LIB_MkdirFailedFileExists', p, testDir)); // Unable to create directory '{p}'. Conflicting file exists: '{testDir}'
        }
        // testDir exists
        break;
    }
    // create each directory
    while (stack.length) {
        var dir = stack.pop(); // non-null because `stack.length` was truthy
        (0, exports.debug)("mkdir '".concat(dir, "'"));
        try {
            fs.mkdirSync(dir);
        }
        catch (err) {
            throw new Error((0, exports.loc)('LIB_MkdirFailed', p, err.message)); // Unable to create directory '{p}'. {err.message}
        }
    }
}
exports.mkdirP = mkdirP;
/**
 * Resolves a sequence of paths or path segments into an absolute path.
 * Calls node.js path.resolve()
 * Allows L0 testing with consistent path formats on Mac/Linux and Windows in the mock implementation
 * @param pathSegments
 * @returns {string}
 */
function resolve() {
    var pathSegments = [];
    for (var _i = 0; _i < arguments.length; _i++) {
        pathSegments[_i] = arguments[_i];
    }
    var absolutePath = path.resolve.apply(this, pathSegments);
    (0, exports.debug)('Absolute path for pathSegments: ' + pathSegments + ' = ' + absolutePath);
    return absolutePath;
}
exports.resolve = resolve;
exports.which = im._which;
/**
 * Returns array of files in the given path, or in current directory if no path provided.
 * @param  {unknown}   optionsOrPaths  - Available options: -R (recursive), -A (all files, include files beginning with ., except for . and ..)
 * @param  {unknown[]} paths           - Paths to search.
 * @return {string[]}                  - An array of files in the given path(s).
 */
function ls(optionsOrPaths) {
    var paths = [];
    for (var _i = 1; _i < arguments.length; _i++) {
        paths[_i - 1] = arguments[_i];
    }
    var isRecursive = false;
    var includeHidden = false;
    if (typeof optionsOrPaths === 'string' && optionsOrPaths.startsWith('-')) {
        var options = String(optionsOrPaths).toLowerCase();
        isRecursive = options.includes('r');
        includeHidden = options.includes('a');
    }
    if (Array.isArray(paths)) {
        paths = flattenArray(paths);
    }
    // If the first argument is not options, then it is a path
    if (typeof optionsOrPaths !== 'string' || !optionsOrPaths.startsWith('-')) {
        var pathsFromOptions = [];
        if (Array.isArray(optionsOrPaths)) {
            pathsFromOptions = optionsOrPaths;
        }
        else if (optionsOrPaths && typeof optionsOrPaths === 'string') {
            pathsFromOptions = [optionsOrPaths];
        }
        if (paths === undefined || paths.length === 0) {
            paths = pathsFromOptions;
        }
        else {
            paths.push.apply(paths, pathsFromOptions);
        }
    }
    if (paths.length === 0) {
        paths.push(path.resolve('.'));
    }
    var pathsCopy = __spreadArray([], paths, true);
    var preparedPaths = [];
    var fileEntries = [];
    try {
        var remainingPaths = [];
        while (paths.length > 0) {
            var pathEntry = resolve(paths.shift());
            if (pathEntry === null || pathEntry === void 0 ? void 0 : pathEntry.includes('*')) {
                remainingPaths.push(pathEntry);
                continue;
            }
            var stats_2 = fs.lstatSync(pathEntry);
            if (stats_2.isFile()) {
                var fileName = path.basename(pathEntry);
                fileEntries.push(fileName);
            }
            else {
                remainingPaths.push(pathEntry);
            }
        }
        paths.push.apply(paths, remainingPaths);
        var _loop_1 = function () {
            var pathEntry = resolve(paths.shift());
            if (pathEntry === null || pathEntry === void 0 ? void 0 : pathEntry.includes('*')) {
                paths.push.apply(paths, findMatch(path.dirname(pathEntry), [path.basename(pathEntry)]));
                return "continue";
            }
            if (fs.lstatSync(pathEntry).isDirectory()) {
                preparedPaths.push.apply(preparedPaths, fs.readdirSync(pathEntry).map(function (file) { return path.join(pathEntry, file); }));
            }
            else {
                preparedPaths.push(pathEntry);
            }
        };
        while (paths.length > 0) {
            _loop_1();
        }
        var entries = [];
        var _loop_2 = function () {
            var entry = preparedPaths.shift();
            var entrybasename = path.basename(entry);
            if (entry === null || entry === void 0 ? void 0 : entry.includes('*')) {
                preparedPaths.push.apply(preparedPaths, findMatch(path.dirname(entry), [entrybasename]));
                return "continue";
            }
            if (!includeHidden && entrybasename.startsWith('.') && entrybasename !== '.' && entrybasename !== '..') {
                return "continue";
            }
            var baseDir = safeFind(pathsCopy, function (p) { return entry.startsWith(path.resolve(p)); }) || path.resolve('.');
            if (fs.lstatSync(entry).isDirectory() && isRecursive) {
                preparedPaths.push.apply(preparedPaths, fs.readdirSync(entry).map(function (x) { return path.join(entry, x); }));
                entries.push(path.relative(baseDir, entry));
            }
            else {
                entries.push(path.relative(baseDir, entry));
            }
        };
        while (preparedPaths.length > 0) {
            _loop_2();
        }
        var finalResults = __spreadArray(__spreadArray([], fileEntries, true), entries, true);
        return finalResults;
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            throw new Error((0, exports.loc)('LIB_PathNotFound', 'ls', error.message));
        }
        else {
            throw new Error((0, exports.loc)('LIB_OperationFailed', 'ls', error));
        }
    }
}
exports.ls = ls;
function flattenArray(arr) {
    return arr.reduce(function (flat, toFlatten) {
        return flat.concat(Array.isArray(toFlatten) ? flattenArray(toFlatten) : toFlatten);
    }, []);
}
/**
 * Copies a file or folder.
 * @param   {string}  sourceOrOptions          - Either the source path or an option string '-r', '-f' , '-n' or '-rfn' for recursive, force and no-clobber.
 * @param   {string}  destinationOrSource      - Destination path or the source path.
 * @param   {string}  [optionsOrDestination]   - Options string or the destination path.
 * @param   {boolean} [continueOnError=false]  - Optional. Whether to continue on error.
 * @param   {number}  [retryCount=0]           - Optional. Retry count to copy the file. It might help to resolve intermittent issues e.g. with UNC target paths on a remote host.
 * @returns {void}
 */
function cp(sourceOrOptions, destinationOrSource, optionsOrDestination, continueOnError, retryCount) {
    if (continueOnError === void 0) { continueOnError = false; }
    if (retryCount === void 0) { retryCount = 0; }
    retry(function () {
        var recursive = false;
        var force = true;
        var source = String(sourceOrOptions);
        var destination = destinationOrSource;
        var options = '';
        if (typeof sourceOrOptions === 'string' && sourceOrOptions.startsWith('-')) {
            options = sourceOrOptions.toLowerCase();
            recursive = options.includes('r');
            force = !options.includes('n');
            source = destinationOrSource;
            destination = String(optionsOrDestination);
        }
        else if (typeof optionsOrDestination === 'string' && optionsOrDestination && optionsOrDestination.startsWith('-')) {
            options = optionsOrDestination.toLowerCase();
            recursive = options.includes('r');
            force = !options.includes('n');
            source = String(sourceOrOptions);
            destination = destinationOrSource;
        }
        if (!fs.existsSync(destination) && !force) {
            throw new Error((0, exports.loc)('LIB_PathNotFound', 'cp', destination));
        }
        var isPattern = /[*?{\[]/.test(source) || /[@+!]\(/.test(source);
        if (isPattern) {
            var defaultRoot = (0, exports.getVariable)('system.defaultWorkingDirectory') || process.cwd();
            var matches = findMatch(defaultRoot, [source], undefined, { nonegate: true, nocomment: true });
            var resolvedMatches = matches.filter(function (src) { return path.resolve(src) !== path.resolve(source); });
            for (var _i = 0, resolvedMatches_1 = resolvedMatches; _i < resolvedMatches_1.length; _i++) {
                var src = resolvedMatches_1[_i];
                cp(src, destination, options, continueOnError, retryCount);
            }
            if (matches.length > 0 && resolvedMatches.length === matches.length) {
                return;
            }
            if (matches.length === 0) {
                (0, exports.debug)("No matches found for the pattern: ".concat(source, ". Fallback to check for the literal path."));
            }
        }
        var lstatSource = fs.lstatSync(source);
        if (!recursive && lstatSource.isDirectory()) {
            throw new Error((0, exports.loc)('LIB_CopyDirectoryWithoutRecursiveOption', source));
        }
        if (!force && fs.existsSync(destination)) {
            return;
        }
        try {
            if (fs.existsSync(destination) && fs.lstatSync(destination).isDirectory()) {
                destination = path.join(destination, path.basename(source));
            }
            copyWithPreservedSymlinks(source, destination, force);
        }
        catch (error) {
            throw new Error((0, exports.loc)('LIB_OperationFailed', 'cp', error));
        }
    }, [], { retryCount: retryCount, continueOnError: continueOnError });
}
exports.cp = cp;
var copyWithPreservedSymlinks = function (source, destination, force) {
    var lstatSource = fs.lstatSync(source);
    if (lstatSource.isSymbolicLink()) {
        var symlinkTarget = fs.readlinkSync(source);
        if (force && fs.existsSync(destination)) {
            var destStats = fs.lstatSync(destination);
            if (destStats.isSymbolicLink()) {
                fs.unlinkSync(destination);
            }
            else {
                fs.rmSync(destination, { recursive: true, force: true });
            }
        }
        fs.symlinkSync(symlinkTarget, destination);
    }
    else if (lstatSource.isFile()) {
        if (force) {
            fs.copyFileSync(source, destination);
        }
        else {
            fs.copyFileSync(source, destination, fs.constants.COPYFILE_EXCL);
        }
    }
    else {
        var entries = fs.readdirSync(source, { withFileTypes: true });
        if (!fs.existsSync(destination)) {
            fs.mkdirSync(destination, { recursive: true });
        }
        for (var _i = 0, entries_1 = entries; _i < entries_1.length; _i++) {
            var entry = entries_1[_i];
            var srcPath = path.join(source, entry.name);
            var destPath = path.join(destination, entry.name);
            copyWithPreservedSymlinks(srcPath, destPath, force);
        }
    }
};
/**
 * Moves a path.
 *
 * @param  {string}              source            - Source path.
 * @param  {string}              dest              - Destination path.
 * @param  {MoveOptionsVariants} [options]         - Option string -f or -n for force and no clobber.
 * @param  {boolean}             [continueOnError] - Optional. Whether to continue on error.
 * @returns {void}
 */
function mv(source, dest, options, continueOnError) {
    var force = false;
    if (options && typeof options === 'string' && options.startsWith('-')) {
        var lowercasedOptions = String(options).toLowerCase();
        force = lowercasedOptions.includes('f') && !lowercasedOptions.includes('n');
    }
    var sourceExists = fs.existsSync(source);
    var destExists = fs.existsSync(dest);
    var sources = [];
    try {
        if (!sourceExists) {
            if (source.includes('*')) {
                sources.push.apply(sources, findMatch(path.resolve(path.dirname(source)), [path.basename(source)]));
            }
            else {
                throw new Error((0, exports.loc)('LIB_PathNotFound', 'mv', source));
            }
        }
        else {
            sources.push(source);
        }
        if (destExists && !force) {
            throw new Error("File already exists at ".concat(dest));
        }
        for (var _i = 0, sources_1 = sources; _i < sources_1.length; _i++) {
            var source_1 = sources_1[_i];
            fs.renameSync(source_1, dest);
        }
    }
    catch (error) {
        (0, exports.debug)('mv failed');
        var errMsg = (0, exports.loc)('LIB_OperationFailed', 'mv', error);
        (0, exports.debug)(errMsg);
        if (!continueOnError) {
            throw new Error(errMsg);
        }
    }
}
exports.mv = mv;
/**
 * Tries to execute a function a specified number of times.
 *
 * @param   func            a function to be executed.
 * @param   args            executed function arguments array.
 * @param   retryOptions    optional. Defaults to { continueOnError: false, retryCount: 0 }.
 * @returns the same as the usual function.
 */
function retry(func, args, retryOptions) {
    if (retryOptions === void 0) { retryOptions = { continueOnError: false, retryCount: 0 }; }
    while (retryOptions.retryCount >= 0) {
        try {
            return func.apply(void 0, args);
        }
        catch (e) {
            if (retryOptions.retryCount <= 0) {
                if (retryOptions.continueOnError) {
                    (0, exports.warning)(e, exports.IssueSource.TaskInternal);
                    break;
                }
                else {
                    throw e;
                }
            }
            else {
                (0, exports.debug)("Attempt to execute function \"".concat(func === null || func === void 0 ? void 0 : func.name, "\" failed, retries left: ").concat(retryOptions.retryCount));
                retryOptions.retryCount--;
            }
        }
    }
}
exports.retry = retry;
/**
 * Gets info about item stats.
 *
 * @param path                      a path to the item to be processed.
 * @param followSymbolicLink        indicates whether to traverse descendants of symbolic link directories.
 * @param allowBrokenSymbolicLinks  when true, broken symbolic link will not cause an error.
 * @returns fs.Stats
 */
function _getStats(path, followSymbolicLink, allowBrokenSymbolicLinks) {
    // stat returns info about the target of a symlink (or symlink chain),
    // lstat returns info about a symlink itself
    var stats;
    if (followSymbolicLink) {
        try {
            // use stat (following symlinks)
            stats = fs.statSync(path);
        }
        catch (err) {
            if (err.code == 'ENOENT' && allowBrokenSymbolicLinks) {
                // fallback to lstat (broken symlinks allowed)
                stats = fs.lstatSync(path);
                (0, exports.debug)("  ".concat(path, " (broken symlink)"));
            }
            else {
                throw err;
            }
        }
    }
    else {
        // use lstat (not following symlinks)
        stats = fs.lstatSync(path);
    }
    return stats;
}
/**
 * Recursively finds all paths a given path. Returns an array of paths.
 *
 * @param     findPath  path to search
 * @param     options   optional. defaults to { followSymbolicLinks: true }. following soft links is generally appropriate unless deleting files.
 * @returns   string[]
 */
function find(findPath, options) {
    if (!findPath) {
        (0, exports.debug)('no path specified');
        return [];
    }
    // normalize the path, otherwise the first result is inconsistently formatted from the rest of the results
    // because path.join() performs normalization.
    findPath = path.normalize(findPath);
    // debug trace the parameters
    (0, exports.debug)("findPath: '".concat(findPath, "'"));
    options = options || _getDefaultFindOptions();
    _debugFindOptions(options);
    // return empty if not exists
    try {
        fs.lstatSync(findPath);
    }
    catch (err) {
        if (err.code == 'ENOENT') {
            (0, exports.debug)('0 results');
            return [];
        }
        throw err;
    }
    try {
        var result = [];
        // push the first item
        var stack = [new _FindItem(findPath, 1)];
        var traversalChain = []; // used to detect cycles
        var _loop_3 = function () {
            // pop the next item and push to the result array
            var item = stack.pop(); // non-null because `stack.length` was truthy
            var stats_3 = void 0;
            try {
                // `item.path` equals `findPath` for the first item to be processed, when the `result` array is empty
                var isPathToSearch = !result.length;
                // following specified symlinks only if current path equals specified path
                var followSpecifiedSymbolicLink = options.followSpecifiedSymbolicLink && isPathToSearch;
                // following all symlinks or following symlink for the specified path
                var followSymbolicLink = options.followSymbolicLinks || followSpecifiedSymbolicLink;
                // stat the item. The stat info is used further below to determine whether to traverse deeper
                stats_3 = _getStats(item.path, followSymbolicLink, options.allowBrokenSymbolicLinks);
            }
            catch (err) {
                if (err.code == 'ENOENT' && options.skipMissingFiles) {
                    (0, exports.warning)("No such file or directory: \"".concat(item.path, "\" - skipping."), exports.IssueSource.TaskInternal);
                    return "continue";
                }
                throw err;
            }
            result.push(item.path);
            // note, isDirectory() returns false for the lstat of a symlink
            if (stats_3.isDirectory()) {
                (0, exports.debug)("  ".concat(item.path, " (directory)"));
                if (options.followSymbolicLinks) {
                    // get the realpath
                    var realPath_1;
                    if (im._isUncPath(item.path)) {
                        // Sometimes there are spontaneous issues when working with unc-paths, so retries have been added for them.
                        realPath_1 = retry(fs.realpathSync, [item.path], { continueOnError: false, retryCount: 5 });
                    }
                    else {
                        realPath_1 = fs.realpathSync(item.path);
                    }
                    // fixup the traversal chain to match the item level
                    while (traversalChain.length >= item.level) {
                        traversalChain.pop();
                    }
                    // test for a cycle
                    if (traversalChain.some(function (x) { return x == realPath_1; })) {
                        (0, exports.debug)('    cycle detected');
                        return "continue";
                    }
                    // update the traversal chain
                    traversalChain.push(realPath_1);
                }
                // push the child items in reverse onto the stack
                var childLevel_1 = item.level + 1;
                var childItems = fs.readdirSync(item.path)
                    .map(function (childName) { return new _FindItem(path.join(item.path, childName), childLevel_1); });
                for (var i = childItems.length - 1; i >= 0; i--) {
                    stack.push(childItems[i]);
                }
            }
            else {
                (0, exports.debug)("  ".concat(item.path, " (file)"));
            }
        };
        while (stack.length) {
            _loop_3();
        }
        (0, exports.debug)("".concat(result.length, " results"));
        return result;
    }
    catch (err) {
        throw new Error((0, exports.loc)('LIB_OperationFailed', 'find', err.message));
    }
}
exports.find = find;
var _FindItem = /** @class */ (function () {
    function _FindItem(path, level) {
        this.path = path;
        this.level = level;
    }
    return _FindItem;
}());
function _debugFindOptions(options) {
    (0, exports.debug)("findOptions.allowBrokenSymbolicLinks: '".concat(options.allowBrokenSymbolicLinks, "'"));
    (0, exports.debug)("findOptions.followSpecifiedSymbolicLink: '".concat(options.followSpecifiedSymbolicLink, "'"));
    (0, exports.debug)("findOptions.followSymbolicLinks: '".concat(options.followSymbolicLinks, "'"));
    (0, exports.debug)("findOptions.skipMissingFiles: '".concat(options.skipMissingFiles, "'"));
}
function _getDefaultFindOptions() {
    return {
        allowBrokenSymbolicLinks: false,
        followSpecifiedSymbolicLink: true,
        followSymbolicLinks: true,
        skipMissingFiles: false
    };
}
/**
 * Prefer tl.find() and tl.match() instead. This function is for backward compatibility
 * when porting tasks to Node from the PowerShell or PowerShell3 execution handler.
 *
 * @param    rootDirectory      path to root unrooted patterns with
 * @param    pattern            include and exclude patterns
 * @param    includeFiles       whether to include files in the result. defaults to true when includeFiles and includeDirectories are both false
 * @param    includeDirectories whether to include directories in the result
 * @returns  string[]
 */
function legacyFindFiles(rootDirectory, pattern, includeFiles, includeDirectories) {
    if (!pattern) {
        throw new Error('pattern parameter cannot be empty');
    }
    (0, exports.debug)("legacyFindFiles rootDirectory: '".concat(rootDirectory, "'"));
    (0, exports.debug)("pattern: '".concat(pattern, "'"));
    (0, exports.debug)("includeFiles: '".concat(includeFiles, "'"));
    (0, exports.debug)("includeDirectories: '".concat(includeDirectories, "'"));
    if (!includeFiles && !includeDirectories) {
        includeFiles = true;
    }
    // organize the patterns into include patterns and exclude patterns
    var includePatterns = [];
    var excludePatterns = [];
    pattern = pattern.replace(/;;/g, '\0');
    for (var _i = 0, _a = pattern.split(';'); _i < _a.length; _i++) {
        var pat = _a[_i];
        if (!pat) {
            continue;
        }
        pat = pat.replace(/\0/g, ';');
        // determine whether include pattern and remove any include/exclude prefix.
        // include patterns start with +: or anything other than -:
        // exclude patterns start with -:
        var isIncludePattern = void 0;
        if (im._startsWith(pat, '+:')) {
            pat = pat.substring(2);
            isIncludePattern = true;
        }
        else if (im._startsWith(pat, '-:')) {
            pat = pat.substring(2);
            isIncludePattern = false;
        }
        else {
            isIncludePattern = true;
        }
        // validate pattern does not end with a slash
        if (im._endsWith(pat, '/') || (process.platform == 'win32' && im._endsWith(pat, '\\'))) {
            throw new Error((0, exports.loc)('LIB_InvalidPattern', pat));
        }
        // root the pattern
        if (rootDirectory && !path.isAbsolute(pat)) {
            pat = path.join(rootDirectory, pat);
            // remove trailing slash sometimes added by path.join() on Windows, e.g.
            //      path.join('\\\\hello', 'world') => '\\\\hello\\world\\'
            //      path.join('//hello', 'world') => '\\\\hello\\world\\'
            if (im._endsWith(pat, '\\')) {
                pat = pat.substring(0, pat.length - 1);
            }
        }
        if (isIncludePattern) {
            includePatterns.push(pat);
        }
        else {
            excludePatterns.push(im._legacyFindFiles_convertPatternToRegExp(pat));
        }
    }
    // find and apply patterns
    var count = 0;
    var result = _legacyFindFiles_getMatchingItems(includePatterns, excludePatterns, !!includeFiles, !!includeDirectories);
    (0, exports.debug)('all matches:');
    for (var _b = 0, result_1 = result; _b < result_1.length; _b++) {
        var resultItem = result_1[_b];
        (0, exports.debug)(' ' + resultItem);
    }
    (0, exports.debug)('total matched: ' + result.length);
    return result;
}
exports.legacyFindFiles = legacyFindFiles;
function _legacyFindFiles_getMatchingItems(includePatterns, excludePatterns, includeFiles, includeDirectories) {
    (0, exports.debug)('getMatchingItems()');
    for (var _i = 0, includePatterns_1 = includePatterns; _i < includePatterns_1.length; _i++) {
        var pattern = includePatterns_1[_i];
        (0, exports.debug)("includePattern: '".concat(pattern, "'"));
    }
    for (var _a = 0, excludePatterns_1 = excludePatterns; _a < excludePatterns_1.length; _a++) {
        var pattern = excludePatterns_1[_a];
        (0, exports.debug)("excludePattern: ".concat(pattern));
    }
    (0, exports.debug)('includeFiles: ' + includeFiles);
    (0, exports.debug)('includeDirectories: ' + includeDirectories);
    var allFiles = {};
    var _loop_4 = function (pattern) {
        // determine the directory to search
        //
        // note, getDirectoryName removes redundant path separators
        var findPath = void 0;
        var starIndex = pattern.indexOf('*');
        var questionIndex = pattern.indexOf('?');
        if (starIndex < 0 && questionIndex < 0) {
            // if no wildcards are found, use the directory name portion of the path.
            // if there is no directory name (file name only in pattern or drive root),
            // this will return empty string.
            findPath = im._getDirectoryName(pattern);
        }
        else {
            // extract the directory prior to the first wildcard
            var index = Math.min(starIndex >= 0 ? starIndex : questionIndex, questionIndex >= 0 ? questionIndex : starIndex);
            findPath = im._getDirectoryName(pattern.substring(0, index));
        }
        // note, due to this short-circuit and the above usage of getDirectoryName, this
        // function has the same limitations regarding drive roots as the powershell
        // implementation.
        //
        // also note, since getDirectoryName eliminates slash redundancies, some additional
        // work may be required if removal of this limitation is attempted.
        if (!findPath) {
            return "continue";
        }
        var patternRegex = im._legacyFindFiles_convertPatternToRegExp(pattern);
        // find files/directories
        var items = find(findPath, { followSymbolicLinks: true })
            .filter(function (item) {
            if (includeFiles && includeDirectories) {
                return true;
            }
            var isDir = fs.statSync(item).isDirectory();
            return (includeFiles && !isDir) || (includeDirectories && isDir);
        })
            .forEach(function (item) {
            var normalizedPath = process.platform == 'win32' ? item.replace(/\\/g, '/') : item; // normalize separators
            // **/times/** will not match C:/fun/times because there isn't a trailing slash
            // so try both if including directories
            var alternatePath = "".concat(normalizedPath, "/"); // potential bug: it looks like this will result in a false
            // positive if the item is a regular file and not a directory
            var isMatch = false;
            if (patternRegex.test(normalizedPath) || (includeDirectories && patternRegex.test(alternatePath))) {
                isMatch = true;
                // test whether the path should be excluded
                for (var _i = 0, excludePatterns_2 = excludePatterns; _i < excludePatterns_2.length; _i++) {
                    var regex = excludePatterns_2[_i];
                    if (regex.test(normalizedPath) || (includeDirectories && regex.test(alternatePath))) {
                        isMatch = false;
                        break;
                    }
                }
            }
            if (isMatch) {
                allFiles[item] = item;
            }
        });
    };
    for (var _b = 0, includePatterns_2 = includePatterns; _b < includePatterns_2.length; _b++) {
        var pattern = includePatterns_2[_b];
        _loop_4(pattern);
    }
    return Object.keys(allFiles).sort();
}
/**
 * Remove a path recursively with force
 *
 * @param  {string} inputPath - Path to remove
 * @return {void}
 * @throws When the file or directory exists but could not be deleted.
 */
function rmRF(inputPath) {
    (0, exports.debug)('rm -rf ' + inputPath);
    if (getPlatform() == Platform.Windows) {
        // Node doesn't provide a delete operation, only an unlink function. This means that if the file is being used by another
        // program (e.g. antivirus), it won't be deleted. To address this, we shell out the work to rd/del.
        try {
            var lstats = fs.lstatSync(inputPath);
            if (lstats.isDirectory() && !lstats.isSymbolicLink()) {
                (0, exports.debug)('removing directory ' + inputPath);
                childProcess.execFileSync("cmd.exe", ["/c", "rd", "/s", "/q", im._normalizeSeparators(inputPath)]);
            }
            else if (lstats.isSymbolicLink()) {
                (0, exports.debug)('removing symbolic link ' + inputPath);
                var realPath = fs.readlinkSync(inputPath);
                if (fs.existsSync(realPath)) {
                    var stats_4 = fs.statSync(realPath);
                    if (stats_4.isDirectory()) {
                        childProcess.execFileSync("cmd.exe", ["/c", "rd", "/s", "/q", im._normalizeSeparators(realPath)]);
                        fs.unlinkSync(inputPath);
                    }
                    else {
                        fs.unlinkSync(inputPath);
                    }
                }
                else {
                    (0, exports.debug)("Symbolic link '".concat(inputPath, "' points to a non-existing target '").concat(realPath, "'. Removing the symbolic link."));
                    fs.unlinkSync(inputPath);
                }
            }
            else {
                (0, exports.debug)('removing file ' + inputPath);
                childProcess.execFileSync("cmd.exe", ["/c", "del", "/f", "/a", im._normalizeSeparators(inputPath)]);
            }
        }
        catch (err) {
            (0, exports.debug)('Error: ' + err.message);
            if (err.code != 'ENOENT') {
                throw new Error((0, exports.loc)('LIB_OperationFailed', 'rmRF', err.message));
            }
        }
    }
    else {
        var lstats = void 0;
        try {
            if (inputPath.includes('*')) {
                var entries = findMatch(path.dirname(inputPath), [path.basename(inputPath)]);
                for (var _i = 0, entries_2 = entries; _i < entries_2.length; _i++) {
                    var entry = entries_2[_i];
                    rmRF(entry);
                }
            }
            else {
                lstats = fs.lstatSync(inputPath);
                if (lstats.isDirectory() && !lstats.isSymbolicLink()) {
                    (0, exports.debug)('removing directory ' + inputPath);
                    fs.rmSync(inputPath, { recursive: true, force: true });
                }
                else if (lstats.isSymbolicLink()) {
                    (0, exports.debug)('removing symbolic link ' + inputPath);
                    var realPath = fs.readlinkSync(inputPath);
                    if (fs.existsSync(realPath)) {
                        var stats_5 = fs.statSync(realPath);
                        if (stats_5.isDirectory()) {
                            fs.rmSync(realPath, { recursive: true, force: true });
                            fs.unlinkSync(inputPath);
                        }
                        else {
                            fs.unlinkSync(inputPath);
                        }
                    }
                    else {
                        (0, exports.debug)("Symbolic link '".concat(inputPath, "' points to a non-existing target '").concat(realPath, "'. Removing the symbolic link."));
                        fs.unlinkSync(inputPath);
                    }
                }
                else {
                    (0, exports.debug)('removing file ' + inputPath);
                    fs.unlinkSync(inputPath);
                }
            }
        }
        catch (err) {
            (0, exports.debug)('Error: ' + err.message);
            if (err.code != 'ENOENT') {
                throw new Error((0, exports.loc)('LIB_OperationFailed', 'rmRF', err.message));
            }
        }
    }
}
exports.rmRF = rmRF;
/**
 * Exec a tool.  Convenience wrapper over ToolRunner to exec with args in one call.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     tool     path to tool to exec
 * @param     args     an arg string or array of args
 * @param     options  optional exec options.  See IExecOptions
 * @returns   number
 */
function execAsync(tool, args, options) {
    var tr = this.tool(tool);
    if (args) {
        if (args instanceof Array) {
            tr.arg(args);
        }
        else if (typeof (args) === 'string') {
            tr.line(args);
        }
    }
    return tr.execAsync(options);
}
exports.execAsync = execAsync;
/**
 * Exec a tool.  Convenience wrapper over ToolRunner to exec with args in one call.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @deprecated Use the {@link execAsync} method that returns a native Javascript Promise instead
 * @param     tool     path to tool to exec
 * @param     args     an arg string or array of args
 * @param     options  optional exec options.  See IExecOptions
 * @returns   number
 */
function exec(tool, args, options) {
    var tr = this.tool(tool);
    if (args) {
        if (args instanceof Array) {
            tr.arg(args);
        }
        else if (typeof (args) === 'string') {
            tr.line(args);
        }
    }
    return tr.exec(options);
}
exports.exec = exec;
/**
 * Exec a tool synchronously.  Convenience wrapper over ToolRunner to execSync with args in one call.
 * Output will be *not* be streamed to the live console.  It will be returned after execution is complete.
 * Appropriate for short running tools
 * Returns IExecResult with output and return code
 *
 * @param     tool     path to tool to exec
 * @param     args     an arg string or array of args
 * @param     options  optional exec options.  See IExecSyncOptions
 * @returns   IExecSyncResult
 */
function execSync(tool, args, options) {
    var tr = this.tool(tool);
    if (args) {
        if (args instanceof Array) {
            tr.arg(args);
        }
        else if (typeof (args) === 'string') {
            tr.line(args);
        }
    }
    return tr.execSync(options);
}
exports.execSync = execSync;
/**
 * Convenience factory to create a ToolRunner.
 *
 * @param     tool     path to tool to exec
 * @returns   ToolRunner
 */
function tool(tool) {
    var tr = new trm.ToolRunner(tool);
    tr.on('debug', function (message) {
        (0, exports.debug)(message);
    });
    return tr;
}
exports.tool = tool;
/**
 * Applies glob patterns to a list of paths. Supports interleaved exclude patterns.
 *
 * @param  list         array of paths
 * @param  patterns     patterns to apply. supports interleaved exclude patterns.
 * @param  patternRoot  optional. default root to apply to unrooted patterns. not applied to basename-only patterns when matchBase:true.
 * @param  options      optional. defaults to { dot: true, nobrace: true, nocase: process.platform == 'win32' }.
 */
function match(list, patterns, patternRoot, options) {
    // trace parameters
    (0, exports.debug)("patternRoot: '".concat(patternRoot, "'"));
    options = options || _getDefaultMatchOptions(); // default match options
    _debugMatchOptions(options);
    // convert pattern to an array
    if (typeof patterns == 'string') {
        patterns = [patterns];
    }
    // hashtable to keep track of matches
    var map = {};
    var originalOptions = options;
    for (var _i = 0, patterns_1 = patterns; _i < patterns_1.length; _i++) {
        var pattern = patterns_1[_i];
        (0, exports.debug)("pattern: '".concat(pattern, "'"));
        // trim and skip empty
        pattern = (pattern || '').trim();
        if (!pattern) {
            (0, exports.debug)('skipping empty pattern');
            continue;
        }
        // clone match options
        var options_1 = im._cloneMatchOptions(originalOptions);
        // skip comments
        if (!options_1.nocomment && im._startsWith(pattern, '#')) {
            (0, exports.debug)('skipping comment');
            continue;
        }
        // set nocomment - brace expansion could result in a leading '#'
        options_1.nocomment = true;
        // determine whether pattern is include or exclude
        var negateCount = 0;
        if (!options_1.nonegate) {
            while (pattern.charAt(negateCount) == '!') {
                negateCount++;
            }
            pattern = pattern.substring(negateCount); // trim leading '!'
            if (negateCount) {
                (0, exports.debug)("trimmed leading '!'. pattern: '".concat(pattern, "'"));
            }
        }
        var isIncludePattern = negateCount == 0 ||
            (negateCount % 2 == 0 && !options_1.flipNegate) ||
            (negateCount % 2 == 1 && options_1.flipNegate);
        // set nonegate - brace expansion could result in a leading '!'
        options_1.nonegate = true;
        options_1.flipNegate = false;
        // expand braces - required to accurately root patterns
        var expanded = void 0;
        var preExpanded = pattern;
        if (options_1.nobrace) {
            expanded = [pattern];
        }
        else {
            // convert slashes on Windows before calling braceExpand(). unfortunately this means braces cannot
            // be escaped on Windows, this limitation is consistent with current limitations of minimatch (3.0.3).
            (0, exports.debug)('expanding braces');
            var convertedPattern = process.platform == 'win32' ? pattern.replace(/\\/g, '/') : pattern;
            expanded = minimatch.braceExpand(convertedPattern);
        }
        // set nobrace
        options_1.nobrace = true;
        for (var _a = 0, expanded_1 = expanded; _a < expanded_1.length; _a++) {
            var pattern_1 = expanded_1[_a];
            if (expanded.length != 1 || pattern_1 != preExpanded) {
                (0, exports.debug)("pattern: '".concat(pattern_1, "'"));
            }
            // trim and skip empty
            pattern_1 = (pattern_1 || '').trim();
            if (!pattern_1) {
                (0, exports.debug)('skipping empty pattern');
                continue;
            }
            // root the pattern when all of the following conditions are true:
            if (patternRoot && // patternRoot supplied
                !im._isRooted(pattern_1) && // AND pattern not rooted
                // AND matchBase:false or not basename only
                (!options_1.matchBase || (process.platform == 'win32' ? pattern_1.replace(/\\/g, '/') : pattern_1).indexOf('/') >= 0)) {
                pattern_1 = im._ensureRooted(patternRoot, pattern_1);
                (0, exports.debug)("rooted pattern: '".concat(pattern_1, "'"));
            }
            if (isIncludePattern) {
                // apply the pattern
                (0, exports.debug)('applying include pattern against original list');
                var matchResults = minimatch.match(list, pattern_1, options_1);
                (0, exports.debug)(matchResults.length + ' matches');
                // union the results
                for (var _b = 0, matchResults_1 = matchResults; _b < matchResults_1.length; _b++) {
                    var matchResult = matchResults_1[_b];
                    map[matchResult] = true;
                }
            }
            else {
                // apply the pattern
                (0, exports.debug)('applying exclude pattern against original list');
                var matchResults = minimatch.match(list, pattern_1, options_1);
                (0, exports.debug)(matchResults.length + ' matches');
                // substract the results
                for (var _c = 0, matchResults_2 = matchResults; _c < matchResults_2.length; _c++) {
                    var matchResult = matchResults_2[_c];
                    delete map[matchResult];
                }
            }
        }
    }
    // return a filtered version of the original list (preserves order and prevents duplication)
    var result = list.filter(function (item) { return map.hasOwnProperty(item); });
    (0, exports.debug)(result.length + ' final results');
    return result;
}
exports.match = match;
/**
 * Filter to apply glob patterns
 *
 * @param  pattern  pattern to apply
 * @param  options  optional. defaults to { dot: true, nobrace: true, nocase: process.platform == 'win32' }.
 */
function filter(pattern, options) {
    options = options || _getDefaultMatchOptions();
    return minimatch.filter(pattern, options);
}
exports.filter = filter;
function _debugMatchOptions(options) {
    (0, exports.debug)("matchOptions.debug: '".concat(options.debug, "'"));
    (0, exports.debug)("matchOptions.nobrace: '".concat(options.nobrace, "'"));
    (0, exports.debug)("matchOptions.noglobstar: '".concat(options.noglobstar, "'"));
    (0, exports.debug)("matchOptions.dot: '".concat(options.dot, "'"));
    (0, exports.debug)("matchOptions.noext: '".concat(options.noext, "'"));
    (0, exports.debug)("matchOptions.nocase: '".concat(options.nocase, "'"));
    (0, exports.debug)("matchOptions.nonull: '".concat(options.nonull, "'"));
    (0, exports.debug)("matchOptions.matchBase: '".concat(options.matchBase, "'"));
    (0, exports.debug)("matchOptions.nocomment: '".concat(options.nocomment, "'"));
    (0, exports.debug)("matchOptions.nonegate: '".concat(options.nonegate, "'"));
    (0, exports.debug)("matchOptions.flipNegate: '".concat(options.flipNegate, "'"));
}
function _getDefaultMatchOptions() {
    return {
        debug: false,
        nobrace: true,
        noglobstar: false,
        dot: true,
        noext: false,
        nocase: process.platform == 'win32',
        nonull: false,
        matchBase: false,
        nocomment: false,
        nonegate: false,
        flipNegate: false
    };
}
/**
 * Determines the find root from a list of patterns. Performs the find and then applies the glob patterns.
 * Supports interleaved exclude patterns. Unrooted patterns are rooted using defaultRoot, unless
 * matchOptions.matchBase is specified and the pattern is a basename only. For matchBase cases, the
 * defaultRoot is used as the find root.
 *
 * @param  defaultRoot   default path to root unrooted patterns. falls back to System.DefaultWorkingDirectory or process.cwd().
 * @param  patterns      pattern or array of patterns to apply
 * @param  findOptions   defaults to { followSymbolicLinks: true }. following soft links is generally appropriate unless deleting files.
 * @param  matchOptions  defaults to { dot: true, nobrace: true, nocase: process.platform == 'win32' }
 */
function findMatch(defaultRoot, patterns, findOptions, matchOptions) {
    // apply defaults for parameters and trace
    defaultRoot = defaultRoot || this.getVariable('system.defaultWorkingDirectory') || process.cwd();
    (0, exports.debug)("defaultRoot: '".concat(defaultRoot, "'"));
    patterns = patterns || [];
    patterns = typeof patterns == 'string' ? [patterns] : patterns;
    findOptions = findOptions || _getDefaultFindOptions();
    _debugFindOptions(findOptions);
    matchOptions = matchOptions || _getDefaultMatchOptions();
    _debugMatchOptions(matchOptions);
    // normalize slashes for root dir
    defaultRoot = im._normalizeSeparators(defaultRoot);
    var results = {};
    var originalMatchOptions = matchOptions;
    for (var _i = 0, _a = (patterns || []); _i < _a.length; _i++) {
        var pattern = _a[_i];
        (0, exports.debug)("pattern: '".concat(pattern, "'"));
        // trim and skip empty
        pattern = (pattern || '').trim();
        if (!pattern) {
            (0, exports.debug)('skipping empty pattern');
            continue;
        }
        // clone match options
        var matchOptions_1 = im._cloneMatchOptions(originalMatchOptions);
        // skip comments
        if (!matchOptions_1.nocomment && im._startsWith(pattern, '#')) {
            (0, exports.debug)('skipping comment');
            continue;
        }
        // set nocomment - brace expansion could result in a leading '#'
        matchOptions_1.nocomment = true;
        // determine whether pattern is include or exclude
        var negateCount = 0;
        if (!matchOptions_1.nonegate) {
            while (pattern.charAt(negateCount) == '!') {
                negateCount++;
            }
            pattern = pattern.substring(negateCount); // trim leading '!'
            if (negateCount) {
                (0, exports.debug)("trimmed leading '!'. pattern: '".concat(pattern, "'"));
            }
        }
        var isIncludePattern = negateCount == 0 ||
            (negateCount % 2 == 0 && !matchOptions_1.flipNegate) ||
            (negateCount % 2 == 1 && matchOptions_1.flipNegate);
        // set nonegate - brace expansion could result in a leading '!'
        matchOptions_1.nonegate = true;
        matchOptions_1.flipNegate = false;
        // expand braces - required to accurately interpret findPath
        var expanded = void 0;
        var preExpanded = pattern;
        if (matchOptions_1.nobrace) {
            expanded = [pattern];
        }
        else {
            // convert slashes on Windows before calling braceExpand(). unfortunately this means braces cannot
            // be escaped on Windows, this limitation is consistent with current limitations of minimatch (3.0.3).
            (0, exports.debug)('expanding braces');
            var convertedPattern = process.platform == 'win32' ? pattern.replace(/\\/g, '/') : pattern;
            expanded = minimatch.braceExpand(convertedPattern);
        }
        // set nobrace
        matchOptions_1.nobrace = true;
        for (var _b = 0, expanded_2 = expanded; _b < expanded_2.length; _b++) {
            var pattern_2 = expanded_2[_b];
            if (expanded.length != 1 || pattern_2 != preExpanded) {
                (0, exports.debug)("pattern: '".concat(pattern_2, "'"));
            }
            // trim and skip empty
            pattern_2 = (pattern_2 || '').trim();
            if (!pattern_2) {
                (0, exports.debug)('skipping empty pattern');
                continue;
            }
            if (isIncludePattern) {
                // determine the findPath
                var findInfo = im._getFindInfoFromPattern(defaultRoot, pattern_2, matchOptions_1);
                var findPath = findInfo.findPath;
                (0, exports.debug)("findPath: '".concat(findPath, "'"));
                if (!findPath) {
                    (0, exports.debug)('skipping empty path');
                    continue;
                }
                // perform the find
                (0, exports.debug)("statOnly: '".concat(findInfo.statOnly, "'"));
                var findResults = [];
                if (findInfo.statOnly) {
                    // simply stat the path - all path segments were used to build the path
                    try {
                        fs.statSync(findPath);
                        findResults.push(findPath);
                    }
                    catch (err) {
                        if (err.code != 'ENOENT') {
                            throw err;
                        }
                        (0, exports.debug)('ENOENT');
                    }
                }
                else {
                    findResults = find(findPath, findOptions);
                }
                (0, exports.debug)("found ".concat(findResults.length, " paths"));
                // apply the pattern
                (0, exports.debug)('applying include pattern');
                if (findInfo.adjustedPattern != pattern_2) {
                    (0, exports.debug)("adjustedPattern: '".concat(findInfo.adjustedPattern, "'"));
                    pattern_2 = findInfo.adjustedPattern;
                }
                var matchResults = minimatch.match(findResults, pattern_2, matchOptions_1);
                (0, exports.debug)(matchResults.length + ' matches');
                // union the results
                for (var _c = 0, matchResults_3 = matchResults; _c < matchResults_3.length; _c++) {
                    var matchResult = matchResults_3[_c];
                    var key = process.platform == 'win32' ? matchResult.toUpperCase() : matchResult;
                    results[key] = matchResult;
                }
            }
            else {
                // check if basename only and matchBase=true
                if (matchOptions_1.matchBase &&
                    !im._isRooted(pattern_2) &&
                    (process.platform == 'win32' ? pattern_2.replace(/\\/g, '/') : pattern_2).indexOf('/') < 0) {
                    // do not root the pattern
                    (0, exports.debug)('matchBase and basename only');
                }
                else {
                    // root the exclude pattern
                    pattern_2 = im._ensurePatternRooted(defaultRoot, pattern_2);
                    (0, exports.debug)("after ensurePatternRooted, pattern: '".concat(pattern_2, "'"));
                }
                // apply the pattern
                (0, exports.debug)('applying exclude pattern');
                var matchResults = minimatch.match(Object.keys(results).map(function (key) { return results[key]; }), pattern_2, matchOptions_1);
                (0, exports.debug)(matchResults.length + ' matches');
                // substract the results
                for (var _d = 0, matchResults_4 = matchResults; _d < matchResults_4.length; _d++) {
                    var matchResult = matchResults_4[_d];
                    var key = process.platform == 'win32' ? matchResult.toUpperCase() : matchResult;
                    delete results[key];
                }
            }
        }
    }
    var finalResult = Object.keys(results)
        .map(function (key) { return results[key]; })
        .sort();
    (0, exports.debug)(finalResult.length + ' final results');
    return finalResult;
}
exports.findMatch = findMatch;
/**
 * Build Proxy URL in the following format: protocol://username:password@hostname:port
 * @param proxyUrl Url address of the proxy server (eg: http://example.com)
 * @param proxyUsername Proxy username (optional)
 * @param proxyPassword Proxy password (optional)
 * @returns string
 */
function getProxyFormattedUrl(proxyUrl, proxyUsername, proxyPassword) {
    var parsedUrl = new URL(proxyUrl);
    var proxyAddress = "".concat(parsedUrl.protocol, "//").concat(parsedUrl.host);
    if (proxyUsername) {
        proxyAddress = "".concat(parsedUrl.protocol, "//").concat(proxyUsername, ":").concat(proxyPassword, "@").concat(parsedUrl.host);
    }
    return proxyAddress;
}
/**
 * Gets http proxy configuration used by Build/Release agent
 *
 * @return  ProxyConfiguration
 */
function getHttpProxyConfiguration(requestUrl) {
    var proxyUrl = (0, exports.getVariable)('Agent.ProxyUrl');
    if (proxyUrl && proxyUrl.length > 0) {
        var proxyUsername = (0, exports.getVariable)('Agent.ProxyUsername');
        var proxyPassword = (0, exports.getVariable)('Agent.ProxyPassword');
        var proxyBypassHosts = JSON.parse((0, exports.getVariable)('Agent.ProxyBypassList') || '[]');
        var bypass_1 = false;
        if (requestUrl) {
            proxyBypassHosts.forEach(function (bypassHost) {
                if (new RegExp(bypassHost, 'i').test(requestUrl)) {
                    bypass_1 = true;
                }
            });
        }
        if (bypass_1) {
            return null;
        }
        else {
            var proxyAddress = getProxyFormattedUrl(proxyUrl, proxyUsername, proxyPassword);
            return {
                proxyUrl: proxyUrl,
                proxyUsername: proxyUsername,
                proxyPassword: proxyPassword,
                proxyBypassHosts: proxyBypassHosts,
                proxyFormattedUrl: proxyAddress
            };
        }
    }
    else {
        return null;
    }
}
exports.getHttpProxyConfiguration = getHttpProxyConfiguration;
/**
 * Gets http certificate configuration used by Build/Release agent
 *
 * @return  CertConfiguration
 */
function getHttpCertConfiguration() {
    var ca = (0, exports.getVariable)('Agent.CAInfo');
    var clientCert = (0, exports.getVariable)('Agent.ClientCert');
    if (ca || clientCert) {
        var certConfig = {};
        certConfig.caFile = ca;
        certConfig.certFile = clientCert;
        if (clientCert) {
            var clientCertKey = (0, exports.getVariable)('Agent.ClientCertKey');
            var clientCertArchive = (0, exports.getVariable)('Agent.ClientCertArchive');
            var clientCertPassword = (0, exports.getVariable)('Agent.ClientCertPassword');
            certConfig.keyFile = clientCertKey;
            certConfig.certArchiveFile = clientCertArchive;
            certConfig.passphrase = clientCertPassword;
        }
        return certConfig;
    }
    else {
        return null;
    }
}
exports.getHttpCertConfiguration = getHttpCertConfiguration;
//-----------------------------------------------------
// Test Publisher
//-----------------------------------------------------
var TestPublisher = /** @class */ (function () {
    function TestPublisher(testRunner) {
        this.testRunner = testRunner;
    }
    TestPublisher.prototype.publish = function (resultFiles, mergeResults, platform, config, runTitle, publishRunAttachments, testRunSystem) {
        // Could have used an initializer, but wanted to avoid reordering parameters when converting to strict null checks
        // (A parameter cannot both be optional and have an initializer)
        testRunSystem = testRunSystem || "VSTSTask";
        var properties = {};
        properties['type'] = this.testRunner;
        if (mergeResults) {
            properties['mergeResults'] = mergeResults;
        }
        if (platform) {
            properties['platform'] = platform;
        }
        if (config) {
            properties['config'] = config;
        }
        if (runTitle) {
            properties['runTitle'] = runTitle;
        }
        if (publishRunAttachments) {
            properties['publishRunAttachments'] = publishRunAttachments;
        }
        if (resultFiles) {
            properties['resultFiles'] = Array.isArray(resultFiles) ? resultFiles.join() : resultFiles;
        }
        properties['testRunSystem'] = testRunSystem;
        (0, exports.command)('results.publish', properties, '');
    };
    return TestPublisher;
}());
exports.TestPublisher = TestPublisher;
//-----------------------------------------------------
// Code coverage Publisher
//-----------------------------------------------------
var CodeCoveragePublisher = /** @class */ (function () {
    function CodeCoveragePublisher() {
    }
    CodeCoveragePublisher.prototype.publish = function (codeCoverageTool, summaryFileLocation, reportDirectory, additionalCodeCoverageFiles) {
        var properties = {};
        if (codeCoverageTool) {
            properties['codecoveragetool'] = codeCoverageTool;
        }
        if (summaryFileLocation) {
            properties['summaryfile'] = summaryFileLocation;
        }
        if (reportDirectory) {
            properties['reportdirectory'] = reportDirectory;
        }
        if (additionalCodeCoverageFiles) {
            properties['additionalcodecoveragefiles'] = Array.isArray(additionalCodeCoverageFiles) ? additionalCodeCoverageFiles.join() : additionalCodeCoverageFiles;
        }
        (0, exports.command)('codecoverage.publish', properties, "");
    };
    return CodeCoveragePublisher;
}());
exports.CodeCoveragePublisher = CodeCoveragePublisher;
//-----------------------------------------------------
// Code coverage Publisher
//-----------------------------------------------------
var CodeCoverageEnabler = /** @class */ (function () {
    function CodeCoverageEnabler(buildTool, ccTool) {
        this.buildTool = buildTool;
        this.ccTool = ccTool;
    }
    CodeCoverageEnabler.prototype.enableCodeCoverage = function (buildProps) {
        buildProps['buildtool'] = this.buildTool;
        buildProps['codecoveragetool'] = this.ccTool;
        (0, exports.command)('codecoverage.enable', buildProps, "");
    };
    return CodeCoverageEnabler;
}());
exports.CodeCoverageEnabler = CodeCoverageEnabler;
//-----------------------------------------------------
// Task Logging Commands
//-----------------------------------------------------
/**
 * Upload user interested file as additional log information
 * to the current timeline record.
 *
 * The file shall be available for download along with task logs.
 *
 * @param path      Path to the file that should be uploaded.
 * @returns         void
 */
function uploadFile(path) {
    (0, exports.command)("task.uploadfile", null, path);
}
exports.uploadFile = uploadFile;
/**
 * Instruction for the agent to update the PATH environment variable.
 * The specified directory is prepended to the PATH.
 * The updated environment variable will be reflected in subsequent tasks.
 *
 * @param path      Local directory path.
 * @returns         void
 */
function prependPath(path) {
    assertAgent("2.115.0");
    (0, exports.command)("task.prependpath", null, path);
}
exports.prependPath = prependPath;
/**
 * Upload and attach summary markdown to current timeline record.
 * This summary shall be added to the build/release summary and
 * not available for download with logs.
 *
 * @param path      Local directory path.
 * @returns         void
 */
function uploadSummary(path) {
    (0, exports.command)("task.uploadsummary", null, path);
}
exports.uploadSummary = uploadSummary;
/**
 * Upload and attach attachment to current timeline record.
 * These files are not available for download with logs.
 * These can only be referred to by extensions using the type or name values.
 *
 * @param type      Attachment type.
 * @param name      Attachment name.
 * @param path      Attachment path.
 * @returns         void
 */
function addAttachment(type, name, path) {
    (0, exports.command)("task.addattachment", { "type": type, "name": name }, path);
}
exports.addAttachment = addAttachment;
/**
 * Set an endpoint field with given value.
 * Value updated will be retained in the endpoint for
 * the subsequent tasks that execute within the same job.
 *
 * @param id      Endpoint id.
 * @param field   FieldType enum of AuthParameter, DataParameter or Url.
 * @param key     Key.
 * @param value   Value for key or url.
 * @returns       void
 */
function setEndpoint(id, field, key, value) {
    (0, exports.command)("task.setendpoint", { "id": id, "field": FieldType[field].toLowerCase(), "key": key }, value);
}
exports.setEndpoint = setEndpoint;
/**
 * Set progress and current operation for current task.
 *
 * @param percent           Percentage of completion.
 * @param currentOperation  Current pperation.
 * @returns                 void
 */
function setProgress(percent, currentOperation) {
    (0, exports.command)("task.setprogress", { "value": "".concat(percent) }, currentOperation);
}
exports.setProgress = setProgress;
/**
 * Indicates whether to write the logging command directly to the host or to the output pipeline.
 *
 * @param id            Timeline record Guid.
 * @param parentId      Parent timeline record Guid.
 * @param recordType    Record type.
 * @param recordName    Record name.
 * @param order         Order of timeline record.
 * @param startTime     Start time.
 * @param finishTime    End time.
 * @param progress      Percentage of completion.
 * @param state         TaskState enum of Unknown, Initialized, InProgress or Completed.
 * @param result        TaskResult enum of Succeeded, SucceededWithIssues, Failed, Cancelled or Skipped.
 * @param message       current operation
 * @returns             void
 */
function logDetail(id, message, parentId, recordType, recordName, order, startTime, finishTime, progress, state, result) {
    var properties = {
        "id": id,
        "parentid": parentId,
        "type": recordType,
        "name": recordName,
        "order": order ? order.toString() : undefined,
        "starttime": startTime,
        "finishtime": finishTime,
        "progress": progress ? progress.toString() : undefined,
        "state": state ? TaskState[state] : undefined,
        "result": result ? TaskResult[result] : undefined
    };
    (0, exports.command)("task.logdetail", properties, message);
}
exports.logDetail = logDetail;
/**
 * Log error or warning issue to timeline record of current task.
 *
 * @param type          IssueType enum of Error or Warning.
 * @param sourcePath    Source file location.
 * @param lineNumber    Line number.
 * @param columnNumber  Column number.
 * @param code          Error or warning code.
 * @param message       Error or warning message.
 * @returns             void
 */
function logIssue(type, message, sourcePath, lineNumber, columnNumber, errorCode) {
    var properties = {
        "type": IssueType[type].toLowerCase(),
        "code": errorCode,
        "sourcepath": sourcePath,
        "linenumber": lineNumber ? lineNumber.toString() : undefined,
        "columnnumber": columnNumber ? columnNumber.toString() : undefined,
    };
    (0, exports.command)("task.logissue", properties, message);
}
exports.logIssue = logIssue;
//-----------------------------------------------------
// Artifact Logging Commands
//-----------------------------------------------------
/**
 * Upload user interested file as additional log information
 * to the current timeline record.
 *
 * The file shall be available for download along with task logs.
 *
 * @param containerFolder   Folder that the file will upload to, folder will be created if needed.
 * @param path              Path to the file that should be uploaded.
 * @param name              Artifact name.
 * @returns                 void
 */
function uploadArtifact(containerFolder, path, name) {
    (0, exports.command)("artifact.upload", { "containerfolder": containerFolder, "artifactname": name }, path);
}
exports.uploadArtifact = uploadArtifact;
/**
 * Create an artifact link, artifact location is required to be
 * a file container path, VC path or UNC share path.
 *
 * The file shall be available for download along with task logs.
 *
 * @param name              Artifact name.
 * @param path              Path to the file that should be associated.
 * @param artifactType      ArtifactType enum of Container, FilePath, VersionControl, GitRef or TfvcLabel.
 * @returns                 void
 */
function associateArtifact(name, path, artifactType) {
    (0, exports.command)("artifact.associate", { "type": ArtifactType[artifactType].toLowerCase(), "artifactname": name }, path);
}
exports.associateArtifact = associateArtifact;
//-----------------------------------------------------
// Build Logging Commands
//-----------------------------------------------------
/**
 * Upload user interested log to build’s container “logs\tool” folder.
 *
 * @param path      Path to the file that should be uploaded.
 * @returns         void
 */
function uploadBuildLog(path) {
    (0, exports.command)("build.uploadlog", null, path);
}
exports.uploadBuildLog = uploadBuildLog;
/**
 * Update build number for current build.
 *
 * @param value     Value to be assigned as the build number.
 * @returns         void
 */
function updateBuildNumber(value) {
    (0, exports.command)("build.updatebuildnumber", null, value);
}
exports.updateBuildNumber = updateBuildNumber;
/**
 * Add a tag for current build.
 *
 * @param value     Tag value.
 * @returns         void
 */
function addBuildTag(value) {
    (0, exports.command)("build.addbuildtag", null, value);
}
exports.addBuildTag = addBuildTag;
//-----------------------------------------------------
// Release Logging Commands
//-----------------------------------------------------
/**
 * Update release name for current release.
 *
 * @param value     Value to be assigned as the release name.
 * @returns         void
 */
function updateReleaseName(name) {
    assertAgent("2.132.0");
    (0, exports.command)("release.updatereleasename", null, name);
}
exports.updateReleaseName = updateReleaseName;
//-----------------------------------------------------
// Tools
//-----------------------------------------------------
exports.TaskCommand = tcm.TaskCommand;
exports.commandFromString = tcm.commandFromString;
exports.ToolRunner = trm.ToolRunner;
/**
 * Creates a filtering stream for external output and pipes it to the destination
 * (default process.stdout). Pipe untrusted output (a remote response, a child process's
 * stdout, etc.) into the returned stream so that any "##vso[" command markers it contains
 * are neutralized instead of executed by the agent.
 *
 * By default every marker is blocked. Set enableVsoCommands to true (optionally with an
 * explicit allowedVsoCommands list) to permit a small set of command names on a
 * compatibility-sensitive path.
 *
 * @param options   External output options. See ExternalOutputOptions.
 * @returns         A writable/readable stream to pipe untrusted output into.
 */
function createExternalOutputStream(options) {
    return eom.createExternalOutputStream(options);
}
exports.createExternalOutputStream = createExternalOutputStream;
/** Filters external output and writes it directly to the configured destination. */
function writeExternalOutput(message, options) {
    eom.writeExternalOutput(message, options);
}
exports.writeExternalOutput = writeExternalOutput;
/** Filters external output and submits it through the existing task-lib debug logger. */
function debugExternalOutput(message, options) {
    eom.debugExternalOutput(message, options);
}
exports.debugExternalOutput = debugExternalOutput;
/** Filters external output and submits it through the existing task-lib warning logger. */
function warningExternalOutput(message, options) {
    eom.warningExternalOutput(message, options);
}
exports.warningExternalOutput = warningExternalOutput;
/** Filters external output and submits it through the existing task-lib error logger. */
function errorExternalOutput(message, options) {
    eom.errorExternalOutput(message, options);
}
exports.errorExternalOutput = errorExternalOutput;
/** Commands allowed when VSO commands are enabled without an explicit allowlist. */
exports.defaultAllowedVsoCommands = eom.defaultAllowedVsoCommands;
//-----------------------------------------------------
// Validation Checks
//-----------------------------------------------------
// async await needs generators in node 4.x+
if (semver.lt(process.versions.node, '4.2.0')) {
    (0, exports.warning)('Tasks require a new agent.  Upgrade your agent or node to 4.2.0 or later', exports.IssueSource.TaskInternal);
}
//-------------------------------------------------------------------
// Populate the vault with sensitive data.  Inputs and Endpoints
//-------------------------------------------------------------------
// avoid loading twice (overwrites .taskkey)
if (!global['_vsts_task_lib_loaded']) {
    im._loadData();
    im._exposeProxySettings();
    im._exposeCertSettings();
}
//Helper Functions for internal use only
/**
 * safeFind - safe replacement for Array.prototype.find
 *
 * @param {Array} arr - the array to search
 * @param {Function} predicate - function to test each element, returns true if match
 * @returns {*} - first element that matches or undefined
 */
function safeFind(arr, predicate) {
    for (var i = 0; i < arr.length; i++) {
        if (predicate(arr[i])) {
            return arr[i];
        }
    }
    return undefined;
}


/***/ }),

/***/ 8373:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.commandFromString = exports.TaskCommand = void 0;
//
// Command Format:
//    ##vso[artifact.command key=value;key=value]user message
//    
// Examples:
//    ##vso[task.progress value=58]
//    ##vso[task.issue type=warning;]This is the user warning message
//
var CMD_PREFIX = '##vso[';
var TaskCommand = /** @class */ (function () {
    function TaskCommand(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    TaskCommand.prototype.toString = function () {
        var cmdStr = CMD_PREFIX + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            for (var key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    var val = this.properties[key];
                    if (val) {
                        // safely append the val - avoid blowing up when attempting to
                        // call .replace() if message is not a string for some reason
                        cmdStr += key + '=' + escape('' + (val || '')) + ';';
                    }
                }
            }
        }
        cmdStr += ']';
        // safely append the message - avoid blowing up when attempting to
        // call .replace() if message is not a string for some reason
        var message = '' + (this.message || '');
        cmdStr += escapedata(message);
        return cmdStr;
    };
    return TaskCommand;
}());
exports.TaskCommand = TaskCommand;
function commandFromString(commandLine) {
    var preLen = CMD_PREFIX.length;
    var lbPos = commandLine.indexOf('[');
    var rbPos = commandLine.indexOf(']');
    if (lbPos == -1 || rbPos == -1 || rbPos - lbPos < 3) {
        throw new Error('Invalid command brackets');
    }
    var cmdInfo = commandLine.substring(lbPos + 1, rbPos);
    var spaceIdx = cmdInfo.indexOf(' ');
    var command = cmdInfo;
    var properties = {};
    if (spaceIdx > 0) {
        command = cmdInfo.trim().substring(0, spaceIdx);
        var propSection = cmdInfo.trim().substring(spaceIdx + 1);
        var propLines = propSection.split(';');
        propLines.forEach(function (propLine) {
            propLine = propLine.trim();
            if (propLine.length > 0) {
                var eqIndex = propLine.indexOf('=');
                if (eqIndex == -1) {
                    throw new Error('Invalid property: ' + propLine);
                }
                var key = propLine.substring(0, eqIndex);
                var val = propLine.substring(eqIndex + 1);
                properties[key] = unescape(val);
            }
        });
    }
    var msg = unescapedata(commandLine.substring(rbPos + 1));
    var cmd = new TaskCommand(command, properties, msg);
    return cmd;
}
exports.commandFromString = commandFromString;
function escapedata(s) {
    return s.replace(/%/g, '%AZP25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function unescapedata(s) {
    return s.replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%AZP25/g, '%');
}
function escape(s) {
    return s.replace(/%/g, '%AZP25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/]/g, '%5D')
        .replace(/;/g, '%3B');
}
function unescape(s) {
    return s.replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%5D/g, ']')
        .replace(/%3B/g, ';')
        .replace(/%AZP25/g, '%');
}


/***/ }),

/***/ 419:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ToolRunner = void 0;
var Q = __nccwpck_require__(5560);
var os = __nccwpck_require__(857);
var events = __nccwpck_require__(4434);
var child = __nccwpck_require__(5317);
var im = __nccwpck_require__(8202);
var fs = __nccwpck_require__(9896);
var eom = __nccwpck_require__(6037);
var ToolRunner = /** @class */ (function (_super) {
    __extends(ToolRunner, _super);
    function ToolRunner(toolPath) {
        var _this = _super.call(this) || this;
        _this.cmdSpecialChars = [' ', '\t', '&', '(', ')', '[', ']', '{', '}', '^', '=', ';', '!', '\'', '+', ',', '`', '~', '|', '<', '>', '"'];
        if (!toolPath) {
            throw new Error('Parameter \'toolPath\' cannot be null or empty.');
        }
        _this.toolPath = im._which(toolPath, true);
        _this.args = [];
        _this._debug('toolRunner toolPath: ' + toolPath);
        return _this;
    }
    ToolRunner.prototype._debug = function (message) {
        this.emit('debug', message);
    };
    ToolRunner.prototype._argStringToArray = function (argString) {
        var args = [];
        var inQuotes = false;
        var escaped = false;
        var lastCharWasSpace = true;
        var arg = '';
        var append = function (c) {
            // we only escape double quotes.
            if (escaped) {
                if (c !== '"') {
                    arg += '\\';
                }
                else {
                    arg.slice(0, -1);
                }
            }
            arg += c;
            escaped = false;
        };
        for (var i = 0; i < argString.length; i++) {
            var c = argString.charAt(i);
            if (c === ' ' && !inQuotes) {
                if (!lastCharWasSpace) {
                    args.push(arg);
                    arg = '';
                }
                lastCharWasSpace = true;
                continue;
            }
            else {
                lastCharWasSpace = false;
            }
            if (c === '"') {
                if (!escaped) {
                    inQuotes = !inQuotes;
                }
                else {
                    append(c);
                }
                continue;
            }
            if (c === "\\" && escaped) {
                append(c);
                continue;
            }
            if (c === "\\" && inQuotes) {
                escaped = true;
                continue;
            }
            append(c);
            lastCharWasSpace = false;
        }
        if (!lastCharWasSpace) {
            args.push(arg.trim());
        }
        return args;
    };
    ToolRunner.prototype._getCommandString = function (options, noPrefix) {
        var _this = this;
        var toolPath = this._getSpawnFileName();
        var args = this._getSpawnArgs(options);
        var cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        var commandParts = [];
        if (process.platform == 'win32') {
            // Windows + cmd file
            if (this._isCmdFile()) {
                commandParts.push(toolPath);
                commandParts = commandParts.concat(args);
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                commandParts.push("\"".concat(toolPath, "\""));
                commandParts = commandParts.concat(args);
            }
            else if (options.shell) {
                commandParts.push(this._windowsQuoteCmdArg(toolPath));
                commandParts = commandParts.concat(args);
            }
            // Windows (regular)
            else {
                commandParts.push(this._windowsQuoteCmdArg(toolPath));
                commandParts = commandParts.concat(args.map(function (arg) { return _this._windowsQuoteCmdArg(arg); }));
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            commandParts.push(toolPath);
            commandParts = commandParts.concat(args);
        }
        cmd += commandParts.join(' ');
        // append second tool
        if (this.pipeOutputToTool) {
            cmd += ' | ' + this.pipeOutputToTool._getCommandString(options, /*noPrefix:*/ true);
        }
        return cmd;
    };
    ToolRunner.prototype._processLineBuffer = function (data, buffer, onLine) {
        var newBuffer = buffer + data.toString();
        try {
            var eolIndex = newBuffer.indexOf(os.EOL);
            while (eolIndex > -1) {
                var line = newBuffer.substring(0, eolIndex);
                onLine(line);
                // the rest of the string ...
                newBuffer = newBuffer.substring(eolIndex + os.EOL.length);
                eolIndex = newBuffer.indexOf(os.EOL);
            }
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug('error processing line');
        }
        return newBuffer;
    };
    /**
     * Wraps an arg string with specified char if it's not already wrapped
     * @returns {string} Arg wrapped with specified char
     * @param {string} arg Input argument string
     * @param {string} wrapChar A char input string should be wrapped with
     */
    ToolRunner.prototype._wrapArg = function (arg, wrapChar) {
        if (!this._isWrapped(arg, wrapChar)) {
            return "".concat(wrapChar).concat(arg).concat(wrapChar);
        }
        return arg;
    };
    /**
     * Unwraps an arg string wrapped with specified char
     * @param arg Arg wrapped with specified char
     * @param wrapChar A char to be removed
     */
    ToolRunner.prototype._unwrapArg = function (arg, wrapChar) {
        if (this._isWrapped(arg, wrapChar)) {
            var pattern = new RegExp("(^\\\\?".concat(wrapChar, ")|(\\\\?").concat(wrapChar, "$)"), 'g');
            return arg.trim().replace(pattern, '');
        }
        return arg;
    };
    /**
     * Determine if arg string is wrapped with specified char
     * @param arg Input arg string
     */
    ToolRunner.prototype._isWrapped = function (arg, wrapChar) {
        var pattern = new RegExp("^\\\\?".concat(wrapChar, ".+\\\\?").concat(wrapChar, "$"));
        return pattern.test(arg.trim());
    };
    ToolRunner.prototype._getSpawnFileName = function (options) {
        if (process.platform == 'win32') {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        if (options && options.shell) {
            return this._wrapArg(this.toolPath, '"');
        }
        return this.toolPath;
    };
    ToolRunner.prototype._getSpawnArgs = function (options) {
        var _this = this;
        if (process.platform == 'win32') {
            if (this._isCmdFile()) {
                var argline = "/D /S /C \"".concat(this._windowsQuoteCmdArg(this.toolPath));
                for (var i = 0; i < this.args.length; i++) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments ? this.args[i] : this._windowsQuoteCmdArg(this.args[i]);
                }
                argline += '"';
                return [argline];
            }
            if (options.windowsVerbatimArguments) {
                // note, in Node 6.x options.argv0 can be used instead of overriding args.slice and args.unshift.
                // for more details, refer to https://github.com/nodejs/node/blob/v6.x/lib/child_process.js
                var args_1 = this.args.slice(0); // copy the array
                // override slice to prevent Node from creating a copy of the arg array.
                // we need Node to use the "unshift" override below.
                args_1.slice = function () {
                    if (arguments.length != 1 || arguments[0] != 0) {
                        throw new Error('Unexpected arguments passed to args.slice when windowsVerbatimArguments flag is set.');
                    }
                    return args_1;
                };
                // override unshift
                //
                // when using the windowsVerbatimArguments option, Node does not quote the tool path when building
                // the cmdline parameter for the win32 function CreateProcess(). an unquoted space in the tool path
                // causes problems for tools when attempting to parse their own command line args. tools typically
                // assume their arguments begin after arg 0.
                //
                // by hijacking unshift, we can quote the tool path when it pushed onto the args array. Node builds
                // the cmdline parameter from the args array.
                //
                // note, we can't simply pass a quoted tool path to Node for multiple reasons:
                //   1) Node verifies the file exists (calls win32 function GetFileAttributesW) and the check returns
                //      false if the path is quoted.
                //   2) Node passes the tool path as the application parameter to CreateProcess, which expects the
                //      path to be unquoted.
                //
                // also note, in addition to the tool path being embedded within the cmdline parameter, Node also
                // passes the tool path to CreateProcess via the application parameter (optional parameter). when
                // present, Windows uses the application parameter to determine which file to run, instead of
                // interpreting the file from the cmdline parameter.
                args_1.unshift = function () {
                    if (arguments.length != 1) {
                        throw new Error('Unexpected arguments passed to args.unshift when windowsVerbatimArguments flag is set.');
                    }
                    return Array.prototype.unshift.call(args_1, "\"".concat(arguments[0], "\"")); // quote the file name
                };
                return args_1;
            }
            else if (options.shell) {
                var args = [];
                for (var _i = 0, _a = this.args; _i < _a.length; _i++) {
                    var arg = _a[_i];
                    if (this._needQuotesForCmd(arg, '%')) {
                        args.push(this._wrapArg(arg, '"'));
                    }
                    else {
                        args.push(arg);
                    }
                }
                return args;
            }
        }
        else if (options.shell) {
            return this.args.map(function (arg) {
                if (_this._isWrapped(arg, "'")) {
                    return arg;
                }
                // remove wrapping double quotes to avoid escaping
                arg = _this._unwrapArg(arg, '"');
                arg = _this._escapeChar(arg, '"');
                return _this._wrapArg(arg, '"');
            });
        }
        return this.args;
    };
    /**
     * Escape specified character.
     * @param arg String to escape char in
     * @param charToEscape Char should be escaped
     */
    ToolRunner.prototype._escapeChar = function (arg, charToEscape) {
        var escChar = "\\";
        var output = '';
        var charIsEscaped = false;
        for (var _i = 0, arg_1 = arg; _i < arg_1.length; _i++) {
            var char = arg_1[_i];
            if (char === charToEscape && !charIsEscaped) {
                output += escChar + char;
            }
            else {
                output += char;
            }
            charIsEscaped = char === escChar && !charIsEscaped;
        }
        return output;
    };
    ToolRunner.prototype._isCmdFile = function () {
        var upperToolPath = this.toolPath.toUpperCase();
        return im._endsWith(upperToolPath, '.CMD') || im._endsWith(upperToolPath, '.BAT');
    };
    /**
     * Determine whether the cmd arg needs to be quoted. Returns true if arg contains any of special chars array.
     * @param arg The cmd command arg.
     * @param additionalChars Additional chars which should be also checked.
     */
    ToolRunner.prototype._needQuotesForCmd = function (arg, additionalChars) {
        var specialChars = this.cmdSpecialChars;
        if (additionalChars) {
            specialChars = this.cmdSpecialChars.concat(additionalChars);
        }
        var _loop_1 = function (char) {
            if (specialChars.some(function (x) { return x === char; })) {
                return { value: true };
            }
        };
        for (var _i = 0, arg_2 = arg; _i < arg_2.length; _i++) {
            var char = arg_2[_i];
            var state_1 = _loop_1(char);
            if (typeof state_1 === "object")
                return state_1.value;
        }
        return false;
    };
    ToolRunner.prototype._windowsQuoteCmdArg = function (arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uv_quote_cmd_arg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        var needsQuotes = this._needQuotesForCmd(arg);
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that preceed a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        var reverse = '"';
        var quote_hit = true;
        for (var i = arg.length; i > 0; i--) { // walk the string in reverse
            reverse += arg[i - 1];
            if (quote_hit && arg[i - 1] == '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] == '"') {
                quote_hit = true;
                reverse += '"'; // double the quote
            }
            else {
                quote_hit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    };
    ToolRunner.prototype._uv_quote_cmd_arg = function (arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (arg.indexOf(' ') < 0 && arg.indexOf('\t') < 0 && arg.indexOf('"') < 0) {
            // No quotation needed
            return arg;
        }
        if (arg.indexOf('"') < 0 && arg.indexOf('\\') < 0) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return "\"".concat(arg, "\"");
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        var reverse = '"';
        var quote_hit = true;
        for (var i = arg.length; i > 0; i--) { // walk the string in reverse
            reverse += arg[i - 1];
            if (quote_hit && arg[i - 1] == '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] == '"') {
                quote_hit = true;
                reverse += '\\';
            }
            else {
                quote_hit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    };
    ToolRunner.prototype._cloneExecOptions = function (options) {
        options = options || {};
        var result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            shell: options.shell || false,
            externalOutput: options.externalOutput
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    };
    /** Builds one filtered writer per display destination. */
    ToolRunner.prototype._createDisplayFilter = function (options) {
        var ext = options.externalOutput;
        if (!ext) {
            return null;
        }
        var outStream = options.outStream;
        var errDest = options.failOnStdErr ? options.errStream : options.outStream;
        var stdoutWriter = eom.createFilteredWriter(ext, outStream);
        var stderrWriter = errDest === outStream
            ? stdoutWriter
            : eom.createFilteredWriter(ext, errDest);
        return {
            commandLine: function (text) { outStream.write(eom.filterExternalOutput(text, ext)); },
            stdout: function (data) { return stdoutWriter.write(data); },
            stderr: function (data) { return stderrWriter.write(data); },
            finalize: function () {
                stdoutWriter.end();
                if (stderrWriter !== stdoutWriter) {
                    stderrWriter.end();
                }
            }
        };
    };
    ToolRunner.prototype._getSpawnOptions = function (options) {
        options = options || {};
        var result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result.shell = options.shell;
        result['windowsVerbatimArguments'] = options.windowsVerbatimArguments || this._isCmdFile();
        return result;
    };
    ToolRunner.prototype._getSpawnSyncOptions = function (options) {
        var result = {};
        result.maxBuffer = 1024 * 1024 * 1024;
        result.cwd = options.cwd;
        result.env = options.env;
        result.shell = options.shell;
        result['windowsVerbatimArguments'] = options.windowsVerbatimArguments || this._isCmdFile();
        return result;
    };
    ToolRunner.prototype.execWithPipingAsync = function (pipeOutputToTool, options) {
        var _this = this;
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var success = true;
        var optionsNonNull = this._cloneExecOptions(options);
        var df = this._createDisplayFilter(optionsNonNull);
        if (!optionsNonNull.silent) {
            if (df) {
                df.commandLine(this._getCommandString(optionsNonNull) + os.EOL);
            }
            else {
                optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
            }
        }
        var cp;
        var toolPath = pipeOutputToTool.toolPath;
        var toolPathFirst;
        var successFirst = true;
        var returnCodeFirst;
        var fileStream;
        var waitingEvents = 0; // number of process or stream events we are waiting on to complete
        var returnCode = 0;
        var error;
        toolPathFirst = this.toolPath;
        // Following node documentation example from this link on how to pipe output of one process to another
        // https://nodejs.org/api/child_process.html#child_process_child_process_spawn_command_args_options
        //start the child process for both tools
        waitingEvents++;
        var cpFirst = child.spawn(this._getSpawnFileName(optionsNonNull), this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(optionsNonNull));
        waitingEvents++;
        cp = child.spawn(pipeOutputToTool._getSpawnFileName(optionsNonNull), pipeOutputToTool._getSpawnArgs(optionsNonNull), pipeOutputToTool._getSpawnOptions(optionsNonNull));
        fileStream = this.pipeOutputToFile ? fs.createWriteStream(this.pipeOutputToFile) : null;
        return new Promise(function (resolve, reject) {
            var _a, _b, _c, _d;
            var complete = function () {
                if (waitingEvents != 0) {
                    return;
                }
                if (df) {
                    df.finalize();
                }
                if (error) {
                    reject(error);
                }
                else {
                    resolve(returnCode);
                }
            };
            if (fileStream) {
                waitingEvents++;
                fileStream.on('finish', function () {
                    waitingEvents--; //file write is complete
                    fileStream = null;
                    complete();
                });
                fileStream.on('error', function (err) {
                    waitingEvents--; //there were errors writing to the file, write is done
                    _this._debug("Failed to pipe output of ".concat(toolPathFirst, " to file ").concat(_this.pipeOutputToFile, ". Error = ").concat(err));
                    fileStream = null;
                    complete();
                });
            }
            //pipe stdout of first tool to stdin of second tool
            (_a = cpFirst.stdout) === null || _a === void 0 ? void 0 : _a.on('data', function (data) {
                var _a, _b;
                try {
                    if (fileStream) {
                        fileStream.write(data);
                    }
                    if (!((_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.destroyed)) {
                        (_b = cp.stdin) === null || _b === void 0 ? void 0 : _b.write(data);
                    }
                }
                catch (err) {
                    _this._debug('Failed to pipe output of ' + toolPathFirst + ' to ' + toolPath);
                    _this._debug(toolPath + ' might have exited due to errors prematurely. Verify the arguments passed are valid.');
                }
            });
            (_b = cpFirst.stderr) === null || _b === void 0 ? void 0 : _b.on('data', function (data) {
                if (fileStream) {
                    fileStream.write(data);
                }
                successFirst = !optionsNonNull.failOnStdErr;
                if (!optionsNonNull.silent) {
                    if (df) {
                        df.stderr(data);
                    }
                    else {
                        var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                        s.write(data);
                    }
                }
            });
            cpFirst.on('error', function (err) {
                var _a;
                waitingEvents--; //first process is complete with errors
                if (fileStream) {
                    fileStream.end();
                }
                (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.end();
                error = new Error(toolPathFirst + ' failed. ' + err.message);
                complete();
            });
            cpFirst.on('close', function (code, signal) {
                var _a;
                waitingEvents--; //first process is complete
                if (code != 0 && !optionsNonNull.ignoreReturnCode) {
                    successFirst = false;
                    returnCodeFirst = code;
                    returnCode = returnCodeFirst;
                }
                _this._debug('success of first tool:' + successFirst);
                if (fileStream) {
                    fileStream.end();
                }
                (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.end();
                complete();
            });
            var stdLineBuffer = '';
            (_c = cp.stdout) === null || _c === void 0 ? void 0 : _c.on('data', function (data) {
                _this.emit('stdout', data);
                if (!optionsNonNull.silent) {
                    if (df) {
                        df.stdout(data);
                    }
                    else {
                        optionsNonNull.outStream.write(data);
                    }
                }
                stdLineBuffer = _this._processLineBuffer(data, stdLineBuffer, function (line) {
                    _this.emit('stdline', line);
                });
            });
            var errLineBuffer = '';
            (_d = cp.stderr) === null || _d === void 0 ? void 0 : _d.on('data', function (data) {
                _this.emit('stderr', data);
                success = !optionsNonNull.failOnStdErr;
                if (!optionsNonNull.silent) {
                    if (df) {
                        df.stderr(data);
                    }
                    else {
                        var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                        s.write(data);
                    }
                }
                errLineBuffer = _this._processLineBuffer(data, errLineBuffer, function (line) {
                    _this.emit('errline', line);
                });
            });
            cp.on('error', function (err) {
                waitingEvents--; //process is done with errors
                error = new Error(toolPath + ' failed. ' + err.message);
                complete();
            });
            cp.on('close', function (code, signal) {
                waitingEvents--; //process is complete
                _this._debug('rc:' + code);
                returnCode = code;
                if (stdLineBuffer.length > 0) {
                    _this.emit('stdline', stdLineBuffer);
                }
                if (errLineBuffer.length > 0) {
                    _this.emit('errline', errLineBuffer);
                }
                if (code != 0 && !optionsNonNull.ignoreReturnCode) {
                    success = false;
                }
                _this._debug('success:' + success);
                if (!successFirst) { //in the case output is piped to another tool, check exit code of both tools
                    error = new Error(toolPathFirst + ' failed with return code: ' + returnCodeFirst);
                }
                else if (!success) {
                    error = new Error(toolPath + ' failed with return code: ' + code);
                }
                complete();
            });
        });
    };
    ToolRunner.prototype.execWithPiping = function (pipeOutputToTool, options) {
        var _this = this;
        var _a, _b, _c, _d;
        var defer = Q.defer();
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var success = true;
        var optionsNonNull = this._cloneExecOptions(options);
        var df = this._createDisplayFilter(optionsNonNull);
        if (!optionsNonNull.silent) {
            if (df) {
                df.commandLine(this._getCommandString(optionsNonNull) + os.EOL);
            }
            else {
                optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
            }
        }
        var cp;
        var toolPath = pipeOutputToTool.toolPath;
        var toolPathFirst;
        var successFirst = true;
        var returnCodeFirst;
        var fileStream;
        var waitingEvents = 0; // number of process or stream events we are waiting on to complete
        var returnCode = 0;
        var error;
        toolPathFirst = this.toolPath;
        // Following node documentation example from this link on how to pipe output of one process to another
        // https://nodejs.org/api/child_process.html#child_process_child_process_spawn_command_args_options
        //start the child process for both tools
        waitingEvents++;
        var cpFirst = child.spawn(this._getSpawnFileName(optionsNonNull), this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(optionsNonNull));
        waitingEvents++;
        cp = child.spawn(pipeOutputToTool._getSpawnFileName(optionsNonNull), pipeOutputToTool._getSpawnArgs(optionsNonNull), pipeOutputToTool._getSpawnOptions(optionsNonNull));
        fileStream = this.pipeOutputToFile ? fs.createWriteStream(this.pipeOutputToFile) : null;
        var complete = function () {
            if (waitingEvents != 0) {
                return;
            }
            if (df) {
                df.finalize();
            }
            if (error) {
                defer.reject(error);
            }
            else {
                defer.resolve(returnCode);
            }
        };
        if (fileStream) {
            waitingEvents++;
            fileStream.on('finish', function () {
                waitingEvents--; //file write is complete
                fileStream = null;
                complete();
            });
            fileStream.on('error', function (err) {
                waitingEvents--; //there were errors writing to the file, write is done
                _this._debug("Failed to pipe output of ".concat(toolPathFirst, " to file ").concat(_this.pipeOutputToFile, ". Error = ").concat(err));
                fileStream = null;
                complete();
            });
        }
        //pipe stdout of first tool to stdin of second tool
        (_a = cpFirst.stdout) === null || _a === void 0 ? void 0 : _a.on('data', function (data) {
            var _a;
            try {
                if (fileStream) {
                    fileStream.write(data);
                }
                (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.write(data);
            }
            catch (err) {
                _this._debug('Failed to pipe output of ' + toolPathFirst + ' to ' + toolPath);
                _this._debug(toolPath + ' might have exited due to errors prematurely. Verify the arguments passed are valid.');
            }
        });
        (_b = cpFirst.stderr) === null || _b === void 0 ? void 0 : _b.on('data', function (data) {
            if (fileStream) {
                fileStream.write(data);
            }
            successFirst = !optionsNonNull.failOnStdErr;
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stderr(data);
                }
                else {
                    var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                    s.write(data);
                }
            }
        });
        cpFirst.on('error', function (err) {
            var _a;
            waitingEvents--; //first process is complete with errors
            if (fileStream) {
                fileStream.end();
            }
            (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.end();
            error = new Error(toolPathFirst + ' failed. ' + err.message);
            complete();
        });
        cpFirst.on('close', function (code, signal) {
            var _a;
            waitingEvents--; //first process is complete
            if (code != 0 && !optionsNonNull.ignoreReturnCode) {
                successFirst = false;
                returnCodeFirst = code;
                returnCode = returnCodeFirst;
            }
            _this._debug('success of first tool:' + successFirst);
            if (fileStream) {
                fileStream.end();
            }
            (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.end();
            complete();
        });
        var stdLineBuffer = '';
        (_c = cp.stdout) === null || _c === void 0 ? void 0 : _c.on('data', function (data) {
            _this.emit('stdout', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(data);
                }
                else {
                    optionsNonNull.outStream.write(data);
                }
            }
            stdLineBuffer = _this._processLineBuffer(data, stdLineBuffer, function (line) {
                _this.emit('stdline', line);
            });
        });
        var errLineBuffer = '';
        (_d = cp.stderr) === null || _d === void 0 ? void 0 : _d.on('data', function (data) {
            _this.emit('stderr', data);
            success = !optionsNonNull.failOnStdErr;
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stderr(data);
                }
                else {
                    var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                    s.write(data);
                }
            }
            errLineBuffer = _this._processLineBuffer(data, errLineBuffer, function (line) {
                _this.emit('errline', line);
            });
        });
        cp.on('error', function (err) {
            waitingEvents--; //process is done with errors
            error = new Error(toolPath + ' failed. ' + err.message);
            complete();
        });
        cp.on('close', function (code, signal) {
            waitingEvents--; //process is complete
            _this._debug('rc:' + code);
            returnCode = code;
            if (stdLineBuffer.length > 0) {
                _this.emit('stdline', stdLineBuffer);
            }
            if (errLineBuffer.length > 0) {
                _this.emit('errline', errLineBuffer);
            }
            if (code != 0 && !optionsNonNull.ignoreReturnCode) {
                success = false;
            }
            _this._debug('success:' + success);
            if (!successFirst) { //in the case output is piped to another tool, check exit code of both tools
                error = new Error(toolPathFirst + ' failed with return code: ' + returnCodeFirst);
            }
            else if (!success) {
                error = new Error(toolPath + ' failed with return code: ' + code);
            }
            complete();
        });
        return defer.promise;
    };
    /**
     * Add argument
     * Append an argument or an array of arguments
     * returns ToolRunner for chaining
     *
     * @param     val        string cmdline or array of strings
     * @returns   ToolRunner
     */
    ToolRunner.prototype.arg = function (val) {
        if (!val) {
            return this;
        }
        if (val instanceof Array) {
            this._debug(this.toolPath + ' arg: ' + JSON.stringify(val));
            this.args = this.args.concat(val);
        }
        else if (typeof (val) === 'string') {
            this._debug(this.toolPath + ' arg: ' + val);
            this.args = this.args.concat(val.trim());
        }
        return this;
    };
    /**
     * Parses an argument line into one or more arguments
     * e.g. .line('"arg one" two -z') is equivalent to .arg(['arg one', 'two', '-z'])
     * returns ToolRunner for chaining
     *
     * @param     val        string argument line
     * @returns   ToolRunner
     */
    ToolRunner.prototype.line = function (val) {
        if (!val) {
            return this;
        }
        this._debug(this.toolPath + ' arg: ' + val);
        this.args = this.args.concat(this._argStringToArray(val));
        return this;
    };
    /**
     * Add argument(s) if a condition is met
     * Wraps arg().  See arg for details
     * returns ToolRunner for chaining
     *
     * @param     condition     boolean condition
     * @param     val     string cmdline or array of strings
     * @returns   ToolRunner
     */
    ToolRunner.prototype.argIf = function (condition, val) {
        if (condition) {
            this.arg(val);
        }
        return this;
    };
    /**
     * Pipe output of exec() to another tool
     * @param tool
     * @param file  optional filename to additionally stream the output to.
     * @returns {ToolRunner}
     */
    ToolRunner.prototype.pipeExecOutputToTool = function (tool, file) {
        this.pipeOutputToTool = tool;
        this.pipeOutputToFile = file;
        return this;
    };
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See IExecOptions
     * @returns   number
     */
    ToolRunner.prototype.execAsync = function (options) {
        var _this = this;
        var _a, _b, _c;
        if (this.pipeOutputToTool) {
            return this.execWithPipingAsync(this.pipeOutputToTool, options);
        }
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var optionsNonNull = this._cloneExecOptions(options);
        var df = this._createDisplayFilter(optionsNonNull);
        if (!optionsNonNull.silent) {
            if (df) {
                df.commandLine(this._getCommandString(optionsNonNull) + os.EOL);
            }
            else {
                optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
            }
        }
        var state = new ExecState(optionsNonNull, this.toolPath);
        state.on('debug', function (message) {
            _this._debug(message);
        });
        var stdLineBuffer = '';
        var errLineBuffer = '';
        var emitDoneEvent = function (resolve, reject) {
            state.on('done', function (error, exitCode) {
                if (stdLineBuffer.length > 0) {
                    _this.emit('stdline', stdLineBuffer);
                }
                if (errLineBuffer.length > 0) {
                    _this.emit('errline', errLineBuffer);
                }
                if (cp) {
                    cp.removeAllListeners();
                }
                if (error) {
                    reject(error);
                }
                else {
                    resolve(exitCode);
                }
            });
        };
        // Edge case when the node itself cant's spawn and emit event
        var cp;
        try {
            cp = child.spawn(this._getSpawnFileName(options), this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(options));
        }
        catch (error) {
            return new Promise(function (resolve, reject) {
                emitDoneEvent(resolve, reject);
                state.processError = error.message;
                state.processExited = true;
                state.processClosed = true;
                state.CheckComplete();
            });
        }
        this.childProcess = cp;
        // it is possible for the child process to end its last line without a new line.
        // because stdout is buffered, this causes the last line to not get sent to the parent
        // stream. Adding this event forces a flush before the child streams are closed.
        (_a = cp.stdout) === null || _a === void 0 ? void 0 : _a.on('end', function () {
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(Buffer.from(os.EOL));
                }
                else {
                    optionsNonNull.outStream.write(os.EOL);
                }
            }
        });
        (_b = cp.stdout) === null || _b === void 0 ? void 0 : _b.on('data', function (data) {
            _this.emit('stdout', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(data);
                }
                else {
                    optionsNonNull.outStream.write(data);
                }
            }
            stdLineBuffer = _this._processLineBuffer(data, stdLineBuffer, function (line) {
                _this.emit('stdline', line);
            });
        });
        (_c = cp.stderr) === null || _c === void 0 ? void 0 : _c.on('data', function (data) {
            state.processStderr = true;
            _this.emit('stderr', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stderr(data);
                }
                else {
                    var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                    s.write(data);
                }
            }
            errLineBuffer = _this._processLineBuffer(data, errLineBuffer, function (line) {
                _this.emit('errline', line);
            });
        });
        cp.on('error', function (err) {
            state.processError = err.message;
            state.processExited = true;
            state.processClosed = true;
            state.CheckComplete();
        });
        // Do not write debug logs here. Sometimes stdio not closed yet and you can damage user output commands.
        cp.on('exit', function (code, signal) {
            state.processExitCode = code;
            state.processExitSignal = signal;
            state.processExited = true;
            state.CheckComplete();
        });
        cp.on('close', function (code, signal) {
            if (df) {
                df.finalize();
            }
            state.processCloseCode = code;
            state.processCloseSignal = signal;
            state.processClosed = true;
            state.processExited = true;
            state.CheckComplete();
        });
        return new Promise(emitDoneEvent);
    };
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @deprecated Use the `execAsync` method that returns a native Javascript promise instead
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See IExecOptions
     * @returns   number
     */
    ToolRunner.prototype.exec = function (options) {
        var _this = this;
        var _a, _b, _c;
        if (this.pipeOutputToTool) {
            return this.execWithPiping(this.pipeOutputToTool, options);
        }
        var defer = Q.defer();
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var optionsNonNull = this._cloneExecOptions(options);
        var df = this._createDisplayFilter(optionsNonNull);
        if (!optionsNonNull.silent) {
            if (df) {
                df.commandLine(this._getCommandString(optionsNonNull) + os.EOL);
            }
            else {
                optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
            }
        }
        var state = new ExecState(optionsNonNull, this.toolPath);
        state.on('debug', function (message) {
            _this._debug(message);
        });
        var stdLineBuffer = '';
        var errLineBuffer = '';
        state.on('done', function (error, exitCode) {
            if (stdLineBuffer.length > 0) {
                _this.emit('stdline', stdLineBuffer);
            }
            if (errLineBuffer.length > 0) {
                _this.emit('errline', errLineBuffer);
            }
            if (cp) {
                cp.removeAllListeners();
            }
            if (error) {
                defer.reject(error);
            }
            else {
                defer.resolve(exitCode);
            }
        });
        // Edge case when the node itself cant's spawn and emit event
        var cp;
        try {
            cp = child.spawn(this._getSpawnFileName(options), this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(options));
        }
        catch (error) {
            state.processError = error.message;
            state.processExited = true;
            state.processClosed = true;
            state.CheckComplete();
            return defer.promise;
        }
        this.childProcess = cp;
        // it is possible for the child process to end its last line without a new line.
        // because stdout is buffered, this causes the last line to not get sent to the parent
        // stream. Adding this event forces a flush before the child streams are closed.
        (_a = cp.stdout) === null || _a === void 0 ? void 0 : _a.on('end', function () {
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(Buffer.from(os.EOL));
                }
                else {
                    optionsNonNull.outStream.write(os.EOL);
                }
            }
        });
        (_b = cp.stdout) === null || _b === void 0 ? void 0 : _b.on('data', function (data) {
            _this.emit('stdout', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(data);
                }
                else {
                    optionsNonNull.outStream.write(data);
                }
            }
            stdLineBuffer = _this._processLineBuffer(data, stdLineBuffer, function (line) {
                _this.emit('stdline', line);
            });
        });
        (_c = cp.stderr) === null || _c === void 0 ? void 0 : _c.on('data', function (data) {
            state.processStderr = true;
            _this.emit('stderr', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stderr(data);
                }
                else {
                    var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                    s.write(data);
                }
            }
            errLineBuffer = _this._processLineBuffer(data, errLineBuffer, function (line) {
                _this.emit('errline', line);
            });
        });
        cp.on('error', function (err) {
            state.processError = err.message;
            state.processExited = true;
            state.processClosed = true;
            state.CheckComplete();
        });
        // Do not write debug logs here. Sometimes stdio not closed yet and you can damage user output commands.
        cp.on('exit', function (code, signal) {
            state.processExitCode = code;
            state.processExitSignal = signal;
            state.processExited = true;
            state.CheckComplete();
        });
        cp.on('close', function (code, signal) {
            if (df) {
                df.finalize();
            }
            state.processCloseCode = code;
            state.processCloseSignal = signal;
            state.processClosed = true;
            state.processExited = true;
            state.CheckComplete();
        });
        return defer.promise;
    };
    /**
     * Exec a tool synchronously.
     * Output will be *not* be streamed to the live console.  It will be returned after execution is complete.
     * Appropriate for short running tools
     * Returns IExecSyncResult with output and return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See IExecSyncOptions
     * @returns   IExecSyncResult
     */
    ToolRunner.prototype.execSync = function (options) {
        var _this = this;
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var success = true;
        options = this._cloneExecOptions(options);
        var ext = options.externalOutput;
        if (!options.silent) {
            var cmdLine = this._getCommandString(options) + os.EOL;
            options.outStream.write(ext ? eom.filterExternalOutput(cmdLine, ext) : cmdLine);
        }
        var r = child.spawnSync(this._getSpawnFileName(options), this._getSpawnArgs(options), this._getSpawnSyncOptions(options));
        if (!options.silent && r.stdout && r.stdout.length > 0) {
            options.outStream.write(ext ? eom.filterExternalOutput(r.stdout, ext) : r.stdout);
        }
        if (!options.silent && r.stderr && r.stderr.length > 0) {
            options.errStream.write(ext ? eom.filterExternalOutput(r.stderr, ext) : r.stderr);
        }
        var res = { code: r.status, error: r.error };
        res.stdout = (r.stdout) ? r.stdout.toString() : '';
        res.stderr = (r.stderr) ? r.stderr.toString() : '';
        return res;
    };
    /**
     * Used to close child process by sending SIGNINT signal.
     * It allows executed script to have some additional logic on SIGINT, before exiting.
     */
    ToolRunner.prototype.killChildProcess = function (signal) {
        if (signal === void 0) { signal = "SIGTERM"; }
        if (this.childProcess) {
            this._debug("[killChildProcess] Signal ".concat(signal, " received"));
            this.childProcess.kill(signal);
        }
    };
    return ToolRunner;
}(events.EventEmitter));
exports.ToolRunner = ToolRunner;
var ExecState = /** @class */ (function (_super) {
    __extends(ExecState, _super);
    function ExecState(options, toolPath) {
        var _this = _super.call(this) || this;
        _this.delay = 10000; // 10 seconds
        _this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        _this.options = options;
        _this.toolPath = toolPath;
        var delay = process.env['TASKLIB_TEST_TOOLRUNNER_EXITDELAY'];
        if (delay) {
            _this.delay = parseInt(delay);
        }
        return _this;
    }
    ExecState.prototype.CheckComplete = function () {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = setTimeout(ExecState.HandleTimeout, this.delay, this);
        }
    };
    ExecState.prototype._debug = function (message) {
        this.emit('debug', message);
    };
    ExecState.prototype._setResult = function () {
        // determine whether there is an error
        var error;
        if (this.processExited) {
            this._debug("Process exited with code ".concat(this.processExitCode, " and signal ").concat(this.processExitSignal, " for tool '").concat(this.toolPath, "'"));
            if (this.processError) {
                error = new Error(im._loc('LIB_ProcessError', this.toolPath, this.processError));
            }
            else if (this.processExitCode != 0 && !this.options.ignoreReturnCode) {
                error = new Error(im._loc('LIB_ProcessExitCode', this.toolPath, this.processExitCode));
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(im._loc('LIB_ProcessStderr', this.toolPath));
            }
        }
        if (this.processClosed) {
            this._debug("STDIO streams have closed and received exit code ".concat(this.processCloseCode, " and signal ").concat(this.processCloseSignal, " for tool '").concat(this.toolPath, "'"));
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    };
    ExecState.HandleTimeout = function (state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            console.log(im._loc('LIB_StdioNotClosed', state.delay / 1000, state.toolPath));
            state._debug(im._loc('LIB_StdioNotClosed', state.delay / 1000, state.toolPath));
        }
        state._setResult();
    };
    return ExecState;
}(events.EventEmitter));


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Vault = void 0;
var fs = __nccwpck_require__(9896);
var path = __nccwpck_require__(6928);
var crypto = __nccwpck_require__(6982);
var algorithm = "aes-256-ctr";
var encryptEncoding = 'hex';
var unencryptedEncoding = 'utf8';
//
// Store sensitive data in proc.
// Main goal: Protects tasks which would dump envvars from leaking secrets inadvertently
//            the task lib clears after storing.
// Also protects against a dump of a process getting the secrets
// The secret is generated and stored externally for the lifetime of the task.
//
var Vault = /** @class */ (function () {
    function Vault(keyPath) {
        this._keyFile = path.join(keyPath, '.taskkey');
        this._store = {};
        this.genKey();
    }
    Vault.prototype.initialize = function () { };
    Vault.prototype.storeSecret = function (name, data) {
        if (!name || name.length == 0) {
            return false;
        }
        name = name.toLowerCase();
        if (!data || data.length == 0) {
            if (this._store.hasOwnProperty(name)) {
                delete this._store[name];
            }
            return false;
        }
        var key = this.getKey();
        var iv = crypto.randomBytes(16);
        var cipher = crypto.createCipheriv(algorithm, key, iv);
        var crypted = cipher.update(data, unencryptedEncoding, encryptEncoding);
        var cryptedFinal = cipher.final(encryptEncoding);
        this._store[name] = iv.toString(encryptEncoding) + crypted + cryptedFinal;
        return true;
    };
    Vault.prototype.retrieveSecret = function (name) {
        var secret;
        name = (name || '').toLowerCase();
        if (this._store.hasOwnProperty(name)) {
            var key = this.getKey();
            var data = this._store[name];
            var ivDataBuffer = Buffer.from(data, encryptEncoding);
            var iv = ivDataBuffer.slice(0, 16);
            var encryptedText = ivDataBuffer.slice(16);
            var decipher = crypto.createDecipheriv(algorithm, key, iv);
            var dec = decipher.update(encryptedText);
            var decFinal = decipher.final(unencryptedEncoding);
            secret = dec + decFinal;
        }
        return secret;
    };
    Vault.prototype.getKey = function () {
        var key = fs.readFileSync(this._keyFile).toString('utf8');
        // Key needs to be hashed to correct length to match algorithm (aes-256-ctr)
        return crypto.createHash('sha256').update(key).digest();
    };
    Vault.prototype.genKey = function () {
        var key;
        if (crypto.randomUUID) {
            key = crypto.randomUUID();
        }
        else {
            var bytes = crypto.randomBytes(16);
            bytes[6] = (bytes[6] & 0x0f) | 0x40;
            bytes[8] = (bytes[8] & 0x3f) | 0x80;
            var hex = bytes.toString('hex');
            key = hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
        }
        fs.writeFileSync(this._keyFile, key, { encoding: 'utf8' });
    };
    return Vault;
}());
exports.Vault = Vault;


/***/ }),

/***/ 9380:
/***/ ((module) => {


module.exports = balanced;
function balanced(a, b, str) {
  if (a instanceof RegExp) a = maybeMatch(a, str);
  if (b instanceof RegExp) b = maybeMatch(b, str);

  var r = range(a, b, str);

  return r && {
    start: r[0],
    end: r[1],
    pre: str.slice(0, r[0]),
    body: str.slice(r[0] + a.length, r[1]),
    post: str.slice(r[1] + b.length)
  };
}

function maybeMatch(reg, str) {
  var m = str.match(reg);
  return m ? m[0] : null;
}

balanced.range = range;
function range(a, b, str) {
  var begs, beg, left, right, result;
  var ai = str.indexOf(a);
  var bi = str.indexOf(b, ai + 1);
  var i = ai;

  if (ai >= 0 && bi > 0) {
    if(a===b) {
      return [ai, bi];
    }
    begs = [];
    left = str.length;

    while (i >= 0 && !result) {
      if (i == ai) {
        begs.push(i);
        ai = str.indexOf(a, i + 1);
      } else if (begs.length == 1) {
        result = [ begs.pop(), bi ];
      } else {
        beg = begs.pop();
        if (beg < left) {
          left = beg;
          right = bi;
        }

        bi = str.indexOf(b, i + 1);
      }

      i = ai < bi && ai >= 0 ? ai : bi;
    }

    if (begs.length) {
      result = [ left, right ];
    }
  }

  return result;
}


/***/ }),

/***/ 4691:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var concatMap = __nccwpck_require__(7087)
var balanced = __nccwpck_require__(9380)

module.exports = expandTop

var escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0'
var escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0'
var escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0'
var escComma = '\0COMMA' + Math.random().toFixed(16) + '\0'
var escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0'

var EXPANSION_MAX = 100000

// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
var EXPANSION_MAX_LENGTH = 4000000

// `expand` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
var EXPANSION_MAX_DEPTH = 1000

// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
var EXPANSION_MAX_REWRITES = 1000

// `EXPANSION_MAX_STEPS` bounds the work one `expandTop` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
var EXPANSION_MAX_STEPS = 20000000

// What one `expand` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
var CALL_STEPS = 16

function numeric(str) {
  return parseInt(str, 10) == str ? parseInt(str, 10) : str.charCodeAt(0)
}

function escapeBraces(str) {
  return str
    .split('\\\\')
    .join(escSlash)
    .split('\\{')
    .join(escOpen)
    .split('\\}')
    .join(escClose)
    .split('\\,')
    .join(escComma)
    .split('\\.')
    .join(escPeriod)
}

function unescapeBraces(str) {
  return str
    .split(escSlash)
    .join('\\')
    .split(escOpen)
    .join('{')
    .split(escClose)
    .join('}')
    .split(escComma)
    .join(',')
    .split(escPeriod)
    .join('.')
}

// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
  for (var i = 0; i < items.length; i++) {
    target.push(items[i])
  }
}

// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
//
// `budget` is `{ remaining }`, one counter shared by every level and group of
// an `expandTop` call, so the bound holds for the call as a whole.
function balancedWithBudget(str, masked, budget) {
  if (budget.remaining < 0) {
    return undefined
  }
  var r = balanced.range('{', '}', masked)
  var unmatched = r !== undefined && masked.indexOf('{') < r[0]
  budget.remaining -= r && !unmatched ? r[1] + 1 : str.length
  if (!r || budget.remaining < 0) {
    return undefined
  }
  return {
    end: r[1],
    pre: str.slice(0, r[0]),
    body: str.slice(r[0] + 1, r[1]),
    post: str.slice(r[1] + 1),
    unmatched: unmatched,
  }
}

// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
  budget.remaining -= masked.length
  var open = []
  for (var i = 0; i < masked.length; i++) {
    var c = masked.charCodeAt(i)
    if (c === 0x7b) {
      open.push(i)
    } else if (c === 0x7d && open.length) {
      open.pop()
    }
  }
  var out = ''
  var last = 0
  for (var j = 0; j < open.length; j++) {
    out += masked.slice(last, open[j]) + '\0'
    last = open[j] + 1
  }
  return out + masked.slice(last)
}

// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
  budget.remaining -= str.length
  if (budget.remaining < 0) {
    return false
  }
  // Whether a `}` follows the current position before the line ends
  var close = false
  for (var i = str.length - 1; i >= 0; i--) {
    var c = str.charCodeAt(i)
    if (c === 0x7d) {
      close = true
    } else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
      // A line terminator, which `.` does not match
      close = false
    } else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
      return true
    }
  }
  return false
}

// Basically just str.split(","), but handling cases
// where we have nested braced sections, which should be
// treated as individual members, like {a,{b,c},d}
//
// Returns `undefined` if the step budget runs out before the whole set is
// split, since splitting what is left on every comma would tear apart the
// nested sets it still holds.
function parseCommaParts(str, budget) {
  var parts = []

  // Walk the brace groups iteratively. Recursing on `post` once per group let a
  // chain of them exhaust the stack - the parsing-side counterpart to
  // the `expand` overflow fixed for CVE-2026-14257, and not something `max` or
  // `maxLength` can bound, since it happens before expansion.
  //
  // The part the next chunk continues
  var carry = ''

  for (;;) {
    // A set's body holds no unmatched `{`, so there is nothing to mask.
    var m = balancedWithBudget(str, str, budget)

    if (budget.remaining < 0) {
      return undefined
    }

    if (!m) {
      var tail = str.split(',')
      tail[0] = carry + tail[0]
      pushAll(parts, tail)
      return parts
    }

    var pre = m.pre
    var body = m.body
    var post = m.post
    var p = pre.split(',')

    p[0] = carry + p[0]
    p[p.length - 1] += '{' + body + '}'

    if (!post.length) {
      pushAll(parts, p)
      return parts
    }

    carry = p.pop()
    pushAll(parts, p)
    str = post
  }
}

// An option that is left out or null, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
  return value == null || isNaN(value) ? fallback : value
}

function expandTop(str, options) {
  if (!str) return []

  options = options || {}
  var max = bound(options.max, EXPANSION_MAX)
  var maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH)
  var maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH)
  var maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES)
  var maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS)

  // I don't know why Bash 4.3 does this, but it does.
  // Anything starting with {} will have the first two bytes preserved
  // but *only* at the top level, so {},a}b will not expand to anything,
  // but a{},b}c will be expanded to [a}c,abc].
  // One could argue that this is a bug in Bash, but since the goal of
  // this module is to match Bash's rules, we escape a leading {}
  if (str.substr(0, 2) === '{}') {
    str = '\\{\\}' + str.substr(2)
  }

  return expand(
    escapeBraces(str),
    max,
    maxLength,
    maxDepth,
    0,
    maxRewrites,
    { remaining: maxSteps },
    true
  ).map(unescapeBraces)
}

function identity(e) {
  return e
}

function embrace(str) {
  return '{' + str + '}'
}
function isPadded(el) {
  return /^-?0\d/.test(el)
}

function lte(i, y) {
  return i <= y
}
function gte(i, y) {
  return i >= y
}

// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
//
// `base[a]` is the length of the part of `acc[a]` that predates the current
// empty-drop baseline (see `expand`). The matching baselines for the results
// are appended to `outBase`, which the caller carries forward alongside them.
function combine(
  acc,
  base,
  pre,
  values,
  max,
  maxLength,
  dropEmpties,
  outBase,
  budget
) {
  var out = []
  var length = 0
  // Bash drops empty results at the top level, and they don't count against
  // `max`, so `max` bounds the number of *kept* results. "Empty" means "adds
  // nothing past the baseline", not "empty overall", and only an `acc[a] + pre`
  // that adds nothing can make one, so for those the empty values are skipped
  // without being visited. Visiting them one at a time let a set of empties
  // cost `acc.length * values.length` while keeping nothing.
  var nonEmpty
  outer: for (var a = 0; a < acc.length; a++) {
    var prefix = acc[a] + pre
    var vs = values
    if (dropEmpties && prefix.length === base[a]) {
      if (!nonEmpty) nonEmpty = values.filter(Boolean)
      vs = nonEmpty
    }
    for (var v = 0; v < vs.length; v++) {
      if (out.length >= max) break outer
      var expansion = prefix + vs[v]
      if (length + expansion.length > maxLength) break outer
      out.push(expansion)
      outBase.push(base[a])
      length += expansion.length
    }
  }
  budget.remaining -= out.length
  return out
}

// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
  var n = body.split(/\.\./)
  var N = []
  // A sequence body always splits into two or three parts, but the compiler
  // can't know that.
  /* c8 ignore start */
  if (n[0] === undefined || n[1] === undefined) {
    return N
  }
  /* c8 ignore stop */
  var x = numeric(n[0])
  var y = numeric(n[1])
  var width = Math.max(n[0].length, n[1].length)
  var incr =
    n.length === 3 && n[2] !== undefined ?
      Math.max(Math.abs(numeric(n[2])), 1)
    : 1
  var test = lte
  var reverse = y < x
  if (reverse) {
    incr *= -1
    test = gte
  }
  var pad = n.some(isPadded)
  // A padded value is built a character at a time to `width`, which the input
  // sets, so it costs one step per character: 64KB of
  // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
  // one step per value.
  var cost = pad ? width : 1

  var length = 0
  for (var i = x; test(i, y) && N.length < max; i += incr) {
    // Each value is a step. `max` and `maxLength` bound one sequence, but a
    // chain of them still generated up to `max` values each, however few
    // combining could keep.
    budget.remaining -= cost
    if (budget.remaining < 0) {
      return undefined
    }
    var c
    if (isAlphaSequence) {
      c = String.fromCharCode(i)
      if (c === '\\') {
        c = ''
      }
    } else {
      c = String(i)
      if (pad) {
        var need = width - c.length
        if (need > 0) {
          var z = new Array(need + 1).join('0')
          if (i < 0) {
            c = '-' + z + c.slice(1)
          } else {
            c = z + c
          }
        }
      }
    }
    if (length + c.length > maxLength) break
    N.push(c)
    length += c.length
  }
  return N
}

function expand(
  str,
  max,
  maxLength,
  maxDepth,
  depth,
  maxRewrites,
  budget,
  isTop
) {
  // An overdraft here makes the first scan refuse, so `str` stays literal.
  budget.remaining -= CALL_STEPS

  // Too deeply nested to keep following: treat the rest as literal, the same
  // way a group that cannot expand is already handled. Truncating rather than
  // throwing keeps expansion total, matching `max` and `maxLength`.
  if (depth > maxDepth) {
    return [str]
  }

  // Consume the string's top-level brace groups left to right, threading a
  // running set of combined prefixes (`acc`). Expanding the tail iteratively -
  // rather than recursing on `m.post` once per group - keeps the native stack
  // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
  // longer overflow the stack, and leaves a single accumulator whose size
  // `maxLength` bounds directly (CVE-2026-14257).
  var acc = ['']

  // Bash drops empty results, but only when the *first* group of the run is a
  // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
  // is on the final strings, so it is applied to whichever `combine` produces
  // them (the one with no brace set left in the tail).
  //
  // The old implementation recursed on `m.post`, so the drop tested only the
  // expansion of the current call's substring. The `{a},b}` rewrite below turns
  // `isTop` back on part-way through a string, starting a fresh such run, so
  // the drop must ignore whatever `acc` already holds from earlier groups.
  // `accBase[a]` records how much of `acc[a]` predates the current run;
  // `combine` treats an expansion as empty when it adds nothing past that.
  var accBase = [0]
  // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
  // re-reads the whole string, so leaving this unbounded is quadratic.
  var rewrites = 0
  var dropEmpties = false
  var firstGroup = true
  // `str` with its unmatched `{` masked, once a scan has run into them
  var masked = str
  var nextBase

  for (;;) {
    var m = balancedWithBudget(str, masked, budget)

    // No brace set left, or no step budget left to look for one: the rest of
    // the string is literal.
    if (!m) {
      return combine(
        acc,
        accBase,
        str,
        [''],
        max,
        maxLength,
        dropEmpties,
        [],
        budget
      )
    }
    if (m.unmatched) {
      masked = maskUnmatchedOpens(masked, budget)
    }

    // no need to expand pre, since it is guaranteed to be free of brace-sets
    var pre = m.pre

    // This set and the rest of the string, literal: for a set that cannot
    // expand, and for one the step budget runs out on. Once it is overdrawn,
    // every set still being expanded, at every level, stays literal like this -
    // otherwise each level above would go on combining, and wrapping and
    // expanding again, results the budget was too small for.
    var literal = function () {
      return combine(
        acc,
        accBase,
        pre + '{' + m.body + '}' + m.post,
        [''],
        max,
        maxLength,
        dropEmpties,
        [],
        budget
      )
    }

    // For compatibility reasons, `${` is not eligible for brace expansion, and
    // on the 1.x line it suppresses expansion of the rest of the string too:
    // the whole remainder is literal. The 2.x and 5.x lines instead keep
    // expanding the tail, which is what bash does, but changing that here would
    // be a breaking change for 1.x consumers. Routed through `combine` so the
    // result is still bounded by `max` and `maxLength`.
    if (/\$$/.test(pre)) {
      return combine(
        acc,
        accBase,
        str,
        [''],
        max,
        maxLength,
        dropEmpties,
        [],
        budget
      )
    }

    var isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body)
    var isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(
      m.body
    )
    var isSequence = isNumericSequence || isAlphaSequence
    var isOptions = m.body.indexOf(',') >= 0
    if (!isSequence && !isOptions) {
      // {a},b}
      if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
        rewrites++
        str = m.pre + '{' + m.body + escClose + m.post
        // Taking a `}` away never gives an unmatched `{` a partner, so what
        // is masked stays unmatched. The `{` it closed can be left without
        // one, and the next scan masks it.
        masked =
          masked.slice(0, m.end) + escClose + masked.slice(m.end + 1)
        // The rewritten string is expanded as if it were a fresh top-level one,
        // so start a new empty-drop run: anchor the baseline at what `acc`
        // holds now, and let the next expanding group decide whether to drop.
        isTop = true
        firstGroup = true
        dropEmpties = false
        accBase = []
        for (var b = 0; b < acc.length; b++) {
          accBase.push(acc[b].length)
        }
        continue
      }
      // Nothing here expands, so the whole remaining string is literal.
      return literal()
    }

    if (firstGroup) {
      dropEmpties = isTop && !isSequence
      firstGroup = false
    }

    var values
    if (isSequence) {
      values = expandSequence(
        m.body,
        isAlphaSequence,
        max,
        maxLength,
        budget
      )
      if (!values) {
        return literal()
      }
    } else {
      var n = parseCommaParts(m.body, budget)
      // The step budget ran out partway through the set.
      if (!n) {
        return literal()
      }
      if (n.length === 1 && n[0] !== undefined) {
        // x{{a,b}}y ==> x{a}y x{b}y
        n = expand(
          n[0],
          max,
          maxLength,
          maxDepth,
          depth + 1,
          maxRewrites,
          budget,
          false
        ).map(embrace)
        // The step budget ran out expanding the set's only part.
        if (budget.remaining < 0) {
          return literal()
        }
        //XXX is this necessary? Can't seem to hit it in tests.
        /* c8 ignore start */
        if (n.length === 1) {
          nextBase = []
          var single = combine(
            acc,
            accBase,
            pre + n[0],
            [''],
            max,
            maxLength,
            dropEmpties && !m.post.length,
            nextBase,
            budget
          )
          if (budget.remaining < 0) {
            return literal()
          }
          acc = single
          accBase = nextBase
          if (!m.post.length) break
          str = m.post
          masked = masked.slice(m.end + 1)
          continue
        }
        /* c8 ignore stop */
      }

      // Values that `combine` is going to drop as empty produce no result, so
      // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
      // would stop at `['a', '']` and yield one result instead of two. Skipping
      // them outright keeps `values` bounded while leaving `max` a bound on
      // *kept* results. A value is dropped when it adds nothing past the
      // baseline, which is what `combine` tests.
      var dropsEmpties = dropEmpties && !m.post.length && !pre
      for (var d = 0; dropsEmpties && d < acc.length; d++) {
        if (acc[d].length !== accBase[d]) {
          dropsEmpties = false
        }
      }

      values = []
      var valuesLength = 0
      outer: for (var j = 0; j < n.length; j++) {
        var expanded = expand(
          n[j],
          max,
          maxLength,
          maxDepth,
          depth + 1,
          maxRewrites,
          budget,
          false
        )
        // The step budget ran out expanding a member.
        if (budget.remaining < 0) {
          return literal()
        }
        for (var k = 0; k < expanded.length; k++) {
          var v = expanded[k]
          if (dropsEmpties && !v) continue
          if (
            values.length >= max ||
            valuesLength + v.length > maxLength
          ) {
            break outer
          }
          values.push(v)
          valuesLength += v.length
        }
      }
    }

    nextBase = []
    var next = combine(
      acc,
      accBase,
      pre,
      values,
      max,
      maxLength,
      dropEmpties && !m.post.length,
      nextBase,
      budget
    )
    // The step budget ran out combining the set's values in.
    if (budget.remaining < 0) {
      return literal()
    }
    acc = next
    accBase = nextBase
    if (!m.post.length) break
    str = m.post
    masked = masked.slice(m.end + 1)
  }

  return acc
}


/***/ }),

/***/ 7087:
/***/ ((module) => {

module.exports = function (xs, fn) {
    var res = [];
    for (var i = 0; i < xs.length; i++) {
        var x = fn(xs[i], i);
        if (isArray(x)) res.push.apply(res, x);
        else res.push(x);
    }
    return res;
};

var isArray = Array.isArray || function (xs) {
    return Object.prototype.toString.call(xs) === '[object Array]';
};


/***/ }),

/***/ 3772:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = minimatch
minimatch.Minimatch = Minimatch

var path = (function () { try { return __nccwpck_require__(6928) } catch (e) {}}()) || {
  sep: '/'
}
minimatch.sep = path.sep

var GLOBSTAR = minimatch.GLOBSTAR = Minimatch.GLOBSTAR = {}
var expand = __nccwpck_require__(4691)

var plTypes = {
  '!': { open: '(?:(?!(?:', close: '))[^/]*?)'},
  '?': { open: '(?:', close: ')?' },
  '+': { open: '(?:', close: ')+' },
  '*': { open: '(?:', close: ')*' },
  '@': { open: '(?:', close: ')' }
}

// any single thing other than /
// don't need to escape / when using new RegExp()
var qmark = '[^/]'

// * => any number of characters
var star = qmark + '*?'

// ** when dots are allowed.  Anything goes, except .. and .
// not (^ or / followed by one or two dots followed by $ or /),
// followed by anything, any number of times.
var twoStarDot = '(?:(?!(?:\\\/|^)(?:\\.{1,2})($|\\\/)).)*?'

// not a ^ or / followed by a dot,
// followed by anything, any number of times.
var twoStarNoDot = '(?:(?!(?:\\\/|^)\\.).)*?'

// characters that need to be escaped in RegExp.
var reSpecials = charSet('().*{}+?[]^$\\!')

// "abc" -> { a:true, b:true, c:true }
function charSet (s) {
  return s.split('').reduce(function (set, c) {
    set[c] = true
    return set
  }, {})
}

// normalizes slashes.
var slashSplit = /\/+/

minimatch.filter = filter
function filter (pattern, options) {
  options = options || {}
  return function (p, i, list) {
    return minimatch(p, pattern, options)
  }
}

function ext (a, b) {
  b = b || {}
  var t = {}
  Object.keys(a).forEach(function (k) {
    t[k] = a[k]
  })
  Object.keys(b).forEach(function (k) {
    t[k] = b[k]
  })
  return t
}

minimatch.defaults = function (def) {
  if (!def || typeof def !== 'object' || !Object.keys(def).length) {
    return minimatch
  }

  var orig = minimatch

  var m = function minimatch (p, pattern, options) {
    return orig(p, pattern, ext(def, options))
  }

  m.Minimatch = function Minimatch (pattern, options) {
    return new orig.Minimatch(pattern, ext(def, options))
  }
  m.Minimatch.defaults = function defaults (options) {
    return orig.defaults(ext(def, options)).Minimatch
  }

  m.filter = function filter (pattern, options) {
    return orig.filter(pattern, ext(def, options))
  }

  m.defaults = function defaults (options) {
    return orig.defaults(ext(def, options))
  }

  m.makeRe = function makeRe (pattern, options) {
    return orig.makeRe(pattern, ext(def, options))
  }

  m.braceExpand = function braceExpand (pattern, options) {
    return orig.braceExpand(pattern, ext(def, options))
  }

  m.match = function (list, pattern, options) {
    return orig.match(list, pattern, ext(def, options))
  }

  return m
}

Minimatch.defaults = function (def) {
  return minimatch.defaults(def).Minimatch
}

function minimatch (p, pattern, options) {
  assertValidPattern(pattern)

  if (!options) options = {}

  // shortcut: comments match nothing.
  if (!options.nocomment && pattern.charAt(0) === '#') {
    return false
  }

  return new Minimatch(pattern, options).match(p)
}

function Minimatch (pattern, options) {
  if (!(this instanceof Minimatch)) {
    return new Minimatch(pattern, options)
  }

  assertValidPattern(pattern)

  if (!options) options = {}

  pattern = pattern.trim()

  // windows support: need to use /, not \
  if (!options.allowWindowsEscape && path.sep !== '/') {
    pattern = pattern.split(path.sep).join('/')
  }

  this.options = options
  this.maxGlobstarRecursion = options.maxGlobstarRecursion !== undefined
    ? options.maxGlobstarRecursion : 200
  this.set = []
  this.pattern = pattern
  this.regexp = null
  this.negate = false
  this.comment = false
  this.empty = false
  this.partial = !!options.partial

  // make the set of regexps etc.
  this.make()
}

Minimatch.prototype.debug = function () {}

Minimatch.prototype.make = make
function make () {
  var pattern = this.pattern
  var options = this.options

  // empty patterns and comments match nothing.
  if (!options.nocomment && pattern.charAt(0) === '#') {
    this.comment = true
    return
  }
  if (!pattern) {
    this.empty = true
    return
  }

  // step 1: figure out negation, etc.
  this.parseNegate()

  // step 2: expand braces
  var set = this.globSet = this.braceExpand()

  if (options.debug) this.debug = function debug() { console.error.apply(console, arguments) }

  this.debug(this.pattern, set)

  // step 3: now we have a set, so turn each one into a series of path-portion
  // matching patterns.
  // These will be regexps, except in the case of "**", which is
  // set to the GLOBSTAR object for globstar behavior,
  // and will not contain any / characters
  set = this.globParts = set.map(function (s) {
    return s.split(slashSplit)
  })

  this.debug(this.pattern, set)

  // glob --> regexps
  set = set.map(function (s, si, set) {
    return s.map(this.parse, this)
  }, this)

  this.debug(this.pattern, set)

  // filter out everything that didn't compile properly.
  set = set.filter(function (s) {
    return s.indexOf(false) === -1
  })

  this.debug(this.pattern, set)

  this.set = set
}

Minimatch.prototype.parseNegate = parseNegate
function parseNegate () {
  var pattern = this.pattern
  var negate = false
  var options = this.options
  var negateOffset = 0

  if (options.nonegate) return

  for (var i = 0, l = pattern.length
    ; i < l && pattern.charAt(i) === '!'
    ; i++) {
    negate = !negate
    negateOffset++
  }

  if (negateOffset) this.pattern = pattern.substr(negateOffset)
  this.negate = negate
}

// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
minimatch.braceExpand = function (pattern, options) {
  return braceExpand(pattern, options)
}

Minimatch.prototype.braceExpand = braceExpand

function braceExpand (pattern, options) {
  if (!options) {
    if (this instanceof Minimatch) {
      options = this.options
    } else {
      options = {}
    }
  }

  pattern = typeof pattern === 'undefined'
    ? this.pattern : pattern

  assertValidPattern(pattern)

  // Thanks to Yeting Li <https://github.com/yetingli> for
  // improving this regexp to avoid a ReDOS vulnerability.
  if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
    // shortcut. no need to expand.
    return [pattern]
  }

  return expand(pattern)
}

var MAX_PATTERN_LENGTH = 1024 * 64
var assertValidPattern = function (pattern) {
  if (typeof pattern !== 'string') {
    throw new TypeError('invalid pattern')
  }

  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new TypeError('pattern is too long')
  }
}

// parse a component of the expanded set.
// At this point, no pattern may contain "/" in it
// so we're going to return a 2d array, where each entry is the full
// pattern, split on '/', and then turned into a regular expression.
// A regexp is made at the end which joins each array with an
// escaped /, and another full one which joins each regexp with |.
//
// Following the lead of Bash 4.1, note that "**" only has special meaning
// when it is the *only* thing in a path portion.  Otherwise, any series
// of * is equivalent to a single *.  Globstar behavior is enabled by
// default, and can be disabled by setting options.noglobstar.
Minimatch.prototype.parse = parse
var SUBPARSE = {}
function parse (pattern, isSub) {
  assertValidPattern(pattern)

  var options = this.options

  // shortcuts
  if (pattern === '**') {
    if (!options.noglobstar)
      return GLOBSTAR
    else
      pattern = '*'
  }
  if (pattern === '') return ''

  var re = ''
  var hasMagic = !!options.nocase
  var escaping = false
  // ? => one single character
  var patternListStack = []
  var negativeLists = []
  var stateChar
  var inClass = false
  var reClassStart = -1
  var classStart = -1
  // . and .. never match anything that doesn't start with .,
  // even when options.dot is set.
  var patternStart = pattern.charAt(0) === '.' ? '' // anything
  // not (start or / followed by . or .. followed by / or end)
  : options.dot ? '(?!(?:^|\\\/)\\.{1,2}(?:$|\\\/))'
  : '(?!\\.)'
  var self = this

  function clearStateChar () {
    if (stateChar) {
      // we had some state-tracking character
      // that wasn't consumed by this pass.
      switch (stateChar) {
        case '*':
          re += star
          hasMagic = true
        break
        case '?':
          re += qmark
          hasMagic = true
        break
        default:
          re += '\\' + stateChar
        break
      }
      self.debug('clearStateChar %j %j', stateChar, re)
      stateChar = false
    }
  }

  for (var i = 0, len = pattern.length, c
    ; (i < len) && (c = pattern.charAt(i))
    ; i++) {
    this.debug('%s\t%s %s %j', pattern, i, re, c)

    // skip over any that are escaped.
    if (escaping && reSpecials[c]) {
      re += '\\' + c
      escaping = false
      continue
    }

    switch (c) {
      /* istanbul ignore next */
      case '/': {
        // completely not allowed, even escaped.
        // Should already be path-split by now.
        return false
      }

      case '\\':
        clearStateChar()
        escaping = true
      continue

      // the various stateChar values
      // for the "extglob" stuff.
      case '?':
      case '*':
      case '+':
      case '@':
      case '!':
        this.debug('%s\t%s %s %j <-- stateChar', pattern, i, re, c)

        // all of those are literals inside a class, except that
        // the glob [!a] means [^a] in regexp
        if (inClass) {
          this.debug('  in class')
          if (c === '!' && i === classStart + 1) c = '^'
          re += c
          continue
        }

        // coalesce consecutive non-globstar * characters
        if (c === '*' && stateChar === '*') continue

        // if we already have a stateChar, then it means
        // that there was something like ** or +? in there.
        // Handle the stateChar, then proceed with this one.
        self.debug('call clearStateChar %j', stateChar)
        clearStateChar()
        stateChar = c
        // if extglob is disabled, then +(asdf|foo) isn't a thing.
        // just clear the statechar *now*, rather than even diving into
        // the patternList stuff.
        if (options.noext) clearStateChar()
      continue

      case '(':
        if (inClass) {
          re += '('
          continue
        }

        if (!stateChar) {
          re += '\\('
          continue
        }

        patternListStack.push({
          type: stateChar,
          start: i - 1,
          reStart: re.length,
          open: plTypes[stateChar].open,
          close: plTypes[stateChar].close
        })
        // negation is (?:(?!js)[^/]*)
        re += stateChar === '!' ? '(?:(?!(?:' : '(?:'
        this.debug('plType %j %j', stateChar, re)
        stateChar = false
      continue

      case ')':
        if (inClass || !patternListStack.length) {
          re += '\\)'
          continue
        }

        clearStateChar()
        hasMagic = true
        var pl = patternListStack.pop()
        // negation is (?:(?!js)[^/]*)
        // The others are (?:<pattern>)<type>
        re += pl.close
        if (pl.type === '!') {
          negativeLists.push(pl)
        }
        pl.reEnd = re.length
      continue

      case '|':
        if (inClass || !patternListStack.length || escaping) {
          re += '\\|'
          escaping = false
          continue
        }

        clearStateChar()
        re += '|'
      continue

      // these are mostly the same in regexp and glob
      case '[':
        // swallow any state-tracking char before the [
        clearStateChar()

        if (inClass) {
          re += '\\' + c
          continue
        }

        inClass = true
        classStart = i
        reClassStart = re.length
        re += c
      continue

      case ']':
        //  a right bracket shall lose its special
        //  meaning and represent itself in
        //  a bracket expression if it occurs
        //  first in the list.  -- POSIX.2 2.8.3.2
        if (i === classStart + 1 || !inClass) {
          re += '\\' + c
          escaping = false
          continue
        }

        // handle the case where we left a class open.
        // "[z-a]" is valid, equivalent to "\[z-a\]"
        // split where the last [ was, make sure we don't have
        // an invalid re. if so, re-walk the contents of the
        // would-be class to re-translate any characters that
        // were passed through as-is
        // TODO: It would probably be faster to determine this
        // without a try/catch and a new RegExp, but it's tricky
        // to do safely.  For now, this is safe and works.
        var cs = pattern.substring(classStart + 1, i)
        try {
          RegExp('[' + cs + ']')
        } catch (er) {
          // not a valid class!
          var sp = this.parse(cs, SUBPARSE)
          re = re.substr(0, reClassStart) + '\\[' + sp[0] + '\\]'
          hasMagic = hasMagic || sp[1]
          inClass = false
          continue
        }

        // finish up the class.
        hasMagic = true
        inClass = false
        re += c
      continue

      default:
        // swallow any state char that wasn't consumed
        clearStateChar()

        if (escaping) {
          // no need
          escaping = false
        } else if (reSpecials[c]
          && !(c === '^' && inClass)) {
          re += '\\'
        }

        re += c

    } // switch
  } // for

  // handle the case where we left a class open.
  // "[abc" is valid, equivalent to "\[abc"
  if (inClass) {
    // split where the last [ was, and escape it
    // this is a huge pita.  We now have to re-walk
    // the contents of the would-be class to re-translate
    // any characters that were passed through as-is
    cs = pattern.substr(classStart + 1)
    sp = this.parse(cs, SUBPARSE)
    re = re.substr(0, reClassStart) + '\\[' + sp[0]
    hasMagic = hasMagic || sp[1]
  }

  // handle the case where we had a +( thing at the *end*
  // of the pattern.
  // each pattern list stack adds 3 chars, and we need to go through
  // and escape any | chars that were passed through as-is for the regexp.
  // Go through and escape them, taking care not to double-escape any
  // | chars that were already escaped.
  for (pl = patternListStack.pop(); pl; pl = patternListStack.pop()) {
    var tail = re.slice(pl.reStart + pl.open.length)
    this.debug('setting tail', re, pl)
    // maybe some even number of \, then maybe 1 \, followed by a |
    tail = tail.replace(/((?:\\{2}){0,64})(\\?)\|/g, function (_, $1, $2) {
      if (!$2) {
        // the | isn't already escaped, so escape it.
        $2 = '\\'
      }

      // need to escape all those slashes *again*, without escaping the
      // one that we need for escaping the | character.  As it works out,
      // escaping an even number of slashes can be done by simply repeating
      // it exactly after itself.  That's why this trick works.
      //
      // I am sorry that you have to see this.
      return $1 + $1 + $2 + '|'
    })

    this.debug('tail=%j\n   %s', tail, tail, pl, re)
    var t = pl.type === '*' ? star
      : pl.type === '?' ? qmark
      : '\\' + pl.type

    hasMagic = true
    re = re.slice(0, pl.reStart) + t + '\\(' + tail
  }

  // handle trailing things that only matter at the very end.
  clearStateChar()
  if (escaping) {
    // trailing \\
    re += '\\\\'
  }

  // only need to apply the nodot start if the re starts with
  // something that could conceivably capture a dot
  var addPatternStart = false
  switch (re.charAt(0)) {
    case '[': case '.': case '(': addPatternStart = true
  }

  // Hack to work around lack of negative lookbehind in JS
  // A pattern like: *.!(x).!(y|z) needs to ensure that a name
  // like 'a.xyz.yz' doesn't match.  So, the first negative
  // lookahead, has to look ALL the way ahead, to the end of
  // the pattern.
  for (var n = negativeLists.length - 1; n > -1; n--) {
    var nl = negativeLists[n]

    var nlBefore = re.slice(0, nl.reStart)
    var nlFirst = re.slice(nl.reStart, nl.reEnd - 8)
    var nlLast = re.slice(nl.reEnd - 8, nl.reEnd)
    var nlAfter = re.slice(nl.reEnd)

    nlLast += nlAfter

    // Handle nested stuff like *(*.js|!(*.json)), where open parens
    // mean that we should *not* include the ) in the bit that is considered
    // "after" the negated section.
    var openParensBefore = nlBefore.split('(').length - 1
    var cleanAfter = nlAfter
    for (i = 0; i < openParensBefore; i++) {
      cleanAfter = cleanAfter.replace(/\)[+*?]?/, '')
    }
    nlAfter = cleanAfter

    var dollar = ''
    if (nlAfter === '' && isSub !== SUBPARSE) {
      dollar = '$'
    }
    var newRe = nlBefore + nlFirst + nlAfter + dollar + nlLast
    re = newRe
  }

  // if the re is not "" at this point, then we need to make sure
  // it doesn't match against an empty path part.
  // Otherwise a/* will match a/, which it should not.
  if (re !== '' && hasMagic) {
    re = '(?=.)' + re
  }

  if (addPatternStart) {
    re = patternStart + re
  }

  // parsing just a piece of a larger pattern.
  if (isSub === SUBPARSE) {
    return [re, hasMagic]
  }

  // skip the regexp for non-magical patterns
  // unescape anything in it, though, so that it'll be
  // an exact match against a file etc.
  if (!hasMagic) {
    return globUnescape(pattern)
  }

  var flags = options.nocase ? 'i' : ''
  try {
    var regExp = new RegExp('^' + re + '$', flags)
  } catch (er) /* istanbul ignore next - should be impossible */ {
    // If it was an invalid regular expression, then it can't match
    // anything.  This trick looks for a character after the end of
    // the string, which is of course impossible, except in multi-line
    // mode, but it's not a /m regex.
    return new RegExp('$.')
  }

  regExp._glob = pattern
  regExp._src = re

  return regExp
}

minimatch.makeRe = function (pattern, options) {
  return new Minimatch(pattern, options || {}).makeRe()
}

Minimatch.prototype.makeRe = makeRe
function makeRe () {
  if (this.regexp || this.regexp === false) return this.regexp

  // at this point, this.set is a 2d array of partial
  // pattern strings, or "**".
  //
  // It's better to use .match().  This function shouldn't
  // be used, really, but it's pretty convenient sometimes,
  // when you just want to work with a regex.
  var set = this.set

  if (!set.length) {
    this.regexp = false
    return this.regexp
  }
  var options = this.options

  var twoStar = options.noglobstar ? star
    : options.dot ? twoStarDot
    : twoStarNoDot
  var flags = options.nocase ? 'i' : ''

  var re = set.map(function (pattern) {
    return pattern.map(function (p) {
      return (p === GLOBSTAR) ? twoStar
      : (typeof p === 'string') ? regExpEscape(p)
      : p._src
    }).join('\\\/')
  }).join('|')

  // must match entire pattern
  // ending in a * or ** will make it less strict.
  re = '^(?:' + re + ')$'

  // can match anything, as long as it's not this.
  if (this.negate) re = '^(?!' + re + ').*$'

  try {
    this.regexp = new RegExp(re, flags)
  } catch (ex) /* istanbul ignore next - should be impossible */ {
    this.regexp = false
  }
  return this.regexp
}

minimatch.match = function (list, pattern, options) {
  options = options || {}
  var mm = new Minimatch(pattern, options)
  list = list.filter(function (f) {
    return mm.match(f)
  })
  if (mm.options.nonull && !list.length) {
    list.push(pattern)
  }
  return list
}

Minimatch.prototype.match = function match (f, partial) {
  if (typeof partial === 'undefined') partial = this.partial
  this.debug('match', f, this.pattern)
  // short-circuit in the case of busted things.
  // comments, etc.
  if (this.comment) return false
  if (this.empty) return f === ''

  if (f === '/' && partial) return true

  var options = this.options

  // windows: need to use /, not \
  if (path.sep !== '/') {
    f = f.split(path.sep).join('/')
  }

  // treat the test path as a set of pathparts.
  f = f.split(slashSplit)
  this.debug(this.pattern, 'split', f)

  // just ONE of the pattern sets in this.set needs to match
  // in order for it to be valid.  If negating, then just one
  // match means that we have failed.
  // Either way, return on the first hit.

  var set = this.set
  this.debug(this.pattern, 'set', set)

  // Find the basename of the path by looking for the last non-empty segment
  var filename
  var i
  for (i = f.length - 1; i >= 0; i--) {
    filename = f[i]
    if (filename) break
  }

  for (i = 0; i < set.length; i++) {
    var pattern = set[i]
    var file = f
    if (options.matchBase && pattern.length === 1) {
      file = [filename]
    }
    var hit = this.matchOne(file, pattern, partial)
    if (hit) {
      if (options.flipNegate) return true
      return !this.negate
    }
  }

  // didn't get any hits.  this is success if it's a negative
  // pattern, failure otherwise.
  if (options.flipNegate) return false
  return this.negate
}

// set partial to true to test if, for example,
// "/a/b" matches the start of "/*/b/*/d"
// Partial means, if you run out of file before you run
// out of pattern, then that's fine, as long as all
// the parts match.
Minimatch.prototype.matchOne = function (file, pattern, partial) {
  if (pattern.indexOf(GLOBSTAR) !== -1) {
    return this._matchGlobstar(file, pattern, partial, 0, 0)
  }
  return this._matchOne(file, pattern, partial, 0, 0)
}

Minimatch.prototype._matchGlobstar = function (file, pattern, partial, fileIndex, patternIndex) {
  var i

  // find first globstar from patternIndex
  var firstgs = -1
  for (i = patternIndex; i < pattern.length; i++) {
    if (pattern[i] === GLOBSTAR) { firstgs = i; break }
  }

  // find last globstar
  var lastgs = -1
  for (i = pattern.length - 1; i >= 0; i--) {
    if (pattern[i] === GLOBSTAR) { lastgs = i; break }
  }

  var head = pattern.slice(patternIndex, firstgs)
  var body = partial ? pattern.slice(firstgs + 1) : pattern.slice(firstgs + 1, lastgs)
  var tail = partial ? [] : pattern.slice(lastgs + 1)

  // check the head
  if (head.length) {
    var fileHead = file.slice(fileIndex, fileIndex + head.length)
    if (!this._matchOne(fileHead, head, partial, 0, 0)) {
      return false
    }
    fileIndex += head.length
  }

  // check the tail
  var fileTailMatch = 0
  if (tail.length) {
    if (tail.length + fileIndex > file.length) return false

    var tailStart = file.length - tail.length
    if (this._matchOne(file, tail, partial, tailStart, 0)) {
      fileTailMatch = tail.length
    } else {
      // affordance for stuff like a/**/* matching a/b/
      if (file[file.length - 1] !== '' ||
          fileIndex + tail.length === file.length) {
        return false
      }
      tailStart--
      if (!this._matchOne(file, tail, partial, tailStart, 0)) {
        return false
      }
      fileTailMatch = tail.length + 1
    }
  }

  // if body is empty (single ** between head and tail)
  if (!body.length) {
    var sawSome = !!fileTailMatch
    for (i = fileIndex; i < file.length - fileTailMatch; i++) {
      var f = String(file[i])
      sawSome = true
      if (f === '.' || f === '..' ||
          (!this.options.dot && f.charAt(0) === '.')) {
        return false
      }
    }
    return partial || sawSome
  }

  // split body into segments at each GLOBSTAR
  var bodySegments = [[[], 0]]
  var currentBody = bodySegments[0]
  var nonGsParts = 0
  var nonGsPartsSums = [0]
  for (var bi = 0; bi < body.length; bi++) {
    var b = body[bi]
    if (b === GLOBSTAR) {
      nonGsPartsSums.push(nonGsParts)
      currentBody = [[], 0]
      bodySegments.push(currentBody)
    } else {
      currentBody[0].push(b)
      nonGsParts++
    }
  }

  var idx = bodySegments.length - 1
  var fileLength = file.length - fileTailMatch
  for (var si = 0; si < bodySegments.length; si++) {
    bodySegments[si][1] = fileLength -
      (nonGsPartsSums[idx--] + bodySegments[si][0].length)
  }

  return !!this._matchGlobStarBodySections(
    file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch
  )
}

// return false for "nope, not matching"
// return null for "not matching, cannot keep trying"
Minimatch.prototype._matchGlobStarBodySections = function (
  file, bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail
) {
  var bs = bodySegments[bodyIndex]
  if (!bs) {
    // just make sure there are no bad dots
    for (var i = fileIndex; i < file.length; i++) {
      sawTail = true
      var f = file[i]
      if (f === '.' || f === '..' ||
          (!this.options.dot && f.charAt(0) === '.')) {
        return false
      }
    }
    return sawTail
  }

  var body = bs[0]
  var after = bs[1]
  while (fileIndex <= after) {
    var m = this._matchOne(
      file.slice(0, fileIndex + body.length),
      body,
      partial,
      fileIndex,
      0
    )
    // if limit exceeded, no match. intentional false negative,
    // acceptable break in correctness for security.
    if (m && globStarDepth < this.maxGlobstarRecursion) {
      var sub = this._matchGlobStarBodySections(
        file, bodySegments,
        fileIndex + body.length, bodyIndex + 1,
        partial, globStarDepth + 1, sawTail
      )
      if (sub !== false) {
        return sub
      }
    }
    var f = file[fileIndex]
    if (f === '.' || f === '..' ||
        (!this.options.dot && f.charAt(0) === '.')) {
      return false
    }
    fileIndex++
  }
  return partial || null
}

Minimatch.prototype._matchOne = function (file, pattern, partial, fileIndex, patternIndex) {
  var fi, pi, fl, pl
  for (
    fi = fileIndex, pi = patternIndex, fl = file.length, pl = pattern.length
    ; (fi < fl) && (pi < pl)
    ; fi++, pi++
  ) {
    this.debug('matchOne loop')
    var p = pattern[pi]
    var f = file[fi]

    this.debug(pattern, p, f)

    // should be impossible.
    // some invalid regexp stuff in the set.
    /* istanbul ignore if */
    if (p === false || p === GLOBSTAR) return false

    // something other than **
    // non-magic patterns just have to match exactly
    // patterns with magic have been turned into regexps.
    var hit
    if (typeof p === 'string') {
      hit = f === p
      this.debug('string match', p, f, hit)
    } else {
      hit = f.match(p)
      this.debug('pattern match', p, f, hit)
    }

    if (!hit) return false
  }

  // now either we fell off the end of the pattern, or we're done.
  if (fi === fl && pi === pl) {
    // ran out of pattern and filename at the same time.
    // an exact hit!
    return true
  } else if (fi === fl) {
    // ran out of file, but still had pattern left.
    // this is ok if we're doing the match as part of
    // a glob fs traversal.
    return partial
  } else /* istanbul ignore else */ if (pi === pl) {
    // ran out of pattern, still have file left.
    // this is only acceptable if we're on the very last
    // empty segment of a file with a trailing slash.
    // a/* should match a/b/
    return (fi === fl - 1) && (file[fi] === '')
  }

  // should be unreachable.
  /* istanbul ignore next */
  throw new Error('wtf?')
}

// replace stuff like \* with *
function globUnescape (s) {
  return s.replace(/\\(.)/g, '$1')
}

function regExpEscape (s) {
  return s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&')
}


/***/ }),

/***/ 5560:
/***/ ((module) => {

// vim:ts=4:sts=4:sw=4:
/*!
 *
 * Copyright 2009-2017 Kris Kowal under the terms of the MIT
 * license found at https://github.com/kriskowal/q/blob/v1/LICENSE
 *
 * With parts by Tyler Close
 * Copyright 2007-2009 Tyler Close under the terms of the MIT X license found
 * at http://www.opensource.org/licenses/mit-license.html
 * Forked at ref_send.js version: 2009-05-11
 *
 * With parts by Mark Miller
 * Copyright (C) 2011 Google Inc.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 * http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 *
 */

(function (definition) {
    "use strict";

    // This file will function properly as a <script> tag, or a module
    // using CommonJS and NodeJS or RequireJS module formats.  In
    // Common/Node/RequireJS, the module exports the Q API and when
    // executed as a simple <script>, it creates a Q global instead.

    // Montage Require
    if (typeof bootstrap === "function") {
        bootstrap("promise", definition);

    // CommonJS
    } else if (true) {
        module.exports = definition();

    // RequireJS
    } else { var previousQ, global; }

})(function () {
"use strict";

var hasStacks = false;
try {
    throw new Error();
} catch (e) {
    hasStacks = !!e.stack;
}

// All code after this point will be filtered from stack traces reported
// by Q.
var qStartingLine = captureLine();
var qFileName;

// shims

// used for fallback in "allResolved"
var noop = function () {};

// Use the fastest possible means to execute a task in a future turn
// of the event loop.
var nextTick =(function () {
    // linked list of tasks (single, with head node)
    var head = {task: void 0, next: null};
    var tail = head;
    var flushing = false;
    var requestTick = void 0;
    var isNodeJS = false;
    // queue for late tasks, used by unhandled rejection tracking
    var laterQueue = [];

    function flush() {
        /* jshint loopfunc: true */
        var task, domain;

        while (head.next) {
            head = head.next;
            task = head.task;
            head.task = void 0;
            domain = head.domain;

            if (domain) {
                head.domain = void 0;
                domain.enter();
            }
            runSingle(task, domain);

        }
        while (laterQueue.length) {
            task = laterQueue.pop();
            runSingle(task);
        }
        flushing = false;
    }
    // runs a single function in the async queue
    function runSingle(task, domain) {
        try {
            task();

        } catch (e) {
            if (isNodeJS) {
                // In node, uncaught exceptions are considered fatal errors.
                // Re-throw them synchronously to interrupt flushing!

                // Ensure continuation if the uncaught exception is suppressed
                // listening "uncaughtException" events (as domains does).
                // Continue in next event to avoid tick recursion.
                if (domain) {
                    domain.exit();
                }
                setTimeout(flush, 0);
                if (domain) {
                    domain.enter();
                }

                throw e;

            } else {
                // In browsers, uncaught exceptions are not fatal.
                // Re-throw them asynchronously to avoid slow-downs.
                setTimeout(function () {
                    throw e;
                }, 0);
            }
        }

        if (domain) {
            domain.exit();
        }
    }

    nextTick = function (task) {
        tail = tail.next = {
            task: task,
            domain: isNodeJS && process.domain,
            next: null
        };

        if (!flushing) {
            flushing = true;
            requestTick();
        }
    };

    if (typeof process === "object" &&
        process.toString() === "[object process]" && process.nextTick) {
        // Ensure Q is in a real Node environment, with a `process.nextTick`.
        // To see through fake Node environments:
        // * Mocha test runner - exposes a `process` global without a `nextTick`
        // * Browserify - exposes a `process.nexTick` function that uses
        //   `setTimeout`. In this case `setImmediate` is preferred because
        //    it is faster. Browserify's `process.toString()` yields
        //   "[object Object]", while in a real Node environment
        //   `process.toString()` yields "[object process]".
        isNodeJS = true;

        requestTick = function () {
            process.nextTick(flush);
        };

    } else if (typeof setImmediate === "function") {
        // In IE10, Node.js 0.9+, or https://github.com/NobleJS/setImmediate
        if (typeof window !== "undefined") {
            requestTick = setImmediate.bind(window, flush);
        } else {
            requestTick = function () {
                setImmediate(flush);
            };
        }

    } else if (typeof MessageChannel !== "undefined") {
        // modern browsers
        // http://www.nonblocking.io/2011/06/windownexttick.html
        var channel = new MessageChannel();
        // At least Safari Version 6.0.5 (8536.30.1) intermittently cannot create
        // working message ports the first time a page loads.
        channel.port1.onmessage = function () {
            requestTick = requestPortTick;
            channel.port1.onmessage = flush;
            flush();
        };
        var requestPortTick = function () {
            // Opera requires us to provide a message payload, regardless of
            // whether we use it.
            channel.port2.postMessage(0);
        };
        requestTick = function () {
            setTimeout(flush, 0);
            requestPortTick();
        };

    } else {
        // old browsers
        requestTick = function () {
            setTimeout(flush, 0);
        };
    }
    // runs a task after all other tasks have been run
    // this is useful for unhandled rejection tracking that needs to happen
    // after all `then`d tasks have been run.
    nextTick.runAfter = function (task) {
        laterQueue.push(task);
        if (!flushing) {
            flushing = true;
            requestTick();
        }
    };
    return nextTick;
})();

// Attempt to make generics safe in the face of downstream
// modifications.
// There is no situation where this is necessary.
// If you need a security guarantee, these primordials need to be
// deeply frozen anyway, and if you don’t need a security guarantee,
// this is just plain paranoid.
// However, this **might** have the nice side-effect of reducing the size of
// the minified code by reducing x.call() to merely x()
// See Mark Miller’s explanation of what this does.
// http://wiki.ecmascript.org/doku.php?id=conventions:safe_meta_programming
var call = Function.call;
function uncurryThis(f) {
    return function () {
        return call.apply(f, arguments);
    };
}
// This is equivalent, but slower:
// uncurryThis = Function_bind.bind(Function_bind.call);
// http://jsperf.com/uncurrythis

var array_slice = uncurryThis(Array.prototype.slice);

var array_reduce = uncurryThis(
    Array.prototype.reduce || function (callback, basis) {
        var index = 0,
            length = this.length;
        // concerning the initial value, if one is not provided
        if (arguments.length === 1) {
            // seek to the first value in the array, accounting
            // for the possibility that is is a sparse array
            do {
                if (index in this) {
                    basis = this[index++];
                    break;
                }
                if (++index >= length) {
                    throw new TypeError();
                }
            } while (1);
        }
        // reduce
        for (; index < length; index++) {
            // account for the possibility that the array is sparse
            if (index in this) {
                basis = callback(basis, this[index], index);
            }
        }
        return basis;
    }
);

var array_indexOf = uncurryThis(
    Array.prototype.indexOf || function (value) {
        // not a very good shim, but good enough for our one use of it
        for (var i = 0; i < this.length; i++) {
            if (this[i] === value) {
                return i;
            }
        }
        return -1;
    }
);

var array_map = uncurryThis(
    Array.prototype.map || function (callback, thisp) {
        var self = this;
        var collect = [];
        array_reduce(self, function (undefined, value, index) {
            collect.push(callback.call(thisp, value, index, self));
        }, void 0);
        return collect;
    }
);

var object_create = Object.create || function (prototype) {
    function Type() { }
    Type.prototype = prototype;
    return new Type();
};

var object_defineProperty = Object.defineProperty || function (obj, prop, descriptor) {
    obj[prop] = descriptor.value;
    return obj;
};

var object_hasOwnProperty = uncurryThis(Object.prototype.hasOwnProperty);

var object_keys = Object.keys || function (object) {
    var keys = [];
    for (var key in object) {
        if (object_hasOwnProperty(object, key)) {
            keys.push(key);
        }
    }
    return keys;
};

var object_toString = uncurryThis(Object.prototype.toString);

function isObject(value) {
    return value === Object(value);
}

// generator related shims

// FIXME: Remove this function once ES6 generators are in SpiderMonkey.
function isStopIteration(exception) {
    return (
        object_toString(exception) === "[object StopIteration]" ||
        exception instanceof QReturnValue
    );
}

// FIXME: Remove this helper and Q.return once ES6 generators are in
// SpiderMonkey.
var QReturnValue;
if (typeof ReturnValue !== "undefined") {
    QReturnValue = ReturnValue;
} else {
    QReturnValue = function (value) {
        this.value = value;
    };
}

// long stack traces

var STACK_JUMP_SEPARATOR = "From previous event:";

function makeStackTraceLong(error, promise) {
    // If possible, transform the error stack trace by removing Node and Q
    // cruft, then concatenating with the stack trace of `promise`. See #57.
    if (hasStacks &&
        promise.stack &&
        typeof error === "object" &&
        error !== null &&
        error.stack
    ) {
        var stacks = [];
        for (var p = promise; !!p; p = p.source) {
            if (p.stack && (!error.__minimumStackCounter__ || error.__minimumStackCounter__ > p.stackCounter)) {
                object_defineProperty(error, "__minimumStackCounter__", {value: p.stackCounter, configurable: true});
                stacks.unshift(p.stack);
            }
        }
        stacks.unshift(error.stack);

        var concatedStacks = stacks.join("\n" + STACK_JUMP_SEPARATOR + "\n");
        var stack = filterStackString(concatedStacks);
        object_defineProperty(error, "stack", {value: stack, configurable: true});
    }
}

function filterStackString(stackString) {
    var lines = stackString.split("\n");
    var desiredLines = [];
    for (var i = 0; i < lines.length; ++i) {
        var line = lines[i];

        if (!isInternalFrame(line) && !isNodeFrame(line) && line) {
            desiredLines.push(line);
        }
    }
    return desiredLines.join("\n");
}

function isNodeFrame(stackLine) {
    return stackLine.indexOf("(module.js:") !== -1 ||
           stackLine.indexOf("(node.js:") !== -1;
}

function getFileNameAndLineNumber(stackLine) {
    // Named functions: "at functionName (filename:lineNumber:columnNumber)"
    // In IE10 function name can have spaces ("Anonymous function") O_o
    var attempt1 = /at .+ \((.+):(\d+):(?:\d+)\)$/.exec(stackLine);
    if (attempt1) {
        return [attempt1[1], Number(attempt1[2])];
    }

    // Anonymous functions: "at filename:lineNumber:columnNumber"
    var attempt2 = /at ([^ ]+):(\d+):(?:\d+)$/.exec(stackLine);
    if (attempt2) {
        return [attempt2[1], Number(attempt2[2])];
    }

    // Firefox style: "function@filename:lineNumber or @filename:lineNumber"
    var attempt3 = /.*@(.+):(\d+)$/.exec(stackLine);
    if (attempt3) {
        return [attempt3[1], Number(attempt3[2])];
    }
}

function isInternalFrame(stackLine) {
    var fileNameAndLineNumber = getFileNameAndLineNumber(stackLine);

    if (!fileNameAndLineNumber) {
        return false;
    }

    var fileName = fileNameAndLineNumber[0];
    var lineNumber = fileNameAndLineNumber[1];

    return fileName === qFileName &&
        lineNumber >= qStartingLine &&
        lineNumber <= qEndingLine;
}

// discover own file name and line number range for filtering stack
// traces
function captureLine() {
    if (!hasStacks) {
        return;
    }

    try {
        throw new Error();
    } catch (e) {
        var lines = e.stack.split("\n");
        var firstLine = lines[0].indexOf("@") > 0 ? lines[1] : lines[2];
        var fileNameAndLineNumber = getFileNameAndLineNumber(firstLine);
        if (!fileNameAndLineNumber) {
            return;
        }

        qFileName = fileNameAndLineNumber[0];
        return fileNameAndLineNumber[1];
    }
}

function deprecate(callback, name, alternative) {
    return function () {
        if (typeof console !== "undefined" &&
            typeof console.warn === "function") {
            console.warn(name + " is deprecated, use " + alternative +
                         " instead.", new Error("").stack);
        }
        return callback.apply(callback, arguments);
    };
}

// end of shims
// beginning of real work

/**
 * Constructs a promise for an immediate reference, passes promises through, or
 * coerces promises from different systems.
 * @param value immediate reference or promise
 */
function Q(value) {
    // If the object is already a Promise, return it directly.  This enables
    // the resolve function to both be used to created references from objects,
    // but to tolerably coerce non-promises to promises.
    if (value instanceof Promise) {
        return value;
    }

    // assimilate thenables
    if (isPromiseAlike(value)) {
        return coerce(value);
    } else {
        return fulfill(value);
    }
}
Q.resolve = Q;

/**
 * Performs a task in a future turn of the event loop.
 * @param {Function} task
 */
Q.nextTick = nextTick;

/**
 * Controls whether or not long stack traces will be on
 */
Q.longStackSupport = false;

/**
 * The counter is used to determine the stopping point for building
 * long stack traces. In makeStackTraceLong we walk backwards through
 * the linked list of promises, only stacks which were created before
 * the rejection are concatenated.
 */
var longStackCounter = 1;

// enable long stacks if Q_DEBUG is set
if (typeof process === "object" && process && process.env && process.env.Q_DEBUG) {
    Q.longStackSupport = true;
}

/**
 * Constructs a {promise, resolve, reject} object.
 *
 * `resolve` is a callback to invoke with a more resolved value for the
 * promise. To fulfill the promise, invoke `resolve` with any value that is
 * not a thenable. To reject the promise, invoke `resolve` with a rejected
 * thenable, or invoke `reject` with the reason directly. To resolve the
 * promise to another thenable, thus putting it in the same state, invoke
 * `resolve` with that other thenable.
 */
Q.defer = defer;
function defer() {
    // if "messages" is an "Array", that indicates that the promise has not yet
    // been resolved.  If it is "undefined", it has been resolved.  Each
    // element of the messages array is itself an array of complete arguments to
    // forward to the resolved promise.  We coerce the resolution value to a
    // promise using the `resolve` function because it handles both fully
    // non-thenable values and other thenables gracefully.
    var messages = [], progressListeners = [], resolvedPromise;

    var deferred = object_create(defer.prototype);
    var promise = object_create(Promise.prototype);

    promise.promiseDispatch = function (resolve, op, operands) {
        var args = array_slice(arguments);
        if (messages) {
            messages.push(args);
            if (op === "when" && operands[1]) { // progress operand
                progressListeners.push(operands[1]);
            }
        } else {
            Q.nextTick(function () {
                resolvedPromise.promiseDispatch.apply(resolvedPromise, args);
            });
        }
    };

    // XXX deprecated
    promise.valueOf = function () {
        if (messages) {
            return promise;
        }
        var nearerValue = nearer(resolvedPromise);
        if (isPromise(nearerValue)) {
            resolvedPromise = nearerValue; // shorten chain
        }
        return nearerValue;
    };

    promise.inspect = function () {
        if (!resolvedPromise) {
            return { state: "pending" };
        }
        return resolvedPromise.inspect();
    };

    if (Q.longStackSupport && hasStacks) {
        try {
            throw new Error();
        } catch (e) {
            // NOTE: don't try to use `Error.captureStackTrace` or transfer the
            // accessor around; that causes memory leaks as per GH-111. Just
            // reify the stack trace as a string ASAP.
            //
            // At the same time, cut off the first line; it's always just
            // "[object Promise]\n", as per the `toString`.
            promise.stack = e.stack.substring(e.stack.indexOf("\n") + 1);
            promise.stackCounter = longStackCounter++;
        }
    }

    // NOTE: we do the checks for `resolvedPromise` in each method, instead of
    // consolidating them into `become`, since otherwise we'd create new
    // promises with the lines `become(whatever(value))`. See e.g. GH-252.

    function become(newPromise) {
        resolvedPromise = newPromise;

        if (Q.longStackSupport && hasStacks) {
            // Only hold a reference to the new promise if long stacks
            // are enabled to reduce memory usage
            promise.source = newPromise;
        }

        array_reduce(messages, function (undefined, message) {
            Q.nextTick(function () {
                newPromise.promiseDispatch.apply(newPromise, message);
            });
        }, void 0);

        messages = void 0;
        progressListeners = void 0;
    }

    deferred.promise = promise;
    deferred.resolve = function (value) {
        if (resolvedPromise) {
            return;
        }

        become(Q(value));
    };

    deferred.fulfill = function (value) {
        if (resolvedPromise) {
            return;
        }

        become(fulfill(value));
    };
    deferred.reject = function (reason) {
        if (resolvedPromise) {
            return;
        }

        become(reject(reason));
    };
    deferred.notify = function (progress) {
        if (resolvedPromise) {
            return;
        }

        array_reduce(progressListeners, function (undefined, progressListener) {
            Q.nextTick(function () {
                progressListener(progress);
            });
        }, void 0);
    };

    return deferred;
}

/**
 * Creates a Node-style callback that will resolve or reject the deferred
 * promise.
 * @returns a nodeback
 */
defer.prototype.makeNodeResolver = function () {
    var self = this;
    return function (error, value) {
        if (error) {
            self.reject(error);
        } else if (arguments.length > 2) {
            self.resolve(array_slice(arguments, 1));
        } else {
            self.resolve(value);
        }
    };
};

/**
 * @param resolver {Function} a function that returns nothing and accepts
 * the resolve, reject, and notify functions for a deferred.
 * @returns a promise that may be resolved with the given resolve and reject
 * functions, or rejected by a thrown exception in resolver
 */
Q.Promise = promise; // ES6
Q.promise = promise;
function promise(resolver) {
    if (typeof resolver !== "function") {
        throw new TypeError("resolver must be a function.");
    }
    var deferred = defer();
    try {
        resolver(deferred.resolve, deferred.reject, deferred.notify);
    } catch (reason) {
        deferred.reject(reason);
    }
    return deferred.promise;
}

promise.race = race; // ES6
promise.all = all; // ES6
promise.reject = reject; // ES6
promise.resolve = Q; // ES6

// XXX experimental.  This method is a way to denote that a local value is
// serializable and should be immediately dispatched to a remote upon request,
// instead of passing a reference.
Q.passByCopy = function (object) {
    //freeze(object);
    //passByCopies.set(object, true);
    return object;
};

Promise.prototype.passByCopy = function () {
    //freeze(object);
    //passByCopies.set(object, true);
    return this;
};

/**
 * If two promises eventually fulfill to the same value, promises that value,
 * but otherwise rejects.
 * @param x {Any*}
 * @param y {Any*}
 * @returns {Any*} a promise for x and y if they are the same, but a rejection
 * otherwise.
 *
 */
Q.join = function (x, y) {
    return Q(x).join(y);
};

Promise.prototype.join = function (that) {
    return Q([this, that]).spread(function (x, y) {
        if (x === y) {
            // TODO: "===" should be Object.is or equiv
            return x;
        } else {
            throw new Error("Q can't join: not the same: " + x + " " + y);
        }
    });
};

/**
 * Returns a promise for the first of an array of promises to become settled.
 * @param answers {Array[Any*]} promises to race
 * @returns {Any*} the first promise to be settled
 */
Q.race = race;
function race(answerPs) {
    return promise(function (resolve, reject) {
        // Switch to this once we can assume at least ES5
        // answerPs.forEach(function (answerP) {
        //     Q(answerP).then(resolve, reject);
        // });
        // Use this in the meantime
        for (var i = 0, len = answerPs.length; i < len; i++) {
            Q(answerPs[i]).then(resolve, reject);
        }
    });
}

Promise.prototype.race = function () {
    return this.then(Q.race);
};

/**
 * Constructs a Promise with a promise descriptor object and optional fallback
 * function.  The descriptor contains methods like when(rejected), get(name),
 * set(name, value), post(name, args), and delete(name), which all
 * return either a value, a promise for a value, or a rejection.  The fallback
 * accepts the operation name, a resolver, and any further arguments that would
 * have been forwarded to the appropriate method above had a method been
 * provided with the proper name.  The API makes no guarantees about the nature
 * of the returned object, apart from that it is usable whereever promises are
 * bought and sold.
 */
Q.makePromise = Promise;
function Promise(descriptor, fallback, inspect) {
    if (fallback === void 0) {
        fallback = function (op) {
            return reject(new Error(
                "Promise does not support operation: " + op
            ));
        };
    }
    if (inspect === void 0) {
        inspect = function () {
            return {state: "unknown"};
        };
    }

    var promise = object_create(Promise.prototype);

    promise.promiseDispatch = function (resolve, op, args) {
        var result;
        try {
            if (descriptor[op]) {
                result = descriptor[op].apply(promise, args);
            } else {
                result = fallback.call(promise, op, args);
            }
        } catch (exception) {
            result = reject(exception);
        }
        if (resolve) {
            resolve(result);
        }
    };

    promise.inspect = inspect;

    // XXX deprecated `valueOf` and `exception` support
    if (inspect) {
        var inspected = inspect();
        if (inspected.state === "rejected") {
            promise.exception = inspected.reason;
        }

        promise.valueOf = function () {
            var inspected = inspect();
            if (inspected.state === "pending" ||
                inspected.state === "rejected") {
                return promise;
            }
            return inspected.value;
        };
    }

    return promise;
}

Promise.prototype.toString = function () {
    return "[object Promise]";
};

Promise.prototype.then = function (fulfilled, rejected, progressed) {
    var self = this;
    var deferred = defer();
    var done = false;   // ensure the untrusted promise makes at most a
                        // single call to one of the callbacks

    function _fulfilled(value) {
        try {
            return typeof fulfilled === "function" ? fulfilled(value) : value;
        } catch (exception) {
            return reject(exception);
        }
    }

    function _rejected(exception) {
        if (typeof rejected === "function") {
            makeStackTraceLong(exception, self);
            try {
                return rejected(exception);
            } catch (newException) {
                return reject(newException);
            }
        }
        return reject(exception);
    }

    function _progressed(value) {
        return typeof progressed === "function" ? progressed(value) : value;
    }

    Q.nextTick(function () {
        self.promiseDispatch(function (value) {
            if (done) {
                return;
            }
            done = true;

            deferred.resolve(_fulfilled(value));
        }, "when", [function (exception) {
            if (done) {
                return;
            }
            done = true;

            deferred.resolve(_rejected(exception));
        }]);
    });

    // Progress propagator need to be attached in the current tick.
    self.promiseDispatch(void 0, "when", [void 0, function (value) {
        var newValue;
        var threw = false;
        try {
            newValue = _progressed(value);
        } catch (e) {
            threw = true;
            if (Q.onerror) {
                Q.onerror(e);
            } else {
                throw e;
            }
        }

        if (!threw) {
            deferred.notify(newValue);
        }
    }]);

    return deferred.promise;
};

Q.tap = function (promise, callback) {
    return Q(promise).tap(callback);
};

/**
 * Works almost like "finally", but not called for rejections.
 * Original resolution value is passed through callback unaffected.
 * Callback may return a promise that will be awaited for.
 * @param {Function} callback
 * @returns {Q.Promise}
 * @example
 * doSomething()
 *   .then(...)
 *   .tap(console.log)
 *   .then(...);
 */
Promise.prototype.tap = function (callback) {
    callback = Q(callback);

    return this.then(function (value) {
        return callback.fcall(value).thenResolve(value);
    });
};

/**
 * Registers an observer on a promise.
 *
 * Guarantees:
 *
 * 1. that fulfilled and rejected will be called only once.
 * 2. that either the fulfilled callback or the rejected callback will be
 *    called, but not both.
 * 3. that fulfilled and rejected will not be called in this turn.
 *
 * @param value      promise or immediate reference to observe
 * @param fulfilled  function to be called with the fulfilled value
 * @param rejected   function to be called with the rejection exception
 * @param progressed function to be called on any progress notifications
 * @return promise for the return value from the invoked callback
 */
Q.when = when;
function when(value, fulfilled, rejected, progressed) {
    return Q(value).then(fulfilled, rejected, progressed);
}

Promise.prototype.thenResolve = function (value) {
    return this.then(function () { return value; });
};

Q.thenResolve = function (promise, value) {
    return Q(promise).thenResolve(value);
};

Promise.prototype.thenReject = function (reason) {
    return this.then(function () { throw reason; });
};

Q.thenReject = function (promise, reason) {
    return Q(promise).thenReject(reason);
};

/**
 * If an object is not a promise, it is as "near" as possible.
 * If a promise is rejected, it is as "near" as possible too.
 * If it’s a fulfilled promise, the fulfillment value is nearer.
 * If it’s a deferred promise and the deferred has been resolved, the
 * resolution is "nearer".
 * @param object
 * @returns most resolved (nearest) form of the object
 */

// XXX should we re-do this?
Q.nearer = nearer;
function nearer(value) {
    if (isPromise(value)) {
        var inspected = value.inspect();
        if (inspected.state === "fulfilled") {
            return inspected.value;
        }
    }
    return value;
}

/**
 * @returns whether the given object is a promise.
 * Otherwise it is a fulfilled value.
 */
Q.isPromise = isPromise;
function isPromise(object) {
    return object instanceof Promise;
}

Q.isPromiseAlike = isPromiseAlike;
function isPromiseAlike(object) {
    return isObject(object) && typeof object.then === "function";
}

/**
 * @returns whether the given object is a pending promise, meaning not
 * fulfilled or rejected.
 */
Q.isPending = isPending;
function isPending(object) {
    return isPromise(object) && object.inspect().state === "pending";
}

Promise.prototype.isPending = function () {
    return this.inspect().state === "pending";
};

/**
 * @returns whether the given object is a value or fulfilled
 * promise.
 */
Q.isFulfilled = isFulfilled;
function isFulfilled(object) {
    return !isPromise(object) || object.inspect().state === "fulfilled";
}

Promise.prototype.isFulfilled = function () {
    return this.inspect().state === "fulfilled";
};

/**
 * @returns whether the given object is a rejected promise.
 */
Q.isRejected = isRejected;
function isRejected(object) {
    return isPromise(object) && object.inspect().state === "rejected";
}

Promise.prototype.isRejected = function () {
    return this.inspect().state === "rejected";
};

//// BEGIN UNHANDLED REJECTION TRACKING

// This promise library consumes exceptions thrown in handlers so they can be
// handled by a subsequent promise.  The exceptions get added to this array when
// they are created, and removed when they are handled.  Note that in ES6 or
// shimmed environments, this would naturally be a `Set`.
var unhandledReasons = [];
var unhandledRejections = [];
var reportedUnhandledRejections = [];
var trackUnhandledRejections = true;

function resetUnhandledRejections() {
    unhandledReasons.length = 0;
    unhandledRejections.length = 0;

    if (!trackUnhandledRejections) {
        trackUnhandledRejections = true;
    }
}

function trackRejection(promise, reason) {
    if (!trackUnhandledRejections) {
        return;
    }
    if (typeof process === "object" && typeof process.emit === "function") {
        Q.nextTick.runAfter(function () {
            if (array_indexOf(unhandledRejections, promise) !== -1) {
                process.emit("unhandledRejection", reason, promise);
                reportedUnhandledRejections.push(promise);
            }
        });
    }

    unhandledRejections.push(promise);
    if (reason && typeof reason.stack !== "undefined") {
        unhandledReasons.push(reason.stack);
    } else {
        unhandledReasons.push("(no stack) " + reason);
    }
}

function untrackRejection(promise) {
    if (!trackUnhandledRejections) {
        return;
    }

    var at = array_indexOf(unhandledRejections, promise);
    if (at !== -1) {
        if (typeof process === "object" && typeof process.emit === "function") {
            Q.nextTick.runAfter(function () {
                var atReport = array_indexOf(reportedUnhandledRejections, promise);
                if (atReport !== -1) {
                    process.emit("rejectionHandled", unhandledReasons[at], promise);
                    reportedUnhandledRejections.splice(atReport, 1);
                }
            });
        }
        unhandledRejections.splice(at, 1);
        unhandledReasons.splice(at, 1);
    }
}

Q.resetUnhandledRejections = resetUnhandledRejections;

Q.getUnhandledReasons = function () {
    // Make a copy so that consumers can't interfere with our internal state.
    return unhandledReasons.slice();
};

Q.stopUnhandledRejectionTracking = function () {
    resetUnhandledRejections();
    trackUnhandledRejections = false;
};

resetUnhandledRejections();

//// END UNHANDLED REJECTION TRACKING

/**
 * Constructs a rejected promise.
 * @param reason value describing the failure
 */
Q.reject = reject;
function reject(reason) {
    var rejection = Promise({
        "when": function (rejected) {
            // note that the error has been handled
            if (rejected) {
                untrackRejection(this);
            }
            return rejected ? rejected(reason) : this;
        }
    }, function fallback() {
        return this;
    }, function inspect() {
        return { state: "rejected", reason: reason };
    });

    // Note that the reason has not been handled.
    trackRejection(rejection, reason);

    return rejection;
}

/**
 * Constructs a fulfilled promise for an immediate reference.
 * @param value immediate reference
 */
Q.fulfill = fulfill;
function fulfill(value) {
    return Promise({
        "when": function () {
            return value;
        },
        "get": function (name) {
            return value[name];
        },
        "set": function (name, rhs) {
            value[name] = rhs;
        },
        "delete": function (name) {
            delete value[name];
        },
        "post": function (name, args) {
            // Mark Miller proposes that post with no name should apply a
            // promised function.
            if (name === null || name === void 0) {
                return value.apply(void 0, args);
            } else {
                return value[name].apply(value, args);
            }
        },
        "apply": function (thisp, args) {
            return value.apply(thisp, args);
        },
        "keys": function () {
            return object_keys(value);
        }
    }, void 0, function inspect() {
        return { state: "fulfilled", value: value };
    });
}

/**
 * Converts thenables to Q promises.
 * @param promise thenable promise
 * @returns a Q promise
 */
function coerce(promise) {
    var deferred = defer();
    Q.nextTick(function () {
        try {
            promise.then(deferred.resolve, deferred.reject, deferred.notify);
        } catch (exception) {
            deferred.reject(exception);
        }
    });
    return deferred.promise;
}

/**
 * Annotates an object such that it will never be
 * transferred away from this process over any promise
 * communication channel.
 * @param object
 * @returns promise a wrapping of that object that
 * additionally responds to the "isDef" message
 * without a rejection.
 */
Q.master = master;
function master(object) {
    return Promise({
        "isDef": function () {}
    }, function fallback(op, args) {
        return dispatch(object, op, args);
    }, function () {
        return Q(object).inspect();
    });
}

/**
 * Spreads the values of a promised array of arguments into the
 * fulfillment callback.
 * @param fulfilled callback that receives variadic arguments from the
 * promised array
 * @param rejected callback that receives the exception if the promise
 * is rejected.
 * @returns a promise for the return value or thrown exception of
 * either callback.
 */
Q.spread = spread;
function spread(value, fulfilled, rejected) {
    return Q(value).spread(fulfilled, rejected);
}

Promise.prototype.spread = function (fulfilled, rejected) {
    return this.all().then(function (array) {
        return fulfilled.apply(void 0, array);
    }, rejected);
};

/**
 * The async function is a decorator for generator functions, turning
 * them into asynchronous generators.  Although generators are only part
 * of the newest ECMAScript 6 drafts, this code does not cause syntax
 * errors in older engines.  This code should continue to work and will
 * in fact improve over time as the language improves.
 *
 * ES6 generators are currently part of V8 version 3.19 with the
 * --harmony-generators runtime flag enabled.  SpiderMonkey has had them
 * for longer, but under an older Python-inspired form.  This function
 * works on both kinds of generators.
 *
 * Decorates a generator function such that:
 *  - it may yield promises
 *  - execution will continue when that promise is fulfilled
 *  - the value of the yield expression will be the fulfilled value
 *  - it returns a promise for the return value (when the generator
 *    stops iterating)
 *  - the decorated function returns a promise for the return value
 *    of the generator or the first rejected promise among those
 *    yielded.
 *  - if an error is thrown in the generator, it propagates through
 *    every following yield until it is caught, or until it escapes
 *    the generator function altogether, and is translated into a
 *    rejection for the promise returned by the decorated generator.
 */
Q.async = async;
function async(makeGenerator) {
    return function () {
        // when verb is "send", arg is a value
        // when verb is "throw", arg is an exception
        function continuer(verb, arg) {
            var result;

            // Until V8 3.19 / Chromium 29 is released, SpiderMonkey is the only
            // engine that has a deployed base of browsers that support generators.
            // However, SM's generators use the Python-inspired semantics of
            // outdated ES6 drafts.  We would like to support ES6, but we'd also
            // like to make it possible to use generators in deployed browsers, so
            // we also support Python-style generators.  At some point we can remove
            // this block.

            if (typeof StopIteration === "undefined") {
                // ES6 Generators
                try {
                    result = generator[verb](arg);
                } catch (exception) {
                    return reject(exception);
                }
                if (result.done) {
                    return Q(result.value);
                } else {
                    return when(result.value, callback, errback);
                }
            } else {
                // SpiderMonkey Generators
                // FIXME: Remove this case when SM does ES6 generators.
                try {
                    result = generator[verb](arg);
                } catch (exception) {
                    if (isStopIteration(exception)) {
                        return Q(exception.value);
                    } else {
                        return reject(exception);
                    }
                }
                return when(result, callback, errback);
            }
        }
        var generator = makeGenerator.apply(this, arguments);
        var callback = continuer.bind(continuer, "next");
        var errback = continuer.bind(continuer, "throw");
        return callback();
    };
}

/**
 * The spawn function is a small wrapper around async that immediately
 * calls the generator and also ends the promise chain, so that any
 * unhandled errors are thrown instead of forwarded to the error
 * handler. This is useful because it's extremely common to run
 * generators at the top-level to work with libraries.
 */
Q.spawn = spawn;
function spawn(makeGenerator) {
    Q.done(Q.async(makeGenerator)());
}

// FIXME: Remove this interface once ES6 generators are in SpiderMonkey.
/**
 * Throws a ReturnValue exception to stop an asynchronous generator.
 *
 * This interface is a stop-gap measure to support generator return
 * values in older Firefox/SpiderMonkey.  In browsers that support ES6
 * generators like Chromium 29, just use "return" in your generator
 * functions.
 *
 * @param value the return value for the surrounding generator
 * @throws ReturnValue exception with the value.
 * @example
 * // ES6 style
 * Q.async(function* () {
 *      var foo = yield getFooPromise();
 *      var bar = yield getBarPromise();
 *      return foo + bar;
 * })
 * // Older SpiderMonkey style
 * Q.async(function () {
 *      var foo = yield getFooPromise();
 *      var bar = yield getBarPromise();
 *      Q.return(foo + bar);
 * })
 */
Q["return"] = _return;
function _return(value) {
    throw new QReturnValue(value);
}

/**
 * The promised function decorator ensures that any promise arguments
 * are settled and passed as values (`this` is also settled and passed
 * as a value).  It will also ensure that the result of a function is
 * always a promise.
 *
 * @example
 * var add = Q.promised(function (a, b) {
 *     return a + b;
 * });
 * add(Q(a), Q(B));
 *
 * @param {function} callback The function to decorate
 * @returns {function} a function that has been decorated.
 */
Q.promised = promised;
function promised(callback) {
    return function () {
        return spread([this, all(arguments)], function (self, args) {
            return callback.apply(self, args);
        });
    };
}

/**
 * sends a message to a value in a future turn
 * @param object* the recipient
 * @param op the name of the message operation, e.g., "when",
 * @param args further arguments to be forwarded to the operation
 * @returns result {Promise} a promise for the result of the operation
 */
Q.dispatch = dispatch;
function dispatch(object, op, args) {
    return Q(object).dispatch(op, args);
}

Promise.prototype.dispatch = function (op, args) {
    var self = this;
    var deferred = defer();
    Q.nextTick(function () {
        self.promiseDispatch(deferred.resolve, op, args);
    });
    return deferred.promise;
};

/**
 * Gets the value of a property in a future turn.
 * @param object    promise or immediate reference for target object
 * @param name      name of property to get
 * @return promise for the property value
 */
Q.get = function (object, key) {
    return Q(object).dispatch("get", [key]);
};

Promise.prototype.get = function (key) {
    return this.dispatch("get", [key]);
};

/**
 * Sets the value of a property in a future turn.
 * @param object    promise or immediate reference for object object
 * @param name      name of property to set
 * @param value     new value of property
 * @return promise for the return value
 */
Q.set = function (object, key, value) {
    return Q(object).dispatch("set", [key, value]);
};

Promise.prototype.set = function (key, value) {
    return this.dispatch("set", [key, value]);
};

/**
 * Deletes a property in a future turn.
 * @param object    promise or immediate reference for target object
 * @param name      name of property to delete
 * @return promise for the return value
 */
Q.del = // XXX legacy
Q["delete"] = function (object, key) {
    return Q(object).dispatch("delete", [key]);
};

Promise.prototype.del = // XXX legacy
Promise.prototype["delete"] = function (key) {
    return this.dispatch("delete", [key]);
};

/**
 * Invokes a method in a future turn.
 * @param object    promise or immediate reference for target object
 * @param name      name of method to invoke
 * @param value     a value to post, typically an array of
 *                  invocation arguments for promises that
 *                  are ultimately backed with `resolve` values,
 *                  as opposed to those backed with URLs
 *                  wherein the posted value can be any
 *                  JSON serializable object.
 * @return promise for the return value
 */
// bound locally because it is used by other methods
Q.mapply = // XXX As proposed by "Redsandro"
Q.post = function (object, name, args) {
    return Q(object).dispatch("post", [name, args]);
};

Promise.prototype.mapply = // XXX As proposed by "Redsandro"
Promise.prototype.post = function (name, args) {
    return this.dispatch("post", [name, args]);
};

/**
 * Invokes a method in a future turn.
 * @param object    promise or immediate reference for target object
 * @param name      name of method to invoke
 * @param ...args   array of invocation arguments
 * @return promise for the return value
 */
Q.send = // XXX Mark Miller's proposed parlance
Q.mcall = // XXX As proposed by "Redsandro"
Q.invoke = function (object, name /*...args*/) {
    return Q(object).dispatch("post", [name, array_slice(arguments, 2)]);
};

Promise.prototype.send = // XXX Mark Miller's proposed parlance
Promise.prototype.mcall = // XXX As proposed by "Redsandro"
Promise.prototype.invoke = function (name /*...args*/) {
    return this.dispatch("post", [name, array_slice(arguments, 1)]);
};

/**
 * Applies the promised function in a future turn.
 * @param object    promise or immediate reference for target function
 * @param args      array of application arguments
 */
Q.fapply = function (object, args) {
    return Q(object).dispatch("apply", [void 0, args]);
};

Promise.prototype.fapply = function (args) {
    return this.dispatch("apply", [void 0, args]);
};

/**
 * Calls the promised function in a future turn.
 * @param object    promise or immediate reference for target function
 * @param ...args   array of application arguments
 */
Q["try"] =
Q.fcall = function (object /* ...args*/) {
    return Q(object).dispatch("apply", [void 0, array_slice(arguments, 1)]);
};

Promise.prototype.fcall = function (/*...args*/) {
    return this.dispatch("apply", [void 0, array_slice(arguments)]);
};

/**
 * Binds the promised function, transforming return values into a fulfilled
 * promise and thrown errors into a rejected one.
 * @param object    promise or immediate reference for target function
 * @param ...args   array of application arguments
 */
Q.fbind = function (object /*...args*/) {
    var promise = Q(object);
    var args = array_slice(arguments, 1);
    return function fbound() {
        return promise.dispatch("apply", [
            this,
            args.concat(array_slice(arguments))
        ]);
    };
};
Promise.prototype.fbind = function (/*...args*/) {
    var promise = this;
    var args = array_slice(arguments);
    return function fbound() {
        return promise.dispatch("apply", [
            this,
            args.concat(array_slice(arguments))
        ]);
    };
};

/**
 * Requests the names of the owned properties of a promised
 * object in a future turn.
 * @param object    promise or immediate reference for target object
 * @return promise for the keys of the eventually settled object
 */
Q.keys = function (object) {
    return Q(object).dispatch("keys", []);
};

Promise.prototype.keys = function () {
    return this.dispatch("keys", []);
};

/**
 * Turns an array of promises into a promise for an array.  If any of
 * the promises gets rejected, the whole array is rejected immediately.
 * @param {Array*} an array (or promise for an array) of values (or
 * promises for values)
 * @returns a promise for an array of the corresponding values
 */
// By Mark Miller
// http://wiki.ecmascript.org/doku.php?id=strawman:concurrency&rev=1308776521#allfulfilled
Q.all = all;
function all(promises) {
    return when(promises, function (promises) {
        var pendingCount = 0;
        var deferred = defer();
        array_reduce(promises, function (undefined, promise, index) {
            var snapshot;
            if (
                isPromise(promise) &&
                (snapshot = promise.inspect()).state === "fulfilled"
            ) {
                promises[index] = snapshot.value;
            } else {
                ++pendingCount;
                when(
                    promise,
                    function (value) {
                        promises[index] = value;
                        if (--pendingCount === 0) {
                            deferred.resolve(promises);
                        }
                    },
                    deferred.reject,
                    function (progress) {
                        deferred.notify({ index: index, value: progress });
                    }
                );
            }
        }, void 0);
        if (pendingCount === 0) {
            deferred.resolve(promises);
        }
        return deferred.promise;
    });
}

Promise.prototype.all = function () {
    return all(this);
};

/**
 * Returns the first resolved promise of an array. Prior rejected promises are
 * ignored.  Rejects only if all promises are rejected.
 * @param {Array*} an array containing values or promises for values
 * @returns a promise fulfilled with the value of the first resolved promise,
 * or a rejected promise if all promises are rejected.
 */
Q.any = any;

function any(promises) {
    if (promises.length === 0) {
        return Q.resolve();
    }

    var deferred = Q.defer();
    var pendingCount = 0;
    array_reduce(promises, function (prev, current, index) {
        var promise = promises[index];

        pendingCount++;

        when(promise, onFulfilled, onRejected, onProgress);
        function onFulfilled(result) {
            deferred.resolve(result);
        }
        function onRejected(err) {
            pendingCount--;
            if (pendingCount === 0) {
                var rejection = err || new Error("" + err);

                rejection.message = ("Q can't get fulfillment value from any promise, all " +
                    "promises were rejected. Last error message: " + rejection.message);

                deferred.reject(rejection);
            }
        }
        function onProgress(progress) {
            deferred.notify({
                index: index,
                value: progress
            });
        }
    }, undefined);

    return deferred.promise;
}

Promise.prototype.any = function () {
    return any(this);
};

/**
 * Waits for all promises to be settled, either fulfilled or
 * rejected.  This is distinct from `all` since that would stop
 * waiting at the first rejection.  The promise returned by
 * `allResolved` will never be rejected.
 * @param promises a promise for an array (or an array) of promises
 * (or values)
 * @return a promise for an array of promises
 */
Q.allResolved = deprecate(allResolved, "allResolved", "allSettled");
function allResolved(promises) {
    return when(promises, function (promises) {
        promises = array_map(promises, Q);
        return when(all(array_map(promises, function (promise) {
            return when(promise, noop, noop);
        })), function () {
            return promises;
        });
    });
}

Promise.prototype.allResolved = function () {
    return allResolved(this);
};

/**
 * @see Promise#allSettled
 */
Q.allSettled = allSettled;
function allSettled(promises) {
    return Q(promises).allSettled();
}

/**
 * Turns an array of promises into a promise for an array of their states (as
 * returned by `inspect`) when they have all settled.
 * @param {Array[Any*]} values an array (or promise for an array) of values (or
 * promises for values)
 * @returns {Array[State]} an array of states for the respective values.
 */
Promise.prototype.allSettled = function () {
    return this.then(function (promises) {
        return all(array_map(promises, function (promise) {
            promise = Q(promise);
            function regardless() {
                return promise.inspect();
            }
            return promise.then(regardless, regardless);
        }));
    });
};

/**
 * Captures the failure of a promise, giving an oportunity to recover
 * with a callback.  If the given promise is fulfilled, the returned
 * promise is fulfilled.
 * @param {Any*} promise for something
 * @param {Function} callback to fulfill the returned promise if the
 * given promise is rejected
 * @returns a promise for the return value of the callback
 */
Q.fail = // XXX legacy
Q["catch"] = function (object, rejected) {
    return Q(object).then(void 0, rejected);
};

Promise.prototype.fail = // XXX legacy
Promise.prototype["catch"] = function (rejected) {
    return this.then(void 0, rejected);
};

/**
 * Attaches a listener that can respond to progress notifications from a
 * promise's originating deferred. This listener receives the exact arguments
 * passed to ``deferred.notify``.
 * @param {Any*} promise for something
 * @param {Function} callback to receive any progress notifications
 * @returns the given promise, unchanged
 */
Q.progress = progress;
function progress(object, progressed) {
    return Q(object).then(void 0, void 0, progressed);
}

Promise.prototype.progress = function (progressed) {
    return this.then(void 0, void 0, progressed);
};

/**
 * Provides an opportunity to observe the settling of a promise,
 * regardless of whether the promise is fulfilled or rejected.  Forwards
 * the resolution to the returned promise when the callback is done.
 * The callback can return a promise to defer completion.
 * @param {Any*} promise
 * @param {Function} callback to observe the resolution of the given
 * promise, takes no arguments.
 * @returns a promise for the resolution of the given promise when
 * ``fin`` is done.
 */
Q.fin = // XXX legacy
Q["finally"] = function (object, callback) {
    return Q(object)["finally"](callback);
};

Promise.prototype.fin = // XXX legacy
Promise.prototype["finally"] = function (callback) {
    if (!callback || typeof callback.apply !== "function") {
        throw new Error("Q can't apply finally callback");
    }
    callback = Q(callback);
    return this.then(function (value) {
        return callback.fcall().then(function () {
            return value;
        });
    }, function (reason) {
        // TODO attempt to recycle the rejection with "this".
        return callback.fcall().then(function () {
            throw reason;
        });
    });
};

/**
 * Terminates a chain of promises, forcing rejections to be
 * thrown as exceptions.
 * @param {Any*} promise at the end of a chain of promises
 * @returns nothing
 */
Q.done = function (object, fulfilled, rejected, progress) {
    return Q(object).done(fulfilled, rejected, progress);
};

Promise.prototype.done = function (fulfilled, rejected, progress) {
    var onUnhandledError = function (error) {
        // forward to a future turn so that ``when``
        // does not catch it and turn it into a rejection.
        Q.nextTick(function () {
            makeStackTraceLong(error, promise);
            if (Q.onerror) {
                Q.onerror(error);
            } else {
                throw error;
            }
        });
    };

    // Avoid unnecessary `nextTick`ing via an unnecessary `when`.
    var promise = fulfilled || rejected || progress ?
        this.then(fulfilled, rejected, progress) :
        this;

    if (typeof process === "object" && process && process.domain) {
        onUnhandledError = process.domain.bind(onUnhandledError);
    }

    promise.then(void 0, onUnhandledError);
};

/**
 * Causes a promise to be rejected if it does not get fulfilled before
 * some milliseconds time out.
 * @param {Any*} promise
 * @param {Number} milliseconds timeout
 * @param {Any*} custom error message or Error object (optional)
 * @returns a promise for the resolution of the given promise if it is
 * fulfilled before the timeout, otherwise rejected.
 */
Q.timeout = function (object, ms, error) {
    return Q(object).timeout(ms, error);
};

Promise.prototype.timeout = function (ms, error) {
    var deferred = defer();
    var timeoutId = setTimeout(function () {
        if (!error || "string" === typeof error) {
            error = new Error(error || "Timed out after " + ms + " ms");
            error.code = "ETIMEDOUT";
        }
        deferred.reject(error);
    }, ms);

    this.then(function (value) {
        clearTimeout(timeoutId);
        deferred.resolve(value);
    }, function (exception) {
        clearTimeout(timeoutId);
        deferred.reject(exception);
    }, deferred.notify);

    return deferred.promise;
};

/**
 * Returns a promise for the given value (or promised value), some
 * milliseconds after it resolved. Passes rejections immediately.
 * @param {Any*} promise
 * @param {Number} milliseconds
 * @returns a promise for the resolution of the given promise after milliseconds
 * time has elapsed since the resolution of the given promise.
 * If the given promise rejects, that is passed immediately.
 */
Q.delay = function (object, timeout) {
    if (timeout === void 0) {
        timeout = object;
        object = void 0;
    }
    return Q(object).delay(timeout);
};

Promise.prototype.delay = function (timeout) {
    return this.then(function (value) {
        var deferred = defer();
        setTimeout(function () {
            deferred.resolve(value);
        }, timeout);
        return deferred.promise;
    });
};

/**
 * Passes a continuation to a Node function, which is called with the given
 * arguments provided as an array, and returns a promise.
 *
 *      Q.nfapply(FS.readFile, [__filename])
 *      .then(function (content) {
 *      })
 *
 */
Q.nfapply = function (callback, args) {
    return Q(callback).nfapply(args);
};

Promise.prototype.nfapply = function (args) {
    var deferred = defer();
    var nodeArgs = array_slice(args);
    nodeArgs.push(deferred.makeNodeResolver());
    this.fapply(nodeArgs).fail(deferred.reject);
    return deferred.promise;
};

/**
 * Passes a continuation to a Node function, which is called with the given
 * arguments provided individually, and returns a promise.
 * @example
 * Q.nfcall(FS.readFile, __filename)
 * .then(function (content) {
 * })
 *
 */
Q.nfcall = function (callback /*...args*/) {
    var args = array_slice(arguments, 1);
    return Q(callback).nfapply(args);
};

Promise.prototype.nfcall = function (/*...args*/) {
    var nodeArgs = array_slice(arguments);
    var deferred = defer();
    nodeArgs.push(deferred.makeNodeResolver());
    this.fapply(nodeArgs).fail(deferred.reject);
    return deferred.promise;
};

/**
 * Wraps a NodeJS continuation passing function and returns an equivalent
 * version that returns a promise.
 * @example
 * Q.nfbind(FS.readFile, __filename)("utf-8")
 * .then(console.log)
 * .done()
 */
Q.nfbind =
Q.denodeify = function (callback /*...args*/) {
    if (callback === undefined) {
        throw new Error("Q can't wrap an undefined function");
    }
    var baseArgs = array_slice(arguments, 1);
    return function () {
        var nodeArgs = baseArgs.concat(array_slice(arguments));
        var deferred = defer();
        nodeArgs.push(deferred.makeNodeResolver());
        Q(callback).fapply(nodeArgs).fail(deferred.reject);
        return deferred.promise;
    };
};

Promise.prototype.nfbind =
Promise.prototype.denodeify = function (/*...args*/) {
    var args = array_slice(arguments);
    args.unshift(this);
    return Q.denodeify.apply(void 0, args);
};

Q.nbind = function (callback, thisp /*...args*/) {
    var baseArgs = array_slice(arguments, 2);
    return function () {
        var nodeArgs = baseArgs.concat(array_slice(arguments));
        var deferred = defer();
        nodeArgs.push(deferred.makeNodeResolver());
        function bound() {
            return callback.apply(thisp, arguments);
        }
        Q(bound).fapply(nodeArgs).fail(deferred.reject);
        return deferred.promise;
    };
};

Promise.prototype.nbind = function (/*thisp, ...args*/) {
    var args = array_slice(arguments, 0);
    args.unshift(this);
    return Q.nbind.apply(void 0, args);
};

/**
 * Calls a method of a Node-style object that accepts a Node-style
 * callback with a given array of arguments, plus a provided callback.
 * @param object an object that has the named method
 * @param {String} name name of the method of object
 * @param {Array} args arguments to pass to the method; the callback
 * will be provided by Q and appended to these arguments.
 * @returns a promise for the value or error
 */
Q.nmapply = // XXX As proposed by "Redsandro"
Q.npost = function (object, name, args) {
    return Q(object).npost(name, args);
};

Promise.prototype.nmapply = // XXX As proposed by "Redsandro"
Promise.prototype.npost = function (name, args) {
    var nodeArgs = array_slice(args || []);
    var deferred = defer();
    nodeArgs.push(deferred.makeNodeResolver());
    this.dispatch("post", [name, nodeArgs]).fail(deferred.reject);
    return deferred.promise;
};

/**
 * Calls a method of a Node-style object that accepts a Node-style
 * callback, forwarding the given variadic arguments, plus a provided
 * callback argument.
 * @param object an object that has the named method
 * @param {String} name name of the method of object
 * @param ...args arguments to pass to the method; the callback will
 * be provided by Q and appended to these arguments.
 * @returns a promise for the value or error
 */
Q.nsend = // XXX Based on Mark Miller's proposed "send"
Q.nmcall = // XXX Based on "Redsandro's" proposal
Q.ninvoke = function (object, name /*...args*/) {
    var nodeArgs = array_slice(arguments, 2);
    var deferred = defer();
    nodeArgs.push(deferred.makeNodeResolver());
    Q(object).dispatch("post", [name, nodeArgs]).fail(deferred.reject);
    return deferred.promise;
};

Promise.prototype.nsend = // XXX Based on Mark Miller's proposed "send"
Promise.prototype.nmcall = // XXX Based on "Redsandro's" proposal
Promise.prototype.ninvoke = function (name /*...args*/) {
    var nodeArgs = array_slice(arguments, 1);
    var deferred = defer();
    nodeArgs.push(deferred.makeNodeResolver());
    this.dispatch("post", [name, nodeArgs]).fail(deferred.reject);
    return deferred.promise;
};

/**
 * If a function would like to support both Node continuation-passing-style and
 * promise-returning-style, it can end its internal promise chain with
 * `nodeify(nodeback)`, forwarding the optional nodeback argument.  If the user
 * elects to use a nodeback, the result will be sent there.  If they do not
 * pass a nodeback, they will receive the result promise.
 * @param object a result (or a promise for a result)
 * @param {Function} nodeback a Node.js-style callback
 * @returns either the promise or nothing
 */
Q.nodeify = nodeify;
function nodeify(object, nodeback) {
    return Q(object).nodeify(nodeback);
}

Promise.prototype.nodeify = function (nodeback) {
    if (nodeback) {
        this.then(function (value) {
            Q.nextTick(function () {
                nodeback(null, value);
            });
        }, function (error) {
            Q.nextTick(function () {
                nodeback(error);
            });
        });
    } else {
        return this;
    }
};

Q.noConflict = function() {
    throw new Error("Q.noConflict only works when Q is used as a global");
};

// All code before this point will be filtered from stack traces.
var qEndingLine = captureLine();

return Q;

});


/***/ }),

/***/ 9318:
/***/ ((module, exports) => {

exports = module.exports = SemVer

var debug
/* istanbul ignore next */
if (typeof process === 'object' &&
    process.env &&
    process.env.NODE_DEBUG &&
    /\bsemver\b/i.test(process.env.NODE_DEBUG)) {
  debug = function () {
    var args = Array.prototype.slice.call(arguments, 0)
    args.unshift('SEMVER')
    console.log.apply(console, args)
  }
} else {
  debug = function () {}
}

// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
exports.SEMVER_SPEC_VERSION = '2.0.0'

var MAX_LENGTH = 256
var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
  /* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
var MAX_SAFE_COMPONENT_LENGTH = 16

var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// The actual regexps go on exports.re
var re = exports.re = []
var safeRe = exports.safeRe = []
var src = exports.src = []
var R = 0

var LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
var safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

function makeSafeRe (value) {
  for (var i = 0; i < safeRegexReplacements.length; i++) {
    var token = safeRegexReplacements[i][0]
    var max = safeRegexReplacements[i][1]
    value = value
      .split(token + '*').join(token + '{0,' + max + '}')
      .split(token + '+').join(token + '{1,' + max + '}')
  }
  return value
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

var NUMERICIDENTIFIER = R++
src[NUMERICIDENTIFIER] = '0|[1-9]\\d*'
var NUMERICIDENTIFIERLOOSE = R++
src[NUMERICIDENTIFIERLOOSE] = '\\d+'

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

var NONNUMERICIDENTIFIER = R++
src[NONNUMERICIDENTIFIER] = '\\d*[a-zA-Z-]' + LETTERDASHNUMBER + '*'

// ## Main Version
// Three dot-separated numeric identifiers.

var MAINVERSION = R++
src[MAINVERSION] = '(' + src[NUMERICIDENTIFIER] + ')\\.' +
                   '(' + src[NUMERICIDENTIFIER] + ')\\.' +
                   '(' + src[NUMERICIDENTIFIER] + ')'

var MAINVERSIONLOOSE = R++
src[MAINVERSIONLOOSE] = '(' + src[NUMERICIDENTIFIERLOOSE] + ')\\.' +
                        '(' + src[NUMERICIDENTIFIERLOOSE] + ')\\.' +
                        '(' + src[NUMERICIDENTIFIERLOOSE] + ')'

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.

var PRERELEASEIDENTIFIER = R++
src[PRERELEASEIDENTIFIER] = '(?:' + src[NUMERICIDENTIFIER] +
                            '|' + src[NONNUMERICIDENTIFIER] + ')'

var PRERELEASEIDENTIFIERLOOSE = R++
src[PRERELEASEIDENTIFIERLOOSE] = '(?:' + src[NUMERICIDENTIFIERLOOSE] +
                                 '|' + src[NONNUMERICIDENTIFIER] + ')'

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

var PRERELEASE = R++
src[PRERELEASE] = '(?:-(' + src[PRERELEASEIDENTIFIER] +
                  '(?:\\.' + src[PRERELEASEIDENTIFIER] + ')*))'

var PRERELEASELOOSE = R++
src[PRERELEASELOOSE] = '(?:-?(' + src[PRERELEASEIDENTIFIERLOOSE] +
                       '(?:\\.' + src[PRERELEASEIDENTIFIERLOOSE] + ')*))'

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

var BUILDIDENTIFIER = R++
src[BUILDIDENTIFIER] = LETTERDASHNUMBER + '+'

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

var BUILD = R++
src[BUILD] = '(?:\\+(' + src[BUILDIDENTIFIER] +
             '(?:\\.' + src[BUILDIDENTIFIER] + ')*))'

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

var FULL = R++
var FULLPLAIN = 'v?' + src[MAINVERSION] +
                src[PRERELEASE] + '?' +
                src[BUILD] + '?'

src[FULL] = '^' + FULLPLAIN + '$'

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
var LOOSEPLAIN = '[v=\\s]*' + src[MAINVERSIONLOOSE] +
                 src[PRERELEASELOOSE] + '?' +
                 src[BUILD] + '?'

var LOOSE = R++
src[LOOSE] = '^' + LOOSEPLAIN + '$'

var GTLT = R++
src[GTLT] = '((?:<|>)?=?)'

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifer, meaning "any version"
// Only the first item is strictly required.
var XRANGEIDENTIFIERLOOSE = R++
src[XRANGEIDENTIFIERLOOSE] = src[NUMERICIDENTIFIERLOOSE] + '|x|X|\\*'
var XRANGEIDENTIFIER = R++
src[XRANGEIDENTIFIER] = src[NUMERICIDENTIFIER] + '|x|X|\\*'

var XRANGEPLAIN = R++
src[XRANGEPLAIN] = '[v=\\s]*(' + src[XRANGEIDENTIFIER] + ')' +
                   '(?:\\.(' + src[XRANGEIDENTIFIER] + ')' +
                   '(?:\\.(' + src[XRANGEIDENTIFIER] + ')' +
                   '(?:' + src[PRERELEASE] + ')?' +
                   src[BUILD] + '?' +
                   ')?)?'

var XRANGEPLAINLOOSE = R++
src[XRANGEPLAINLOOSE] = '[v=\\s]*(' + src[XRANGEIDENTIFIERLOOSE] + ')' +
                        '(?:\\.(' + src[XRANGEIDENTIFIERLOOSE] + ')' +
                        '(?:\\.(' + src[XRANGEIDENTIFIERLOOSE] + ')' +
                        '(?:' + src[PRERELEASELOOSE] + ')?' +
                        src[BUILD] + '?' +
                        ')?)?'

var XRANGE = R++
src[XRANGE] = '^' + src[GTLT] + '\\s*' + src[XRANGEPLAIN] + '$'
var XRANGELOOSE = R++
src[XRANGELOOSE] = '^' + src[GTLT] + '\\s*' + src[XRANGEPLAINLOOSE] + '$'

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
var COERCE = R++
src[COERCE] = '(?:^|[^\\d])' +
              '(\\d{1,' + MAX_SAFE_COMPONENT_LENGTH + '})' +
              '(?:\\.(\\d{1,' + MAX_SAFE_COMPONENT_LENGTH + '}))?' +
              '(?:\\.(\\d{1,' + MAX_SAFE_COMPONENT_LENGTH + '}))?' +
              '(?:$|[^\\d])'

// Tilde ranges.
// Meaning is "reasonably at or greater than"
var LONETILDE = R++
src[LONETILDE] = '(?:~>?)'

var TILDETRIM = R++
src[TILDETRIM] = '(\\s*)' + src[LONETILDE] + '\\s+'
re[TILDETRIM] = new RegExp(src[TILDETRIM], 'g')
safeRe[TILDETRIM] = new RegExp(makeSafeRe(src[TILDETRIM]), 'g')
var tildeTrimReplace = '$1~'

var TILDE = R++
src[TILDE] = '^' + src[LONETILDE] + src[XRANGEPLAIN] + '$'
var TILDELOOSE = R++
src[TILDELOOSE] = '^' + src[LONETILDE] + src[XRANGEPLAINLOOSE] + '$'

// Caret ranges.
// Meaning is "at least and backwards compatible with"
var LONECARET = R++
src[LONECARET] = '(?:\\^)'

var CARETTRIM = R++
src[CARETTRIM] = '(\\s*)' + src[LONECARET] + '\\s+'
re[CARETTRIM] = new RegExp(src[CARETTRIM], 'g')
safeRe[CARETTRIM] = new RegExp(makeSafeRe(src[CARETTRIM]), 'g')
var caretTrimReplace = '$1^'

var CARET = R++
src[CARET] = '^' + src[LONECARET] + src[XRANGEPLAIN] + '$'
var CARETLOOSE = R++
src[CARETLOOSE] = '^' + src[LONECARET] + src[XRANGEPLAINLOOSE] + '$'

// A simple gt/lt/eq thing, or just "" to indicate "any version"
var COMPARATORLOOSE = R++
src[COMPARATORLOOSE] = '^' + src[GTLT] + '\\s*(' + LOOSEPLAIN + ')$|^$'
var COMPARATOR = R++
src[COMPARATOR] = '^' + src[GTLT] + '\\s*(' + FULLPLAIN + ')$|^$'

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
var COMPARATORTRIM = R++
src[COMPARATORTRIM] = '(\\s*)' + src[GTLT] +
                      '\\s*(' + LOOSEPLAIN + '|' + src[XRANGEPLAIN] + ')'

// this one has to use the /g flag
re[COMPARATORTRIM] = new RegExp(src[COMPARATORTRIM], 'g')
safeRe[COMPARATORTRIM] = new RegExp(makeSafeRe(src[COMPARATORTRIM]), 'g')

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
var HYPHENRANGE = R++
src[HYPHENRANGE] = '^\\s*(' + src[XRANGEPLAIN] + ')' +
                   '\\s+-\\s+' +
                   '(' + src[XRANGEPLAIN] + ')' +
                   '\\s*$'

var HYPHENRANGELOOSE = R++
src[HYPHENRANGELOOSE] = '^\\s*(' + src[XRANGEPLAINLOOSE] + ')' +
                        '\\s+-\\s+' +
                        '(' + src[XRANGEPLAINLOOSE] + ')' +
                        '\\s*$'

// Star ranges basically just allow anything at all.
var STAR = R++
src[STAR] = '(<|>)?=?\\s*\\*'

// Compile to actual regexp objects.
// All are flag-free, unless they were created above with a flag.
for (var i = 0; i < R; i++) {
  debug(i, src[i])
  if (!re[i]) {
    re[i] = new RegExp(src[i])

    // Replace all greedy whitespace to prevent regex dos issues. These regex are
    // used internally via the safeRe object since all inputs in this library get
    // normalized first to trim and collapse all extra whitespace. The original
    // regexes are exported for userland consumption and lower level usage. A
    // future breaking change could export the safer regex only with a note that
    // all input should have extra whitespace removed.
    safeRe[i] = new RegExp(makeSafeRe(src[i]))
  }
}

exports.parse = parse
function parse (version, options) {
  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }

  if (version instanceof SemVer) {
    return version
  }

  if (typeof version !== 'string') {
    return null
  }

  if (version.length > MAX_LENGTH) {
    return null
  }

  var r = options.loose ? safeRe[LOOSE] : safeRe[FULL]
  if (!r.test(version)) {
    return null
  }

  try {
    return new SemVer(version, options)
  } catch (er) {
    return null
  }
}

exports.valid = valid
function valid (version, options) {
  var v = parse(version, options)
  return v ? v.version : null
}

exports.clean = clean
function clean (version, options) {
  var s = parse(version.trim().replace(/^[=v]+/, ''), options)
  return s ? s.version : null
}

exports.SemVer = SemVer

function SemVer (version, options) {
  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }
  if (version instanceof SemVer) {
    if (version.loose === options.loose) {
      return version
    } else {
      version = version.version
    }
  } else if (typeof version !== 'string') {
    throw new TypeError('Invalid Version: ' + version)
  }

  if (version.length > MAX_LENGTH) {
    throw new TypeError('version is longer than ' + MAX_LENGTH + ' characters')
  }

  if (!(this instanceof SemVer)) {
    return new SemVer(version, options)
  }

  debug('SemVer', version, options)
  this.options = options
  this.loose = !!options.loose

  var m = version.trim().match(options.loose ? safeRe[LOOSE] : safeRe[FULL])

  if (!m) {
    throw new TypeError('Invalid Version: ' + version)
  }

  this.raw = version

  // these are actually numbers
  this.major = +m[1]
  this.minor = +m[2]
  this.patch = +m[3]

  if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
    throw new TypeError('Invalid major version')
  }

  if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
    throw new TypeError('Invalid minor version')
  }

  if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
    throw new TypeError('Invalid patch version')
  }

  // numberify any prerelease numeric ids
  if (!m[4]) {
    this.prerelease = []
  } else {
    this.prerelease = m[4].split('.').map(function (id) {
      if (/^[0-9]+$/.test(id)) {
        var num = +id
        if (num >= 0 && num < MAX_SAFE_INTEGER) {
          return num
        }
      }
      return id
    })
  }

  this.build = m[5] ? m[5].split('.') : []
  this.format()
}

SemVer.prototype.format = function () {
  this.version = this.major + '.' + this.minor + '.' + this.patch
  if (this.prerelease.length) {
    this.version += '-' + this.prerelease.join('.')
  }
  return this.version
}

SemVer.prototype.toString = function () {
  return this.version
}

SemVer.prototype.compare = function (other) {
  debug('SemVer.compare', this.version, this.options, other)
  if (!(other instanceof SemVer)) {
    other = new SemVer(other, this.options)
  }

  return this.compareMain(other) || this.comparePre(other)
}

SemVer.prototype.compareMain = function (other) {
  if (!(other instanceof SemVer)) {
    other = new SemVer(other, this.options)
  }

  return compareIdentifiers(this.major, other.major) ||
         compareIdentifiers(this.minor, other.minor) ||
         compareIdentifiers(this.patch, other.patch)
}

SemVer.prototype.comparePre = function (other) {
  if (!(other instanceof SemVer)) {
    other = new SemVer(other, this.options)
  }

  // NOT having a prerelease is > having one
  if (this.prerelease.length && !other.prerelease.length) {
    return -1
  } else if (!this.prerelease.length && other.prerelease.length) {
    return 1
  } else if (!this.prerelease.length && !other.prerelease.length) {
    return 0
  }

  var i = 0
  do {
    var a = this.prerelease[i]
    var b = other.prerelease[i]
    debug('prerelease compare', i, a, b)
    if (a === undefined && b === undefined) {
      return 0
    } else if (b === undefined) {
      return 1
    } else if (a === undefined) {
      return -1
    } else if (a === b) {
      continue
    } else {
      return compareIdentifiers(a, b)
    }
  } while (++i)
}

// preminor will bump the version up to the next minor release, and immediately
// down to pre-release. premajor and prepatch work the same way.
SemVer.prototype.inc = function (release, identifier) {
  switch (release) {
    case 'premajor':
      this.prerelease.length = 0
      this.patch = 0
      this.minor = 0
      this.major++
      this.inc('pre', identifier)
      break
    case 'preminor':
      this.prerelease.length = 0
      this.patch = 0
      this.minor++
      this.inc('pre', identifier)
      break
    case 'prepatch':
      // If this is already a prerelease, it will bump to the next version
      // drop any prereleases that might already exist, since they are not
      // relevant at this point.
      this.prerelease.length = 0
      this.inc('patch', identifier)
      this.inc('pre', identifier)
      break
    // If the input is a non-prerelease version, this acts the same as
    // prepatch.
    case 'prerelease':
      if (this.prerelease.length === 0) {
        this.inc('patch', identifier)
      }
      this.inc('pre', identifier)
      break

    case 'major':
      // If this is a pre-major version, bump up to the same major version.
      // Otherwise increment major.
      // 1.0.0-5 bumps to 1.0.0
      // 1.1.0 bumps to 2.0.0
      if (this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0) {
        this.major++
      }
      this.minor = 0
      this.patch = 0
      this.prerelease = []
      break
    case 'minor':
      // If this is a pre-minor version, bump up to the same minor version.
      // Otherwise increment minor.
      // 1.2.0-5 bumps to 1.2.0
      // 1.2.1 bumps to 1.3.0
      if (this.patch !== 0 || this.prerelease.length === 0) {
        this.minor++
      }
      this.patch = 0
      this.prerelease = []
      break
    case 'patch':
      // If this is not a pre-release version, it will increment the patch.
      // If it is a pre-release it will bump up to the same patch version.
      // 1.2.0-5 patches to 1.2.0
      // 1.2.0 patches to 1.2.1
      if (this.prerelease.length === 0) {
        this.patch++
      }
      this.prerelease = []
      break
    // This probably shouldn't be used publicly.
    // 1.0.0 "pre" would become 1.0.0-0 which is the wrong direction.
    case 'pre':
      if (this.prerelease.length === 0) {
        this.prerelease = [0]
      } else {
        var i = this.prerelease.length
        while (--i >= 0) {
          if (typeof this.prerelease[i] === 'number') {
            this.prerelease[i]++
            i = -2
          }
        }
        if (i === -1) {
          // didn't increment anything
          this.prerelease.push(0)
        }
      }
      if (identifier) {
        // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
        // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
        if (this.prerelease[0] === identifier) {
          if (isNaN(this.prerelease[1])) {
            this.prerelease = [identifier, 0]
          }
        } else {
          this.prerelease = [identifier, 0]
        }
      }
      break

    default:
      throw new Error('invalid increment argument: ' + release)
  }
  this.format()
  this.raw = this.version
  return this
}

exports.inc = inc
function inc (version, release, loose, identifier) {
  if (typeof (loose) === 'string') {
    identifier = loose
    loose = undefined
  }

  try {
    return new SemVer(version, loose).inc(release, identifier).version
  } catch (er) {
    return null
  }
}

exports.diff = diff
function diff (version1, version2) {
  if (eq(version1, version2)) {
    return null
  } else {
    var v1 = parse(version1)
    var v2 = parse(version2)
    var prefix = ''
    if (v1.prerelease.length || v2.prerelease.length) {
      prefix = 'pre'
      var defaultResult = 'prerelease'
    }
    for (var key in v1) {
      if (key === 'major' || key === 'minor' || key === 'patch') {
        if (v1[key] !== v2[key]) {
          return prefix + key
        }
      }
    }
    return defaultResult // may be undefined
  }
}

exports.compareIdentifiers = compareIdentifiers

var numeric = /^[0-9]+$/
function compareIdentifiers (a, b) {
  var anum = numeric.test(a)
  var bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

exports.rcompareIdentifiers = rcompareIdentifiers
function rcompareIdentifiers (a, b) {
  return compareIdentifiers(b, a)
}

exports.major = major
function major (a, loose) {
  return new SemVer(a, loose).major
}

exports.minor = minor
function minor (a, loose) {
  return new SemVer(a, loose).minor
}

exports.patch = patch
function patch (a, loose) {
  return new SemVer(a, loose).patch
}

exports.compare = compare
function compare (a, b, loose) {
  return new SemVer(a, loose).compare(new SemVer(b, loose))
}

exports.compareLoose = compareLoose
function compareLoose (a, b) {
  return compare(a, b, true)
}

exports.rcompare = rcompare
function rcompare (a, b, loose) {
  return compare(b, a, loose)
}

exports.sort = sort
function sort (list, loose) {
  return list.sort(function (a, b) {
    return exports.compare(a, b, loose)
  })
}

exports.rsort = rsort
function rsort (list, loose) {
  return list.sort(function (a, b) {
    return exports.rcompare(a, b, loose)
  })
}

exports.gt = gt
function gt (a, b, loose) {
  return compare(a, b, loose) > 0
}

exports.lt = lt
function lt (a, b, loose) {
  return compare(a, b, loose) < 0
}

exports.eq = eq
function eq (a, b, loose) {
  return compare(a, b, loose) === 0
}

exports.neq = neq
function neq (a, b, loose) {
  return compare(a, b, loose) !== 0
}

exports.gte = gte
function gte (a, b, loose) {
  return compare(a, b, loose) >= 0
}

exports.lte = lte
function lte (a, b, loose) {
  return compare(a, b, loose) <= 0
}

exports.cmp = cmp
function cmp (a, op, b, loose) {
  switch (op) {
    case '===':
      if (typeof a === 'object')
        a = a.version
      if (typeof b === 'object')
        b = b.version
      return a === b

    case '!==':
      if (typeof a === 'object')
        a = a.version
      if (typeof b === 'object')
        b = b.version
      return a !== b

    case '':
    case '=':
    case '==':
      return eq(a, b, loose)

    case '!=':
      return neq(a, b, loose)

    case '>':
      return gt(a, b, loose)

    case '>=':
      return gte(a, b, loose)

    case '<':
      return lt(a, b, loose)

    case '<=':
      return lte(a, b, loose)

    default:
      throw new TypeError('Invalid operator: ' + op)
  }
}

exports.Comparator = Comparator
function Comparator (comp, options) {
  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }

  if (comp instanceof Comparator) {
    if (comp.loose === !!options.loose) {
      return comp
    } else {
      comp = comp.value
    }
  }

  if (!(this instanceof Comparator)) {
    return new Comparator(comp, options)
  }

  comp = comp.trim().split(/\s+/).join(' ')
  debug('comparator', comp, options)
  this.options = options
  this.loose = !!options.loose
  this.parse(comp)

  if (this.semver === ANY) {
    this.value = ''
  } else {
    this.value = this.operator + this.semver.version
  }

  debug('comp', this)
}

var ANY = {}
Comparator.prototype.parse = function (comp) {
  var r = this.options.loose ? safeRe[COMPARATORLOOSE] : safeRe[COMPARATOR]
  var m = comp.match(r)

  if (!m) {
    throw new TypeError('Invalid comparator: ' + comp)
  }

  this.operator = m[1]
  if (this.operator === '=') {
    this.operator = ''
  }

  // if it literally is just '>' or '' then allow anything.
  if (!m[2]) {
    this.semver = ANY
  } else {
    this.semver = new SemVer(m[2], this.options.loose)
  }
}

Comparator.prototype.toString = function () {
  return this.value
}

Comparator.prototype.test = function (version) {
  debug('Comparator.test', version, this.options.loose)

  if (this.semver === ANY) {
    return true
  }

  if (typeof version === 'string') {
    version = new SemVer(version, this.options)
  }

  return cmp(version, this.operator, this.semver, this.options)
}

Comparator.prototype.intersects = function (comp, options) {
  if (!(comp instanceof Comparator)) {
    throw new TypeError('a Comparator is required')
  }

  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }

  var rangeTmp

  if (this.operator === '') {
    rangeTmp = new Range(comp.value, options)
    return satisfies(this.value, rangeTmp, options)
  } else if (comp.operator === '') {
    rangeTmp = new Range(this.value, options)
    return satisfies(comp.semver, rangeTmp, options)
  }

  var sameDirectionIncreasing =
    (this.operator === '>=' || this.operator === '>') &&
    (comp.operator === '>=' || comp.operator === '>')
  var sameDirectionDecreasing =
    (this.operator === '<=' || this.operator === '<') &&
    (comp.operator === '<=' || comp.operator === '<')
  var sameSemVer = this.semver.version === comp.semver.version
  var differentDirectionsInclusive =
    (this.operator === '>=' || this.operator === '<=') &&
    (comp.operator === '>=' || comp.operator === '<=')
  var oppositeDirectionsLessThan =
    cmp(this.semver, '<', comp.semver, options) &&
    ((this.operator === '>=' || this.operator === '>') &&
    (comp.operator === '<=' || comp.operator === '<'))
  var oppositeDirectionsGreaterThan =
    cmp(this.semver, '>', comp.semver, options) &&
    ((this.operator === '<=' || this.operator === '<') &&
    (comp.operator === '>=' || comp.operator === '>'))

  return sameDirectionIncreasing || sameDirectionDecreasing ||
    (sameSemVer && differentDirectionsInclusive) ||
    oppositeDirectionsLessThan || oppositeDirectionsGreaterThan
}

exports.Range = Range
function Range (range, options) {
  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }

  if (range instanceof Range) {
    if (range.loose === !!options.loose &&
        range.includePrerelease === !!options.includePrerelease) {
      return range
    } else {
      return new Range(range.raw, options)
    }
  }

  if (range instanceof Comparator) {
    return new Range(range.value, options)
  }

  if (!(this instanceof Range)) {
    return new Range(range, options)
  }

  this.options = options
  this.loose = !!options.loose
  this.includePrerelease = !!options.includePrerelease

  // First reduce all whitespace as much as possible so we do not have to rely
  // on potentially slow regexes like \s*. This is then stored and used for
  // future error messages as well.
  this.raw = range
    .trim()
    .split(/\s+/)
    .join(' ')

  // First, split based on boolean or ||
  this.set = this.raw.split('||').map(function (range) {
    return this.parseRange(range.trim())
  }, this).filter(function (c) {
    // throw out any that are not relevant for whatever reason
    return c.length
  })

  if (!this.set.length) {
    throw new TypeError('Invalid SemVer Range: ' + this.raw)
  }

  this.format()
}

Range.prototype.format = function () {
  this.range = this.set.map(function (comps) {
    return comps.join(' ').trim()
  }).join('||').trim()
  return this.range
}

Range.prototype.toString = function () {
  return this.range
}

function isWhitespace (char) {
  var code = char && char.charCodeAt(0)
  return (code >= 0x0009 && code <= 0x000d) ||
    code === 0x0020 || code === 0x00a0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0x3000 || code === 0xfeff
}

function isVersionPrefix (char) {
  return char === 'v' || char === '=' || isWhitespace(char)
}

function isDigit (char) {
  return char !== undefined && char >= '0' && char <= '9'
}

function isLetter (char) {
  return char !== undefined &&
    ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'))
}

function isIdentifierCharacter (char) {
  return isDigit(char) || isLetter(char) || char === '-'
}

function isVersionStart (char) {
  return isDigit(char) || char === 'x' || char === 'X' || char === '*'
}

function findDigitsEndIndex (range, start, limit, digitRuns) {
  if (!isDigit(range[start])) {
    return start
  }
  if (start >= digitRuns.start && start < digitRuns.end) {
    return Math.min(start + limit, digitRuns.end)
  }
  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
    return Math.min(start + limit, digitRuns.previousEnd)
  }
  var end = start + 1
  while (isDigit(range[end])) {
    end++
  }
  // A failed full version can rewind from its second digit run to its first.
  digitRuns.previousStart = digitRuns.start
  digitRuns.previousEnd = digitRuns.end
  digitRuns.start = start
  digitRuns.end = end
  return Math.min(start + limit, end)
}

function findVersionNumberEndIndex (range, start, loose, digitRuns) {
  if (!loose && range[start] === '0') {
    return start + 1
  }
  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
}

function findPrereleaseIdentifierEndIndex (range, start, loose, digitRuns) {
  // Unlike v7, the legacy regex tries numeric identifiers before nonnumeric ones.
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, loose, digitRuns)
  }
  if (!isLetter(range[start]) && range[start] !== '-') {
    return start
  }
  var end = start + 1
  var limit = end + MAX_SAFE_BUILD_LENGTH
  while (end < limit && isIdentifierCharacter(range[end])) {
    end++
  }
  return end
}

function findPrereleaseEndIndex (range, start, loose, digitRuns) {
  var hyphen = range[start] === '-'
  if (!loose && !hyphen) {
    return start
  }
  var identifierStart = start + (hyphen ? 1 : 0)
  var end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns)
  if (end === identifierStart) {
    if (!loose || !hyphen) {
      return start
    }
    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns)
  }
  while (range[end] === '.') {
    var next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

function findBuildEndIndex (range, start) {
  if (range[start] !== '+') {
    return start
  }
  var end = start + 1
  do {
    var identifierStart = end
    while (end - identifierStart < MAX_SAFE_BUILD_LENGTH &&
        isIdentifierCharacter(range[end])) {
      end++
    }
    if (end === identifierStart) {
      return identifierStart === start + 1 ? start : end - 1
    }
    if (range[end] !== '.') {
      return end
    }
    end++
  } while (true)
}

function findLooseFullVersionEndIndex (range, start, digitRuns) {
  var end = start
  for (var component = 0; component < 3; component++) {
    var next = findVersionNumberEndIndex(range, end, true, digitRuns)
    if (next === end) {
      return start
    }
    end = next
    if (component < 2) {
      if (range[end] !== '.') {
        return start
      }
      end++
    }
  }
  return findBuildEndIndex(range, findPrereleaseEndIndex(range, end, true, digitRuns))
}

function findPartialVersionComponentEndIndex (range, start, digitRuns) {
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, false, digitRuns)
  }
  return isVersionStart(range[start]) ? start + 1 : start
}

function findVersionEndIndex (range, start, digitRuns) {
  var end = findLooseFullVersionEndIndex(range, start, digitRuns)
  if (end !== start) {
    return end
  }
  end = findPartialVersionComponentEndIndex(range, start, digitRuns)
  for (var component = 0; component < 2; component++) {
    if (range[end] !== '.') {
      return end
    }
    var next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns)
    if (next === end + 1) {
      return end
    }
    end = next
  }
  return findBuildEndIndex(range, findPrereleaseEndIndex(range, end, false, digitRuns))
}

function findRemovableWhitespaceIndex (range, position) {
  if (isWhitespace(range[position])) {
    position++
  }
  if (range[position] === '<' || range[position] === '>') {
    position++
  }
  if (range[position] === '=') {
    position++
  }
  return isWhitespace(range[position]) ? position : -1
}

function trimComparatorWhitespace (range) {
  var result = ''
  var copyFrom = 0
  var cursor = 0
  var digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 }
  while (cursor < range.length) {
    var matchStart = cursor
    if (range[cursor] === '<' || range[cursor] === '>') {
      cursor++
    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
      cursor++
      continue
    }
    while (cursor < range.length && isVersionPrefix(range[cursor])) {
      cursor++
    }
    if (!isVersionStart(range[cursor])) {
      continue
    }
    var whitespacePosition = findRemovableWhitespaceIndex(range, matchStart)
    if (whitespacePosition !== -1) {
      result += range.slice(copyFrom, whitespacePosition)
      copyFrom = whitespacePosition + 1
    }
    // Preserve match boundaries inside prerelease and build identifiers.
    cursor = findVersionEndIndex(range, cursor, digitRuns)
  }
  return result + range.slice(copyFrom)
}

Range.prototype.parseRange = function (range) {
  var loose = this.options.loose
  // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
  var hr = loose ? safeRe[HYPHENRANGELOOSE] : safeRe[HYPHENRANGE]
  range = range.replace(hr, hyphenReplace)
  debug('hyphen replace', range)
  // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
  range = trimComparatorWhitespace(range)
  debug('comparator trim', range)

  // `~ 1.2.3` => `~1.2.3`
  range = range.replace(safeRe[TILDETRIM], tildeTrimReplace)

  // `^ 1.2.3` => `^1.2.3`
  range = range.replace(safeRe[CARETTRIM], caretTrimReplace)

  // At this point, the range is completely trimmed and
  // ready to be split into comparators.
  var compRe = loose ? safeRe[COMPARATORLOOSE] : safeRe[COMPARATOR]
  var set = range.split(' ').map(function (comp) {
    return parseComparator(comp, this.options)
  }, this).join(' ').split(/\s+/)
  if (this.options.loose) {
    // in loose mode, throw out any that are not valid comparators
    set = set.filter(function (comp) {
      return !!comp.match(compRe)
    })
  }
  set = set.map(function (comp) {
    return new Comparator(comp, this.options)
  }, this)

  return set
}

Range.prototype.intersects = function (range, options) {
  if (!(range instanceof Range)) {
    throw new TypeError('a Range is required')
  }

  return this.set.some(function (thisComparators) {
    return thisComparators.every(function (thisComparator) {
      return range.set.some(function (rangeComparators) {
        return rangeComparators.every(function (rangeComparator) {
          return thisComparator.intersects(rangeComparator, options)
        })
      })
    })
  })
}

// Mostly just for testing and legacy API reasons
exports.toComparators = toComparators
function toComparators (range, options) {
  return new Range(range, options).set.map(function (comp) {
    return comp.map(function (c) {
      return c.value
    }).join(' ').trim().split(' ')
  })
}

// comprised of xranges, tildes, stars, and gtlt's at this point.
// already replaced the hyphen ranges
// turn into a set of JUST comparators.
function parseComparator (comp, options) {
  debug('comp', comp, options)
  comp = replaceCarets(comp, options)
  debug('caret', comp)
  comp = replaceTildes(comp, options)
  debug('tildes', comp)
  comp = replaceXRanges(comp, options)
  debug('xrange', comp)
  comp = replaceStars(comp, options)
  debug('stars', comp)
  return comp
}

function isX (id) {
  return !id || id.toLowerCase() === 'x' || id === '*'
}

// ~, ~> --> * (any, kinda silly)
// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0
// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0
// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0
// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0
// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0
function replaceTildes (comp, options) {
  return comp.trim().split(/\s+/).map(function (comp) {
    return replaceTilde(comp, options)
  }).join(' ')
}

function replaceTilde (comp, options) {
  var r = options.loose ? safeRe[TILDELOOSE] : safeRe[TILDE]
  return comp.replace(r, function (_, M, m, p, pr) {
    debug('tilde', comp, _, M, m, p, pr)
    var ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = '>=' + M + '.0.0 <' + (+M + 1) + '.0.0'
    } else if (isX(p)) {
      // ~1.2 == >=1.2.0 <1.3.0
      ret = '>=' + M + '.' + m + '.0 <' + M + '.' + (+m + 1) + '.0'
    } else if (pr) {
      debug('replaceTilde pr', pr)
      ret = '>=' + M + '.' + m + '.' + p + '-' + pr +
            ' <' + M + '.' + (+m + 1) + '.0'
    } else {
      // ~1.2.3 == >=1.2.3 <1.3.0
      ret = '>=' + M + '.' + m + '.' + p +
            ' <' + M + '.' + (+m + 1) + '.0'
    }

    debug('tilde return', ret)
    return ret
  })
}

// ^ --> * (any, kinda silly)
// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0
// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0
// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0
// ^1.2.3 --> >=1.2.3 <2.0.0
// ^1.2.0 --> >=1.2.0 <2.0.0
function replaceCarets (comp, options) {
  return comp.trim().split(/\s+/).map(function (comp) {
    return replaceCaret(comp, options)
  }).join(' ')
}

function replaceCaret (comp, options) {
  debug('caret', comp, options)
  var r = options.loose ? safeRe[CARETLOOSE] : safeRe[CARET]
  return comp.replace(r, function (_, M, m, p, pr) {
    debug('caret', comp, _, M, m, p, pr)
    var ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = '>=' + M + '.0.0 <' + (+M + 1) + '.0.0'
    } else if (isX(p)) {
      if (M === '0') {
        ret = '>=' + M + '.' + m + '.0 <' + M + '.' + (+m + 1) + '.0'
      } else {
        ret = '>=' + M + '.' + m + '.0 <' + (+M + 1) + '.0.0'
      }
    } else if (pr) {
      debug('replaceCaret pr', pr)
      if (M === '0') {
        if (m === '0') {
          ret = '>=' + M + '.' + m + '.' + p + '-' + pr +
                ' <' + M + '.' + m + '.' + (+p + 1)
        } else {
          ret = '>=' + M + '.' + m + '.' + p + '-' + pr +
                ' <' + M + '.' + (+m + 1) + '.0'
        }
      } else {
        ret = '>=' + M + '.' + m + '.' + p + '-' + pr +
              ' <' + (+M + 1) + '.0.0'
      }
    } else {
      debug('no pr')
      if (M === '0') {
        if (m === '0') {
          ret = '>=' + M + '.' + m + '.' + p +
                ' <' + M + '.' + m + '.' + (+p + 1)
        } else {
          ret = '>=' + M + '.' + m + '.' + p +
                ' <' + M + '.' + (+m + 1) + '.0'
        }
      } else {
        ret = '>=' + M + '.' + m + '.' + p +
              ' <' + (+M + 1) + '.0.0'
      }
    }

    debug('caret return', ret)
    return ret
  })
}

function replaceXRanges (comp, options) {
  debug('replaceXRanges', comp, options)
  return comp.split(/\s+/).map(function (comp) {
    return replaceXRange(comp, options)
  }).join(' ')
}

function replaceXRange (comp, options) {
  comp = comp.trim()
  var r = options.loose ? safeRe[XRANGELOOSE] : safeRe[XRANGE]
  return comp.replace(r, function (ret, gtlt, M, m, p, pr) {
    debug('xRange', comp, ret, gtlt, M, m, p, pr)
    var xM = isX(M)
    var xm = xM || isX(m)
    var xp = xm || isX(p)
    var anyX = xp

    if (gtlt === '=' && anyX) {
      gtlt = ''
    }

    if (xM) {
      if (gtlt === '>' || gtlt === '<') {
        // nothing is allowed
        ret = '<0.0.0'
      } else {
        // nothing is forbidden
        ret = '*'
      }
    } else if (gtlt && anyX) {
      // we know patch is an x, because we have any x at all.
      // replace X with 0
      if (xm) {
        m = 0
      }
      p = 0

      if (gtlt === '>') {
        // >1 => >=2.0.0
        // >1.2 => >=1.3.0
        // >1.2.3 => >= 1.2.4
        gtlt = '>='
        if (xm) {
          M = +M + 1
          m = 0
          p = 0
        } else {
          m = +m + 1
          p = 0
        }
      } else if (gtlt === '<=') {
        // <=0.7.x is actually <0.8.0, since any 0.7.x should
        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
        gtlt = '<'
        if (xm) {
          M = +M + 1
        } else {
          m = +m + 1
        }
      }

      ret = gtlt + M + '.' + m + '.' + p
    } else if (xm) {
      ret = '>=' + M + '.0.0 <' + (+M + 1) + '.0.0'
    } else if (xp) {
      ret = '>=' + M + '.' + m + '.0 <' + M + '.' + (+m + 1) + '.0'
    }

    debug('xRange return', ret)

    return ret
  })
}

// Because * is AND-ed with everything else in the comparator,
// and '' means "any version", just remove the *s entirely.
function replaceStars (comp, options) {
  debug('replaceStars', comp, options)
  // Looseness is ignored here.  star is always as loose as it gets!
  return comp.trim().replace(safeRe[STAR], '')
}

// This function is passed to string.replace(safeRe[HYPHENRANGE])
// M, m, patch, prerelease, build
// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
// 1.2.3 - 3.4 => >=1.2.0 <3.5.0 Any 3.4.x will do
// 1.2 - 3.4 => >=1.2.0 <3.5.0
function hyphenReplace ($0,
  from, fM, fm, fp, fpr, fb,
  to, tM, tm, tp, tpr, tb) {
  if (isX(fM)) {
    from = ''
  } else if (isX(fm)) {
    from = '>=' + fM + '.0.0'
  } else if (isX(fp)) {
    from = '>=' + fM + '.' + fm + '.0'
  } else {
    from = '>=' + from
  }

  if (isX(tM)) {
    to = ''
  } else if (isX(tm)) {
    to = '<' + (+tM + 1) + '.0.0'
  } else if (isX(tp)) {
    to = '<' + tM + '.' + (+tm + 1) + '.0'
  } else if (tpr) {
    to = '<=' + tM + '.' + tm + '.' + tp + '-' + tpr
  } else {
    to = '<=' + to
  }

  return (from + ' ' + to).trim()
}

// if ANY of the sets match ALL of its comparators, then pass
Range.prototype.test = function (version) {
  if (!version) {
    return false
  }

  if (typeof version === 'string') {
    version = new SemVer(version, this.options)
  }

  for (var i = 0; i < this.set.length; i++) {
    if (testSet(this.set[i], version, this.options)) {
      return true
    }
  }
  return false
}

function testSet (set, version, options) {
  for (var i = 0; i < set.length; i++) {
    if (!set[i].test(version)) {
      return false
    }
  }

  if (version.prerelease.length && !options.includePrerelease) {
    // Find the set of versions that are allowed to have prereleases
    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
    // That should allow `1.2.3-pr.2` to pass.
    // However, `1.2.4-alpha.notready` should NOT be allowed,
    // even though it's within the range set by the comparators.
    for (i = 0; i < set.length; i++) {
      debug(set[i].semver)
      if (set[i].semver === ANY) {
        continue
      }

      if (set[i].semver.prerelease.length > 0) {
        var allowed = set[i].semver
        if (allowed.major === version.major &&
            allowed.minor === version.minor &&
            allowed.patch === version.patch) {
          return true
        }
      }
    }

    // Version has a -pre, but it's not one of the ones we like.
    return false
  }

  return true
}

exports.satisfies = satisfies
function satisfies (version, range, options) {
  try {
    range = new Range(range, options)
  } catch (er) {
    return false
  }
  return range.test(version)
}

exports.maxSatisfying = maxSatisfying
function maxSatisfying (versions, range, options) {
  var max = null
  var maxSV = null
  try {
    var rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach(function (v) {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!max || maxSV.compare(v) === -1) {
        // compare(max, v, true)
        max = v
        maxSV = new SemVer(max, options)
      }
    }
  })
  return max
}

exports.minSatisfying = minSatisfying
function minSatisfying (versions, range, options) {
  var min = null
  var minSV = null
  try {
    var rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach(function (v) {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!min || minSV.compare(v) === 1) {
        // compare(min, v, true)
        min = v
        minSV = new SemVer(min, options)
      }
    }
  })
  return min
}

exports.minVersion = minVersion
function minVersion (range, loose) {
  range = new Range(range, loose)

  var minver = new SemVer('0.0.0')
  if (range.test(minver)) {
    return minver
  }

  minver = new SemVer('0.0.0-0')
  if (range.test(minver)) {
    return minver
  }

  minver = null
  for (var i = 0; i < range.set.length; ++i) {
    var comparators = range.set[i]

    comparators.forEach(function (comparator) {
      // Clone to avoid manipulating the comparator's semver object.
      var compver = new SemVer(comparator.semver.version)
      switch (comparator.operator) {
        case '>':
          if (compver.prerelease.length === 0) {
            compver.patch++
          } else {
            compver.prerelease.push(0)
          }
          compver.raw = compver.format()
          /* fallthrough */
        case '':
        case '>=':
          if (!minver || gt(minver, compver)) {
            minver = compver
          }
          break
        case '<':
        case '<=':
          /* Ignore maximum versions */
          break
        /* istanbul ignore next */
        default:
          throw new Error('Unexpected operation: ' + comparator.operator)
      }
    })
  }

  if (minver && range.test(minver)) {
    return minver
  }

  return null
}

exports.validRange = validRange
function validRange (range, options) {
  try {
    // Return '*' instead of '' so that truthiness works.
    // This will throw if it's invalid anyway
    return new Range(range, options).range || '*'
  } catch (er) {
    return null
  }
}

// Determine if version is less than all the versions possible in the range
exports.ltr = ltr
function ltr (version, range, options) {
  return outside(version, range, '<', options)
}

// Determine if version is greater than all the versions possible in the range.
exports.gtr = gtr
function gtr (version, range, options) {
  return outside(version, range, '>', options)
}

exports.outside = outside
function outside (version, range, hilo, options) {
  version = new SemVer(version, options)
  range = new Range(range, options)

  var gtfn, ltefn, ltfn, comp, ecomp
  switch (hilo) {
    case '>':
      gtfn = gt
      ltefn = lte
      ltfn = lt
      comp = '>'
      ecomp = '>='
      break
    case '<':
      gtfn = lt
      ltefn = gte
      ltfn = gt
      comp = '<'
      ecomp = '<='
      break
    default:
      throw new TypeError('Must provide a hilo val of "<" or ">"')
  }

  // If it satisifes the range it is not outside
  if (satisfies(version, range, options)) {
    return false
  }

  // From now on, variable terms are as if we're in "gtr" mode.
  // but note that everything is flipped for the "ltr" function.

  for (var i = 0; i < range.set.length; ++i) {
    var comparators = range.set[i]

    var high = null
    var low = null

    comparators.forEach(function (comparator) {
      if (comparator.semver === ANY) {
        comparator = new Comparator('>=0.0.0')
      }
      high = high || comparator
      low = low || comparator
      if (gtfn(comparator.semver, high.semver, options)) {
        high = comparator
      } else if (ltfn(comparator.semver, low.semver, options)) {
        low = comparator
      }
    })

    // If the edge version comparator has a operator then our version
    // isn't outside it
    if (high.operator === comp || high.operator === ecomp) {
      return false
    }

    // If the lowest version comparator has an operator and our version
    // is less than it then it isn't higher than the range
    if ((!low.operator || low.operator === comp) &&
        ltefn(version, low.semver)) {
      return false
    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
      return false
    }
  }
  return true
}

exports.prerelease = prerelease
function prerelease (version, options) {
  var parsed = parse(version, options)
  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
}

exports.intersects = intersects
function intersects (r1, r2, options) {
  r1 = new Range(r1, options)
  r2 = new Range(r2, options)
  return r1.intersects(r2)
}

exports.coerce = coerce
function coerce (version) {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version !== 'string') {
    return null
  }

  var match = version.match(safeRe[COERCE])

  if (match == null) {
    return null
  }

  return parse(match[1] +
    '.' + (match[2] || '0') +
    '.' + (match[3] || '0'))
}


/***/ }),

/***/ 4941:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _host_merge_step_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2450);
/* harmony import */ var _host_quiet_pipes_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9734);
/* harmony import */ var _task_port_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4086);
// Entry point of the ImdsCheckMerge task (dist/azure-devops-merge/index.js): the merge step body over the
// same agent port as the check. The merge has no credential inputs; runMergeStep never throws, as
// task-lib's own uncaughtException handler would print a stack trace.



(0,_host_quiet_pipes_js__WEBPACK_IMPORTED_MODULE_2__/* .ignoreClosedPipes */ .M)();
await (0,_host_merge_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runMergeStep */ .n)((0,_task_port_js__WEBPACK_IMPORTED_MODULE_1__/* .createTaskPort */ .R)({}, import.meta.url));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 4086:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  R: () => (/* binding */ createTaskPort)
});

// EXTERNAL MODULE: ./node_modules/azure-pipelines-task-lib/task.js
var task = __nccwpck_require__(358);
// EXTERNAL MODULE: ./src/core/index.ts + 14 modules
var core = __nccwpck_require__(4141);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/host/code-links.ts
// Where each code is documented: docs/errors.md, section `#<code>`. A released action or task links to its
// own version's file on GitHub; anything else names the path in the repository.


const ERRORS_DOC = 'docs/errors.md';
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const REF = /^[A-Za-z0-9_.\/-]+$/;
const pathLink = (code) => `${ERRORS_DOC}#${code}`;
/**
 * GitHub: the action's own repository and ref (GITHUB_ACTION_REPOSITORY / GITHUB_ACTION_REF) when set. A local
 * action (`uses: ./…`) has neither: it lives in the workflow's repository at the commit being built, so the
 * link is that commit's file, at the action's folder inside the workspace.
 */
function actionCodeLink(env) {
    const server = /^https:\/\/[A-Za-z0-9.-]+$/.test(env['GITHUB_SERVER_URL'] ?? '')
        ? env['GITHUB_SERVER_URL']
        : 'https://github.com';
    const repo = env['GITHUB_ACTION_REPOSITORY'] ?? '';
    const ref = env['GITHUB_ACTION_REF'] ?? '';
    if (REPOSITORY.test(repo) && REF.test(ref))
        return (code) => `${server}/${repo}/blob/${ref}/${ERRORS_DOC}#${code}`;
    const workflowRepo = env['GITHUB_REPOSITORY'] ?? '';
    const sha = env['GITHUB_SHA'] ?? '';
    const folder = localActionFolder(env['GITHUB_WORKSPACE'], env['GITHUB_ACTION_PATH']);
    if (repo === '' && REPOSITORY.test(workflowRepo) && /^[0-9a-f]{40}$/.test(sha) && folder !== null) {
        const prefix = folder === '' ? '' : `${folder}/`;
        return (code) => `${server}/${workflowRepo}/blob/${sha}/${prefix}${ERRORS_DOC}#${code}`;
    }
    return pathLink;
}
/** The action's folder relative to the workspace ('' at its root), or null when it is not inside it. */
function localActionFolder(workspace, actionPath) {
    if (!workspace || !actionPath)
        return null;
    const rel = relative(workspace, actionPath).split(sep).join('/');
    if (rel.startsWith('..') || isAbsolute(rel) || !/^[A-Za-z0-9_.\/-]*$/.test(rel))
        return null;
    return rel;
}
/**
 * Azure DevOps: the packaged task carries `imds-check.json` ({"errorsDoc": "https://…/docs/errors.md"}, written
 * from the extension manifest's repository link) in its folder; the bundle looks next to itself and above.
 */
function taskCodeLink(bundleUrl) {
    for (const relative of ['./imds-check.json', '../imds-check.json', '../../imds-check.json']) {
        try {
            const parsed = JSON.parse((0,external_node_fs_.readFileSync)(new URL(relative, bundleUrl), 'utf8'));
            const doc = parsed?.errorsDoc;
            if (typeof doc === 'string' && /^https:\/\/[^\s#?]+\/docs\/errors\.md$/.test(doc))
                return (code) => `${doc}#${code}`;
        }
        catch {
            // not packaged (a checkout or a test): the next place, then the repository path
        }
    }
    return pathLink;
}

;// CONCATENATED MODULE: ./src/host/spelling.ts
// How each front door spells an input, for messages and advice: the engine is told, it never guesses.

const ACTION_SPELLING = {
    name: (input) => input,
    assignment: (input, value) => `${input}: ${value}`,
};
const TASK_SPELLING = {
    name: (input) => (0,core/* toCamel */.wu)(input),
    assignment: (input, value) => `${(0,core/* toCamel */.wu)(input)}: ${value}`,
};
/** The CLI's flags are the input names, except where an input declares another (the two file flags). */
const CLI_FLAG = new Map(core/* CONTRACT_INPUTS */.Vw.map((i) => [i.name, i.cli.flag ?? i.name]));
const CLI_SPELLING = {
    name: (input) => `--${CLI_FLAG.get(input) ?? input}`,
    assignment: (input, value) => `--${CLI_FLAG.get(input) ?? input} ${value}`,
};

;// CONCATENATED MODULE: ./src/azure-devops/agent-proxy.ts
// Turns the agent proxy settings task-lib reports into the engine's ProxySetting. The engine only uses it to
// warn that other programs (AMA) would send IMDS traffic through it; imds-check never uses a proxy itself.

function toAgentProxy(proxyUrl, bypass) {
    const url = (proxyUrl ?? '').trim();
    if (url === '')
        return null;
    const list = Array.isArray(bypass)
        ? bypass.filter((b) => typeof b === 'string' && b.trim() !== '')
        : [];
    return { source: 'agent proxy', url: (0,core/* withoutUserInfo */.sl)(url), bypass: list };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./src/azure-devops/summary-file.ts
// Writes the Markdown summary where the agent can still read it after the step; returns its path. A second
// imds-check step in the same job gets summary-2.md and so on, so it never overwrites an attached summary.
// `wx` never follows or replaces an existing file or link.


async function writeSummaryFile(folder, markdown) {
    for (let n = 1;; n++) {
        const path = (0,external_node_path_.join)(folder, n === 1 ? 'summary.md' : `summary-${n}.md`);
        try {
            await (0,promises_.writeFile)(path, markdown, { encoding: 'utf8', flag: 'wx', mode: 0o600 });
            return path;
        }
        catch (err) {
            if (err.code !== 'EEXIST' || n >= 1000)
                throw err;
        }
    }
}

;// CONCATENATED MODULE: ./src/azure-devops/task-port.ts
// The Azure DevOps task's PlatformPort over azure-pipelines-task-lib: the only file that imports it. `import
// * as` because the default import is undefined in ncc's ESM output.






const RESULTS = {
    succeeded: task.TaskResult.Succeeded,
    'succeeded-with-issues': task.TaskResult.SucceededWithIssues,
    failed: task.TaskResult.Failed,
};
function readProxySetting() {
    try {
        // No request URL: we want the proxy as configured, not task-lib's regex bypass decision for one URL.
        const config = task.getHttpProxyConfiguration();
        return config ? toAgentProxy(config.proxyUrl, config.proxyBypassHosts) : null;
    }
    catch (err) {
        // A bypass list that is not a JSON array makes task-lib throw; the proxy still applies to other tools.
        task.debug(`agent proxy bypass list unreadable: ${err instanceof Error ? err.message : String(err)}`);
        return toAgentProxy(task.getVariable('Agent.ProxyUrl'), []);
    }
}
const isCredentialInput = (name) => core/* CREDENTIAL_INPUTS */.ms.includes(name);
/** One port for both tasks (the check and the merge): inputs and outputs are read and set by name. */
function createTaskPort(credentials, bundleUrl) {
    return {
        spelling: TASK_SPELLING,
        input: (name) => (isCredentialInput(name) ? credentials[name] : task.getInput((0,core/* toCamel */.wu)(name))),
        // The agent masks per line and task-lib throws on a multi-line value.
        registerSecret(value) {
            for (const line of value.split(/\r\n|\r|\n/))
                if (line !== '')
                    task.setSecret(line);
        },
        info: (text) => console.log(text),
        debug: (text) => task.debug(text),
        progress: (text) => console.log(text),
        annotate(level, title, lines) {
            const text = `${title}: ${lines.join(' ')}`;
            if (level === 'error')
                task.error(text);
            else if (level === 'warning')
                task.warning(text);
            else
                console.log(text);
        },
        setOutput: (name, value, secret) => task.setVariable((0,core/* toCamel */.wu)(name), value, secret, true),
        async attachSummary(markdown, folder) {
            task.uploadSummary(await writeSummaryFile(folder, markdown));
        },
        summaryFile: () => null,
        finish: (verdict, message) => task.setResult(RESULTS[verdict], message),
        tempDir: () => task.getVariable('Agent.TempDirectory') || undefined,
        agentProxy: readProxySetting,
        codeLink: taskCodeLink(bundleUrl),
        finishAnnotates: { failed: 'error', 'succeeded-with-issues': 'warning' },
    };
}


/***/ }),

/***/ 5035:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ AMA_HOST_REMEDIES)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3054);
// The ama-host check's codes and their fixes (docs/errors.md has the long form of each).

const AMA_HOST_REMEDIES = {
    ama_os_unsupported: 'The Azure Monitor Agent refuses to install on this operating system (the installer exits 51 "Unsupported operating system"). Move the workload to a supported distribution or Windows version (see the list in docs/ama.md), or leave this machine out of the rollout.',
    ama_os_unknown: "This operating system is not on Microsoft's supported list, though its family is: the list may be older than the release, but the installer gates on its own copy of the list and will probably refuse it. Test the AMA install on one such machine first, or use a listed version.",
    ama_arch_unsupported: 'AMA runs on 64-bit x86 (x64) and, for the listed distributions and Windows 11, on Arm64 only; 32-bit systems are not supported. Use an x64 (or a listed Arm64) machine.',
    ama_disk_low: (ctx) => `AMA caches data on local disk (10 GB by default, more while it cannot reach Azure, and twice the agent's size during an upgrade). Free space on the file system named in the message, grow the disk, or lower the cache quota (MaxDiskQuotaInMB in an AgentSettings DCR) and ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'ama-min-free-gb')} with it.`,
};


/***/ }),

/***/ 4563:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ AMA_IDENTITY_REMEDIES)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3054);
// The ama-identity check's codes and their fixes (docs/errors.md has the long form of each).

const AMA_IDENTITY_REMEDIES = {
    ama_identity_none: 'AMA needs a managed identity to authenticate. Enable the system-assigned identity (az vm identity assign -g <rg> -n <vm>), or assign the user-assigned identity AMA should use and select it in the extension settings.',
    ama_identity_ambiguous: (ctx) => `The VM has several user-assigned identities and no system-assigned one, so AMA's token request without settings fails (400 "multiple user assigned identities"). Install AMA with settings that name one: run the gate with ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'identity', 'user')} and ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'msi-res-id')} of that identity, and pass its ama-extension-settings output to the extension install; or enable the system-assigned identity.`,
    ama_arc_user_identity: (ctx) => `On Azure Arc-enabled servers AMA authenticates with the machine's system-assigned identity only: the user-assigned identity the gate checked is not the one AMA will use. Check ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'identity', 'system')} instead and grant the system identity what AMA needs.`,
    ama_policy_skip: 'The built-in "Configure … to run Azure Monitor Agent" policy would not install AMA on this machine (the rule is named in the message). Install the extension directly, assign the policy with scopeToSupportedImages false or this image id in listOfLinuxImageIdToInclude / listOfWindowsImageIdToInclude, or use a policy variant that covers the region or identity.',
};


/***/ }),

/***/ 6543:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H7: () => (/* binding */ IDENTIFIER_NAMES),
/* harmony export */   jM: () => (/* binding */ isExtensionSettings),
/* harmony export */   xK: () => (/* binding */ isUserIdentityId),
/* harmony export */   zc: () => (/* binding */ settingsFor)
/* harmony export */ });
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4137);
// The AMA extension `settings` that select the identity AMA should use, as compact JSON for the
// ama-extension-settings output: `{}` for the system identity (AMA's default), otherwise
// {"authentication":{"managedIdentity":{"identifier-name":…,"identifier-value":…}}}. The shape is the one the
// AMA docs (azure-monitor-agent-manage, requirements) and the built-in user-assigned policies use; mi_res_id is
// the recommended name. Values are only GUIDs or user-assigned identity resource ids: a network value that does
// not fit never becomes the output.

/** The extension's name for each of our selector kinds (IMDS says msi_res_id, the extension mi_res_id). */
const IDENTIFIER_NAMES = {
    msi_res_id: 'mi_res_id',
    object_id: 'object_id',
    client_id: 'client_id',
};
const UAMI_PROVIDER = /\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i;
/** An ARM id of a user-assigned identity. */
const isUserIdentityId = (value) => (0,_shapes_js__WEBPACK_IMPORTED_MODULE_0__/* .isResourceId */ .Gy)(value) && UAMI_PROVIDER.test(value);
function fits(name, value) {
    if (name === 'mi_res_id')
        return isUserIdentityId(value);
    return (name === 'object_id' || name === 'client_id') && (0,_shapes_js__WEBPACK_IMPORTED_MODULE_0__/* .isGuid */ .W_)(value);
}
/** Compact JSON of the settings; null when the value does not fit the name. */
function settingsFor(identifier) {
    if (identifier === null)
        return '{}';
    if (!fits(identifier.name, identifier.value))
        return null;
    return JSON.stringify({
        authentication: {
            managedIdentity: { 'identifier-name': identifier.name, 'identifier-value': identifier.value },
        },
    });
}
/** The output's shape: exactly one of the two forms above, compact, nothing else. */
function isExtensionSettings(value) {
    if (value === '{}')
        return true;
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch {
        return false;
    }
    const mi = parsed
        ?.authentication?.managedIdentity;
    const name = mi?.['identifier-name'];
    const id = mi?.['identifier-value'];
    if (typeof name !== 'string' || typeof id !== 'string')
        return false;
    if (name !== 'mi_res_id' && name !== 'object_id' && name !== 'client_id')
        return false;
    return settingsFor({ name, value: id }) === value;
}


/***/ }),

/***/ 9553:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ AMA_REMEDIES)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3054);
// The ama check's codes and their fixes (docs/errors.md has the long form of each).

const AMA_REMEDIES = {
    ama_unknown_cloud: (ctx) => `Azure Monitor host names are published only for the public, US Government and China clouds, so the hosts of this cloud cannot be named. Check its Azure Monitor endpoints with the documentation of that cloud, or set ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'ama', 'false')} on these machines.`,
    ama_trusted_roots_invalid: (ctx) => `Point ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'ama-trusted-roots')} at a readable PEM file (at most 1 MiB) holding only -----BEGIN CERTIFICATE----- blocks: the root certificates of your Azure Stack or lab cloud.`,
    ama_proxy_invalid: (ctx) => `Set HTTPS_PROXY to http://host:port (AMA supports HTTP proxies only), or tell imds-check the proxy AMA will use with ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'ama-proxy')} (or none).`,
    ama_dns_failed: 'The machine cannot resolve the host, so AMA cannot reach it. Check the DNS servers the machine uses (custom DNS needs forwarders to Azure DNS 168.63.129.16) and, with Private Link, the privatelink.* zones linked to the VNet.',
    ama_private_link_public: 'The name still resolves to a public address although Private Link is expected: link the privatelink.monitor.azure.com, privatelink.oms.opinsights.azure.com and privatelink.ods.opinsights.azure.com zones to this VNet (or forward them from your DNS) and make sure the workspace and DCE are in the AMPLS.',
    ama_private_link_private: (ctx) => `The name resolves to a private address (a Private Link zone is in effect) although ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'private-link', 'false')} says it should not: this network shares DNS with an Azure Monitor Private Link Scope, so AMA needs a DCE and must use the private endpoint. Set ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'private-link', 'true')} if that is intended.`,
    ama_connect_timeout: 'Packets to TCP 443 of the host are dropped: allow outbound 443 to the AzureMonitor service tag (and the DCE addresses, which the tag does not cover) in the NSG, the firewall and any OS firewall.',
    ama_connect_failed: 'TCP 443 to the host was refused or has no route: check the firewall, routes (UDR to a firewall appliance) and that nothing on this machine rejects outbound 443.',
    ama_proxy_connect_failed: (ctx) => `The proxy AMA would use cannot be reached or does not answer CONNECT. Check the address in ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'ama-proxy')} or HTTPS_PROXY and that the proxy accepts connections from this machine.`,
    ama_proxy_auth_required: (ctx) => `The proxy requires proxy authentication and refused the credentials (or none were given). Put its user name and password in AMA's protected settings (proxy.username, proxy.password, with auth true) and in ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'ama-proxy')} as http://user:password@host:port, or allow the Azure Monitor endpoints without authentication. AMA supports Basic authentication only.`,
    ama_proxy_refused: 'The proxy refused to open a tunnel to the host (its status is in the message): allow CONNECT to the Azure Monitor endpoints on port 443 in the proxy policy.',
    ama_tls_old_version: 'The server that answered on 443 speaks only TLS 1.0/1.1, which Azure Monitor no longer accepts; Azure itself speaks TLS 1.2+. Something in the path (an old proxy or firewall) terminates TLS: update it or exclude the Azure Monitor endpoints from it.',
    ama_tls_failed: 'The TLS handshake did not complete: something accepted the connection but does not speak TLS for this host (a transparent proxy, a firewall holding the connection). Allow direct TLS to the Azure Monitor endpoints.',
    ama_tls_untrusted: 'The certificate chain is not trusted on this machine: something in the path presents its own certificate (the issuer is named). Exclude the Azure Monitor endpoints from HTTPS inspection; AMA does not support inspected traffic.',
    ama_tls_expired: 'A certificate in the chain is expired or not yet valid. Check the machine clock (NTP); if the clock is right, a device in the path presents a stale certificate: exclude the Azure Monitor endpoints from HTTPS inspection.',
    ama_tls_hostname: 'The certificate is not issued for this host name: the name leads to another Azure service (a wrong hosts-file entry, DNS record or Private Link zone entry). Check what it resolves to and correct it.',
    ama_tls_inspected: (ctx) => `A TLS-inspecting firewall or proxy re-signed the connection with its own CA (named in the message). Microsoft does not support HTTPS inspection for any Azure Monitor Agent endpoint: exclude these hosts from inspection (bypass or no-decrypt rule). ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'ama-trusted-roots')} is for Azure Stack, air-gapped clouds and labs, not to accept inspection.`,
    ama_http_failed: 'TLS worked but no HTTP answer came back in time. Something in the path may hold the connection; retry, and check the firewall or proxy logs for the host.',
    ama_ping_unhealthy: 'The handler answered GET /ping with something other than Healthy. Retry later and check Azure status for Azure Monitor in the region; if it persists, open a support case.',
    ama_not_azure_answer: 'Something other than Azure Monitor answered (a proxy, a block page, or a device adding a Via header). Allow the Azure Monitor endpoints through that device without interception or blocking.',
};


/***/ }),

/***/ 3226:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DX: () => (/* binding */ MAX_PROXY_HEAD_BYTES),
/* harmony export */   EM: () => (/* binding */ AMA_BOUNDS),
/* harmony export */   O0: () => (/* binding */ KEPT_BODY_CHARS),
/* harmony export */   g0: () => (/* binding */ MAX_ADDRESSES),
/* harmony export */   hJ: () => (/* binding */ MAX_HTTP_BODY_BYTES)
/* harmony export */ });
/* harmony import */ var _imds_protocol_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7743);
// Per-host bounds of the AMA check, like the IMDS ones: a dropped host is reported after two 5 s connect
// attempts; a silent one after the handshake bound. Every bound is also capped by what is left of the run.

const AMA_BOUNDS = {
    resolveMs: 5_000,
    connectMs: _imds_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .CONNECT_TIMEOUT_MS */ .cC,
    connectAttempts: _imds_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .CONNECT_ATTEMPTS */ .GY,
    handshakeMs: 10_000,
    headersMs: _imds_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .HEADERS_TIMEOUT_MS */ .C9,
    bodyMs: _imds_protocol_js__WEBPACK_IMPORTED_MODULE_0__/* .BODY_TIMEOUT_MS */ .CB,
    concurrency: 8,
};
/** Addresses tried per host: enough for dual stack, few enough to stay within the bounds. */
const MAX_ADDRESSES = 4;
/** What is read of an HTTP answer, and what of it the report keeps. */
const MAX_HTTP_BODY_BYTES = 64 * 1024;
const KEPT_BODY_CHARS = 200;
/** A CONNECT answer's head larger than this is not a proxy speaking HTTP. */
const MAX_PROXY_HEAD_BYTES = 16 * 1024;


/***/ }),

/***/ 2601:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ STABILITY_CODES),
/* harmony export */   H: () => (/* binding */ STABILITY_REMEDIES)
/* harmony export */ });
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3054);
// The stability check's codes and their fixes (docs/errors.md has the long form of each).

const STABILITY_CODES = [
    'stability_throttled',
    'stability_server_error',
    'stability_updating',
    'stability_no_answer',
    'stability_slow_answer',
    'stability_bad_answer',
    'stability_incomplete',
];
const STABILITY_REMEDIES = {
    stability_throttled: (ctx) => `${ctx.profile.service} answered 429 to some samples: other software on this machine uses up its 5 requests per second (imds-check stays below it). Find what polls it in a loop (agents, scripts, clients that do not cache tokens) and slow it down.`,
    stability_server_error: (ctx) => `${ctx.profile.service} answered 5xx to some samples. Clients that retry ride this out; if it persists, check Azure status for the region and the service's health on this machine, then open a support case.`,
    stability_updating: (ctx) => `${ctx.profile.service} was being updated while sampling (410, or 404 from the token endpoint); this passes within about 70 s. Make sure your clients retry that long, and sample again later.`,
    stability_no_answer: 'Some samples got no answer at all (timeout, reset or refused) although others were answered. Look for a firewall or security agent dropping some connections, or a host under heavy load.',
    stability_slow_answer: 'Some answers took more than 1 s, after which @azure/identity and Go azidentity stop probing IMDS, so DefaultAzureCredential may skip the managed identity. Look for CPU or network load on the host, or software inspecting local traffic.',
    stability_bad_answer: 'Some samples got an answer that was not a good IMDS answer (the codes per sample are in the report, under samples.series). Something may intercept part of the traffic, such as a proxy for some of the requests.',
    stability_incomplete: (ctx) => `${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'timeout-seconds')} ran out before every sample was taken. Raise it (up to 600) or lower ${(0,_types_js__WEBPACK_IMPORTED_MODULE_0__/* .setting */ .Pe)(ctx, 'samples')}: a sample takes about 0.5 s (0.9 s with a token on Arc).`,
};


/***/ }),

/***/ 4729:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Np: () => (/* binding */ KNOWN_CLOUDS),
/* harmony export */   iu: () => (/* binding */ armResourceFor),
/* harmony export */   qK: () => (/* binding */ monitorSuffix)
/* harmony export */ });
/* unused harmony export DEFAULT_RESOURCE */
// What imds-check knows per Azure cloud, keyed by the azEnvironment metadata names (compared case-insensitively;
// IMDS samples print it upper-case): the clouds that may become the az-environment output, the ARM audience a
// token is asked for by default, and the suffix of Azure Monitor's host names. The name comes from the network,
// so the tables are Maps: `constructor` or `__proto__` is an unknown cloud, never a property of a table.
/** The clouds IMDS and the Azure Monitor Agent know. */
const KNOWN_CLOUDS = [
    'AzurePublicCloud',
    'AzureUSGovernmentCloud',
    'AzureChinaCloud',
    'AzureGermanCloud',
    'AzureStackCloud',
    'USNat',
    'USSec',
];
const DEFAULT_RESOURCE = 'https://management.azure.com/';
/** ARM audience per azEnvironment. */
const ARM_RESOURCE_BY_CLOUD = new Map([
    ['azurepubliccloud', 'https://management.azure.com/'],
    ['azureusgovernmentcloud', 'https://management.usgovcloudapi.net/'],
    ['azurechinacloud', 'https://management.chinacloudapi.cn/'],
    ['azuregermancloud', 'https://management.microsoftazure.de/'],
]);
/** The handler/ODS host suffix per azEnvironment, as the AMA network documentation lists them. */
const MONITOR_SUFFIX_BY_CLOUD = new Map([
    ['azurepubliccloud', 'com'],
    ['azureusgovernmentcloud', 'us'],
    ['azurechinacloud', 'cn'],
]);
function armResourceFor(azEnvironment) {
    return ARM_RESOURCE_BY_CLOUD.get(azEnvironment.toLowerCase()) ?? DEFAULT_RESOURCE;
}
/** `com`, `us` or `cn`; null for a cloud whose Azure Monitor host names are not published (or none given). */
function monitorSuffix(azEnvironment) {
    return MONITOR_SUFFIX_BY_CLOUD.get(azEnvironment.trim().toLowerCase()) ?? null;
}


/***/ }),

/***/ 7265:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _m: () => (/* binding */ isCode),
/* harmony export */   q5: () => (/* binding */ FLEET_CODES)
/* harmony export */ });
/* unused harmony export CODES */
/* harmony import */ var _pipeline_remedy_lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3342);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1497);
// Every stable code, whoever owns it: codes are declared where they are produced (a check's folder, the
// transport, the Arc challenge, the run) and gathered here through the registry, each with its fix. docs/errors.md
// documents each one (a test keeps the two equal) and remedies.ts holds the fix for each. A code never changes meaning once
// released.


/** The fleet merge's codes: rows of the fleet report that are not a machine's own check. */
const FLEET_CODES = [
    'fleet_report_invalid',
    'fleet_machine_missing',
    'fleet_no_reports',
    'fleet_vmid_conflict',
    'fleet_too_many_machines',
    'fleet_scan_incomplete',
];
/** The engine's codes (the run, the transport, the Arc challenge), each check's in registry order, the fleet's. */
const CODES = [
    ..._pipeline_remedy_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .ENGINE_REMEDIES */ .OQ.keys(),
    ..._registry_js__WEBPACK_IMPORTED_MODULE_1__/* .CHECKS */ .u.flatMap((check) => Object.keys(check.remedies ?? {})),
    ...FLEET_CODES,
];
const KNOWN = new Set(CODES);
function isCode(value) {
    return KNOWN.has(value);
}


/***/ }),

/***/ 2568:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cr: () => (/* binding */ registerTokenSecrets),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   dO: () => (/* binding */ offeredVersions),
/* harmony export */   kc: () => (/* binding */ errorText),
/* harmony export */   x1: () => (/* binding */ isVersionError)
/* harmony export */ });
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8453);
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4137);
/* harmony import */ var _recognise_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7710);



/** An error text is shown on one line of a message: the first 300 characters are enough to name it. */
const ERROR_TEXT_CHARS = 300;
const text = (v) => typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
/** The `error` / `error_description` of an IMDS error body, as one short line. */
function errorText(answer) {
    const json = (0,_recognise_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(answer.body);
    if (json) {
        const error = json['error'];
        const parts = [
            typeof error === 'object' && error !== null
                ? text(error['message'])
                : text(error),
            text(json['error_description']),
        ];
        // A JSON body is only ever shown through its error fields, never raw (it could hold a token).
        return (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(parts.filter((p) => p !== '').join(': '), ERROR_TEXT_CHARS);
    }
    return (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)(answer.body.replace(/\s+/g, ' ').trim(), ERROR_TEXT_CHARS);
}
const VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
/** Versions the server says it accepts, newest first; empty when the answer is not a version error. */
function offeredVersions(answer) {
    if (answer.status !== 400 && answer.status !== 404)
        return [];
    const json = (0,_recognise_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(answer.body);
    const newest = json?.['newest-versions'];
    if (Array.isArray(newest))
        return newest.map(text).filter((v) => VERSION.test(v));
    const supported = /supported are\s+([0-9a-z\-, ]+)/i.exec(answer.body);
    if (supported?.[1]) {
        return supported[1]
            .split(/[\s,]+/)
            .filter((v) => VERSION.test(v))
            .sort()
            .reverse();
    }
    return [];
}
function isVersionError(answer) {
    // Only an error answer can refuse a version: a 200 document is never parsed a second time for it.
    if (answer.status !== 400 && answer.status !== 404)
        return false;
    return offeredVersions(answer).length > 0 || /invalid version|api-version/i.test(errorText(answer));
}
/**
 * Registers every plausible secret an answer carries, before anything else looks at it; returns the access
 * token when the body is a JSON object. A body that does not parse is still scanned, so a truncated answer
 * cannot carry an unregistered token into a message. Implausible values (short, with spaces) are never
 * registered: masking "e" would blank every e in the job log; they are never printed either.
 */
function registerTokenSecrets(body, ctx) {
    const register = (value) => {
        if (typeof value === 'string' && (0,_shapes_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlausibleSecret */ .sT)(value))
            ctx.registerSecret(value);
    };
    const json = (0,_recognise_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonObject */ .dw)(body);
    if (!json) {
        for (const m of body.matchAll(/"(?:access|refresh)_token"\s*:\s*"([^"\\]{8,})/g))
            register(m[1]);
        return null;
    }
    register(json['access_token']);
    register(json['refresh_token']);
    return typeof json['access_token'] === 'string' ? json['access_token'] : null;
}


/***/ }),

/***/ 9325:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ tcpConnect),
/* harmony export */   k: () => (/* binding */ openSocket)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(28);
// The one TCP connect primitive, for the reachability check and Azure Monitor's hosts alike: a bound per attempt,
// and a failure told apart as dropped (timeout), refused or unreachable before any HTTP is spoken.


/**
 * One TCP connect with a bound; on success the caller owns the socket. `lookup` resolves a host given by name
 * (the run's bounded resolver: see lookup.ts); an IP address never reaches it.
 */
function openSocket(host, port, timeoutMs, lookup) {
    const started = Date.now();
    return new Promise((resolve) => {
        const socket = node_net__WEBPACK_IMPORTED_MODULE_0___default().connect({ host, port, ...(lookup ? { lookup } : {}) });
        const timer = setTimeout(() => {
            socket.destroy();
            resolve({
                ok: false,
                failure: 'connect_timeout',
                errno: 'ETIMEDOUT',
                elapsedMs: Date.now() - started,
            });
        }, Math.max(0, timeoutMs));
        socket.once('connect', () => {
            clearTimeout(timer);
            // Later steps listen for what matters to them; a late error must not become an uncaught exception.
            socket.removeAllListeners('error');
            socket.on('error', () => undefined);
            resolve({ ok: true, socket, host, elapsedMs: Date.now() - started });
        });
        socket.once('error', (err) => {
            clearTimeout(timer);
            socket.destroy();
            const errno = err.code ?? 'EUNKNOWN';
            resolve({
                ok: false,
                failure: (0,_failures_js__WEBPACK_IMPORTED_MODULE_1__/* .classifySocketError */ .Wy)(errno, 'connect'),
                errno,
                elapsedMs: Date.now() - started,
            });
        });
    });
}
/** A connect that only proves the path: each host in order, moving on only when one is refused or unreachable. */
async function tcpConnect(hosts, port, timeoutMs, lookup) {
    let last = { ok: false, failure: 'network_unreachable', errno: 'ENOHOST', elapsedMs: 0 };
    for (const host of hosts) {
        last = await openSocket(host, port, timeoutMs, lookup);
        if (last.ok)
            last.socket.destroy();
        if (last.ok || (last.failure !== 'connection_refused' && last.failure !== 'network_unreachable'))
            return last;
    }
    return last;
}


/***/ }),

/***/ 7098:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A$: () => (/* binding */ hasUserInfo),
/* harmony export */   Ow: () => (/* binding */ isLoopbackAddress),
/* harmony export */   VO: () => (/* binding */ decodedOrNull),
/* harmony export */   f4: () => (/* binding */ validateBaseUrl),
/* harmony export */   sl: () => (/* binding */ withoutUserInfo),
/* harmony export */   v4: () => (/* binding */ writtenUserInfo)
/* harmony export */ });
/* unused harmony export parseEndpoint */
// Endpoint URLs: validating a base URL, telling loopback from remote, and where to connect.
const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);
/** 127.0.0.0/8, ::1 and localhost. */
function isLoopbackAddress(host) {
    const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    return LOOPBACK_NAMES.has(h) || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/**
 * A URL as it may be shown: everything up to its last '@' becomes `***`, so a password never reaches a message
 * whatever characters it holds. A password may carry '/', '?', '#' or '@' unescaped (`http://u:a#b@proxy:3128`),
 * which a URL parser reads as the end of the authority, so the last '@' is where credentials could end; a path
 * or query with an '@' is hidden too, which costs nothing but a less helpful message.
 */
function withoutUserInfo(value) {
    const at = value.lastIndexOf('@');
    if (at < 0)
        return value;
    const scheme = SCHEME.exec(value)?.[0] ?? '';
    return `${scheme}***@${value.slice(at + 1)}`;
}
/**
 * The user name and password as written (not decoded) in `value`: what lies between the scheme and the last
 * '@', split at its first ':'. Null without an '@'. For masking what a value that is not even a URL may hold.
 */
function writtenUserInfo(value) {
    const at = value.lastIndexOf('@');
    if (at < 0)
        return null;
    const info = value.slice(SCHEME.exec(value)?.[0].length ?? 0, at);
    const colon = info.indexOf(':');
    return colon < 0
        ? { user: info, password: '' }
        : { user: info.slice(0, colon), password: info.slice(colon + 1) };
}
/** decodeURIComponent that answers null for a malformed escape (`%zz`, a lone `%`) instead of throwing. */
function decodedOrNull(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return null;
    }
}
/** http://host[:port] with nothing after the authority but an optional '/', and no user-info. */
function validateBaseUrl(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return null;
    }
    if (url.protocol !== 'http:')
        return null;
    if (url.username || url.password || url.search || url.hash)
        return null;
    if (url.pathname !== '/' && url.pathname !== '')
        return null;
    return `${url.protocol}//${url.host}`;
}
/** User-info as a URL parser finds it; for a value that does not parse, any '@' after the scheme. */
function hasUserInfo(value) {
    try {
        const url = new URL(value);
        return url.username !== '' || url.password !== '';
    }
    catch {
        return /^[a-z][a-z0-9+.-]*:\/\/[^@]*@/i.test(value);
    }
}
function parseEndpoint(base) {
    const url = new URL(base);
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = url.port === '' ? 80 : Number(url.port);
    // localhost may resolve to ::1 first while HIMDS listens on 127.0.0.1: try IPv4 first, then IPv6.
    const connectHosts = LOOPBACK_NAMES.has(hostname.toLowerCase()) ? ['127.0.0.1', '::1'] : [hostname];
    return { base: `http://${url.host}`, connectHosts, port, hostHeader: url.host };
}


/***/ }),

/***/ 28:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   Uz: () => (/* binding */ isNoAnswer),
/* harmony export */   Wy: () => (/* binding */ classifySocketError),
/* harmony export */   po: () => (/* binding */ notImds),
/* harmony export */   vI: () => (/* binding */ TRANSPORT_REMEDIES),
/* harmony export */   vi: () => (/* binding */ failureOutcome)
/* harmony export */ });
/* unused harmony export isRetriedFailure */
const FAILURES = {
    connect_timeout: {
        word: 'timeout',
        description: 'the connection attempt timed out (packets dropped)',
        retried: true,
    },
    connection_refused: { word: 'refused', description: 'the connection was refused', retried: false },
    network_unreachable: {
        word: 'unreachable',
        description: 'the network is unreachable (no route)',
        retried: false,
    },
    connection_reset: { word: 'reset', description: 'the connection was reset', retried: true },
    no_response: {
        word: 'no-response',
        description: 'the connection was accepted but nothing answered',
        retried: true,
    },
    body_timeout: {
        word: 'no-response',
        description: 'the answer started but its body never finished',
        retried: true,
    },
    body_too_large: { word: null, description: 'the answer was larger than 1 MiB', retried: false },
    protocol_error: { word: 'no-response', description: 'the answer was not valid HTTP', retried: false },
};
const isRetriedFailure = (failure) => FAILURES[failure].retried;
/** Nothing usable came back: every failure but a body too large, which had a status line. */
const isNoAnswer = (failure) => Object.hasOwn(FAILURES, failure) && FAILURES[failure].word !== null;
function failureOutcome(f) {
    return FAILURES[f.failure].word ?? (f.status === null ? 'no-response' : `${f.status}`);
}
function describeFailure(f) {
    const errno = f.errno && f.errno !== 'ETIMEDOUT' && f.errno !== 'EFBIG' ? ` (${f.errno})` : '';
    return `${FAILURES[f.failure].description}${errno}`;
}
const REFUSED = new Set(['ECONNREFUSED']);
const UNREACHABLE = new Set([
    'ENETUNREACH',
    'EHOSTUNREACH',
    'EADDRNOTAVAIL',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ENONET',
    'EHOSTDOWN',
]);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
/** Maps a socket error (before or after the connection was up) to a transport failure. */
function classifySocketError(errno, phase) {
    if (REFUSED.has(errno))
        return 'connection_refused';
    if (UNREACHABLE.has(errno))
        return 'network_unreachable';
    if (errno === 'ETIMEDOUT')
        return phase === 'connect' ? 'connect_timeout' : 'no_response';
    if (errno.startsWith('HPE_'))
        return 'protocol_error';
    if (RESET.has(errno) || errno === 'ERR_STREAM_PREMATURE_CLOSE')
        return 'connection_reset';
    return phase === 'connect' ? 'network_unreachable' : 'connection_reset';
}
// The fixes name the endpoint the run used: the route, NSG and AKS advice only for IMDS's own address; an endpoint
// given as input (an emulator on loopback, another host) gets advice about that address.
const correctEndpoint = (ctx) => `correct ${ctx.spell.name('endpoint')}`;
function blocked(ctx) {
    const { address, host, port, kind } = ctx.endpoint;
    if (kind === 'imds')
        return (`Check that nothing blocks ${address}: an OS firewall or iptables rule, a missing route for ${host}/32 ` +
            `via the primary NIC (\`ip route get ${host}\`), or AKS --enable-imds-restriction for pods without hostNetwork.`);
    if (kind === 'loopback')
        return `Check that no firewall rule (iptables, nftables) drops loopback traffic to port ${port}, or ${correctEndpoint(ctx)}.`;
    return (`Check that nothing on the way blocks ${address} (an OS firewall or iptables rule, a network firewall or NSG) ` +
        `and that a route leads there (\`ip route get ${host}\`), or ${correctEndpoint(ctx)}.`);
}
function refused(ctx) {
    const { address, port, kind } = ctx.endpoint;
    if (kind === 'imds')
        return `The connection to IMDS was refused locally. ${blocked(ctx)} Inside a container on an Arc host, IMDS is not available.`;
    if (kind === 'loopback')
        return `Nothing listens on ${address}. Start what should answer there (the emulator: \`imds-check emulate --port ${port}\`), or ${correctEndpoint(ctx)}.`;
    return `The connection to ${address} was refused: nothing listens there, or a firewall rejects it. Check the service at that address, or ${correctEndpoint(ctx)}.`;
}
function unreachable(ctx) {
    const { host, kind } = ctx.endpoint;
    if (kind === 'imds')
        return `There is no route to ${host}. Add a route for ${host}/32 via the primary NIC (DHCP restores it), or run on an Azure VM.`;
    if (kind === 'loopback')
        return 'The loopback address is unreachable; check the network configuration of this host or container.';
    return `There is no route to ${host}. Check the routes of this machine (\`ip route get ${host}\`), or ${correctEndpoint(ctx)}.`;
}
/** The hosts NO_PROXY must hold: the mode's usual ones, or the host the endpoint input names. */
const bypassHosts = (ctx) => ctx.profile.bypassHosts.includes(ctx.endpoint.host) ? ctx.profile.bypassHosts : [ctx.endpoint.host];
function proxyAnswered(ctx) {
    const hosts = bypassHosts(ctx);
    return `A proxy answered instead of ${ctx.profile.service}. Set NO_PROXY to include ${hosts.join(',')} and add ${hosts.length > 1 ? 'them' : 'it'} to the proxy bypass list of the agent.`;
}
const notImds = (ctx) => `Something other than ${ctx.profile.service} answered. Make sure its traffic is not sent through a proxy ` +
    `(add ${bypassHosts(ctx).join(',')} to NO_PROXY and the proxy bypass list) ` +
    'and that no local service or container runtime intercepts the address.';
/** The fixes on a VM, naming the endpoint the run used; modes/arc.ts overrides those that differ on Arc. */
const TRANSPORT_REMEDIES = {
    connect_timeout: (ctx) => `Packets to ${ctx.endpoint.kind === 'imds' ? 'IMDS' : ctx.endpoint.address} are dropped. ${blocked(ctx)}`,
    connection_refused: refused,
    network_unreachable: unreachable,
    connection_reset: (ctx) => `The connection was reset. A firewall or a security agent probably rejects it; allow TCP to ${ctx.endpoint.address}.`,
    no_response: (ctx) => `Something accepted the connection but never answered. Look for a proxy, a transparent interceptor or a hung service on ${ctx.endpoint.address}.`,
    body_timeout: (ctx) => `The answer started but its body never finished. Look for an interceptor or a hung service on ${ctx.endpoint.address}.`,
    body_too_large: (ctx) => 'The answer was larger than 1 MiB, which IMDS never sends. ' + notImds(ctx),
    protocol_error: (ctx) => 'The answer was not valid HTTP. ' + notImds(ctx),
    not_imds_html: (ctx) => 'An HTML page came back. ' + notImds(ctx),
    not_imds_proxy: proxyAnswered,
    not_imds_container_runtime: 'A container runtime answered that the network is unreachable: the job is running somewhere without IMDS (for example Docker Desktop). Run it on an Azure VM or Arc server.',
    not_imds_answer: (ctx) => 'The answer does not look like IMDS. ' + notImds(ctx),
};


/***/ }),

/***/ 8783:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   TK: () => (/* binding */ headerText),
/* harmony export */   UE: () => (/* binding */ headerValues),
/* harmony export */   lx: () => (/* binding */ httpGet),
/* harmony export */   wx: () => (/* binding */ header)
/* harmony export */ });
/* unused harmony export MAX_BODY_BYTES */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(28);
// One bounded GET over node:http, for IMDS and Azure Monitor alike: never a proxy, never the global agent; separate
// bounds for connect, time to the status line and body, each capped by what is left of the run; a body cap. It
// never throws: every end is a value (an answer or a transport failure) the callers classify.


const MAX_BODY_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** Failures worth trying the next address for (e.g. HIMDS listening on ::1 only). */
const TRY_NEXT_HOST = new Set(['connection_refused', 'network_unreachable']);
async function httpGet(request) {
    const { connection } = request;
    if (!('agent' in connection))
        return getOnce(request, null);
    let last = null;
    for (const host of connection.connectHosts) {
        last = await getOnce(request, host);
        if (last.kind === 'answer' || !TRY_NEXT_HOST.has(last.failure))
            return last;
    }
    return (last ?? { kind: 'failure', failure: 'network_unreachable', errno: 'ENOHOST', status: null, elapsedMs: 0 });
}
function getOnce(request, host) {
    const started = Date.now();
    const { connection } = request;
    return new Promise((resolve) => {
        let settled = false;
        let phase = 'connect';
        let status = null;
        let timer = null;
        const end = (result) => {
            if (settled)
                return;
            settled = true;
            if (timer)
                clearTimeout(timer);
            resolve(result);
            // A socket handed in is used once; an agent's socket stays for the next request unless this one failed.
            if ('socket' in connection) {
                req.destroy();
                connection.socket.destroy();
            }
        };
        const fail = (failure, errno) => {
            end({ kind: 'failure', failure, errno, status, elapsedMs: Date.now() - started });
            req.destroy();
        };
        // Each phase gets its own bound, but never past what was left of the run when the request started.
        const until = started + request.remainingMs;
        const arm = (ms, onExpire) => {
            if (timer)
                clearTimeout(timer);
            timer = setTimeout(onExpire, Math.max(0, Math.min(ms, until - Date.now())));
        };
        const req = node_http__WEBPACK_IMPORTED_MODULE_0___default().request({
            ...('agent' in connection
                ? {
                    host: host ?? '',
                    port: connection.port,
                    agent: connection.agent,
                    ...(request.lookup ? { lookup: request.lookup } : {}),
                }
                : { createConnection: () => connection.socket }),
            path: request.path,
            method: 'GET',
            setHost: false,
            headers: { Host: request.hostHeader, ...request.headers },
        });
        const onConnected = () => {
            phase = 'headers';
            arm(request.headersTimeoutMs, () => fail('no_response', 'ETIMEDOUT'));
        };
        arm(request.connectTimeoutMs, () => fail('connect_timeout', 'ETIMEDOUT'));
        req.on('socket', (socket) => {
            if (socket.connecting)
                socket.once('connect', onConnected);
            else
                onConnected();
        });
        req.on('error', (err) => {
            const errno = err.code ?? 'EUNKNOWN';
            fail((0,_failures_js__WEBPACK_IMPORTED_MODULE_1__/* .classifySocketError */ .Wy)(errno, phase), errno);
        });
        req.on('response', (res) => {
            phase = 'body';
            status = res.statusCode ?? 0;
            arm(request.bodyTimeoutMs, () => fail('body_timeout', 'ETIMEDOUT'));
            const chunks = [];
            let size = 0;
            const answer = () => ({
                kind: 'answer',
                status: status ?? 0,
                headers: collectHeaders(res.rawHeaders),
                body: Buffer.concat(chunks).toString('utf8'),
                elapsedMs: Date.now() - started,
            });
            const peek = request.body === 'peek';
            res.on('data', (chunk) => {
                if (peek) {
                    chunks.push(chunk.subarray(0, request.maxBodyBytes - size));
                    size += chunk.length;
                    if (size >= request.maxBodyBytes)
                        end(answer());
                    return;
                }
                size += chunk.length;
                if (size > request.maxBodyBytes) {
                    fail('body_too_large', 'EFBIG');
                    return;
                }
                chunks.push(chunk);
            });
            res.on('error', (err) => {
                if (peek)
                    return end(answer());
                fail((0,_failures_js__WEBPACK_IMPORTED_MODULE_1__/* .classifySocketError */ .Wy)(err.code ?? 'ECONNRESET', 'body'), err.code ?? 'ECONNRESET');
            });
            res.on('aborted', () => (peek ? end(answer()) : fail('connection_reset', 'ECONNRESET')));
            res.on('end', () => {
                if (!peek && !res.complete) {
                    fail('connection_reset', 'ECONNRESET');
                    return;
                }
                end(answer());
            });
        });
        req.end();
    });
}
function collectHeaders(raw) {
    const headers = new Map();
    for (let i = 0; i + 1 < raw.length; i += 2) {
        const name = raw[i].toLowerCase();
        const values = headers.get(name);
        if (values)
            values.push(raw[i + 1]);
        else
            headers.set(name, [raw[i + 1]]);
    }
    return headers;
}
/** Every value of a header, in the order received; none when absent. */
function headerValues(answer, name) {
    return answer.headers.get(name.toLowerCase()) ?? [];
}
/** The first value of a header, '' when absent. */
function header(answer, name) {
    return headerValues(answer, name)[0] ?? '';
}
/** Every value of a header joined as one (`a, b`), '' when absent. */
function headerText(answer, name) {
    return headerValues(answer, name).join(', ');
}


/***/ }),

/***/ 9174:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ readClaims)
/* harmony export */ });
const EMPTY = {
    aud: '',
    iss: '',
    tid: '',
    oid: '',
    appid: '',
    xmsMirid: '',
    exp: null,
    nbf: null,
    iat: null,
};
const text = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
    return Number.isFinite(n) ? n : null;
};
function readClaims(token) {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts[1])
        return EMPTY;
    let payload;
    try {
        payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        return EMPTY;
    }
    if (payload === null || typeof payload !== 'object')
        return EMPTY;
    const p = payload;
    return {
        aud: text(p['aud']),
        iss: text(p['iss']),
        tid: text(p['tid']),
        oid: text(p['oid']),
        appid: text(p['appid']) || text(p['azp']),
        xmsMirid: text(p['xms_mirid']),
        exp: num(p['exp']),
        nbf: num(p['nbf']),
        iat: num(p['iat']),
    };
}


/***/ }),

/***/ 7743:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ ARC_SECRET_MAX_BYTES),
/* harmony export */   C9: () => (/* binding */ HEADERS_TIMEOUT_MS),
/* harmony export */   CB: () => (/* binding */ BODY_TIMEOUT_MS),
/* harmony export */   GN: () => (/* binding */ METADATA_PATH),
/* harmony export */   GY: () => (/* binding */ CONNECT_ATTEMPTS),
/* harmony export */   I9: () => (/* binding */ HIMDS_BASE),
/* harmony export */   Jm: () => (/* binding */ IMDS_HOST),
/* harmony export */   UN: () => (/* binding */ VM_METADATA_API_VERSION),
/* harmony export */   X1: () => (/* binding */ ARC_METADATA_API_VERSION),
/* harmony export */   aP: () => (/* binding */ IMDS_BASE),
/* harmony export */   cC: () => (/* binding */ CONNECT_TIMEOUT_MS),
/* harmony export */   od: () => (/* binding */ TOKEN_PATH),
/* harmony export */   qR: () => (/* binding */ VM_TOKEN_API_VERSION),
/* harmony export */   vF: () => (/* binding */ ARC_TOKEN_API_VERSION)
/* harmony export */ });
// Protocol constants in one place: addresses, paths, api-versions, per-attempt bounds, Arc key-file limits.
const IMDS_BASE = 'http://169.254.169.254';
const HIMDS_BASE = 'http://localhost:40342';
const IMDS_HOST = '169.254.169.254';
const METADATA_PATH = '/metadata/instance';
const TOKEN_PATH = '/metadata/identity/oauth2/token';
const VM_METADATA_API_VERSION = '2021-02-01';
const ARC_METADATA_API_VERSION = '2020-06-01';
const VM_TOKEN_API_VERSION = '2018-02-01';
const ARC_TOKEN_API_VERSION = '2020-06-01';
const CONNECT_TIMEOUT_MS = 5_000;
const CONNECT_ATTEMPTS = 2;
const HEADERS_TIMEOUT_MS = 10_000;
const BODY_TIMEOUT_MS = 10_000;
const ARC_SECRET_MAX_BYTES = 4096;


/***/ }),

/***/ 7710:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ recognise),
/* harmony export */   dw: () => (/* binding */ parseJsonObject),
/* harmony export */   uS: () => (/* binding */ isArcChallenge)
/* harmony export */ });
/* unused harmony export hasImdsServerHeader */
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8783);

const IMDS_SERVER = /^IMDS\/\d+(\.\d+)*$/;
function parseJsonObject(body) {
    try {
        const value = JSON.parse(body);
        return value !== null && typeof value === 'object' && !Array.isArray(value)
            ? value
            : null;
    }
    catch {
        return null;
    }
}
function hasImdsServerHeader(answer) {
    return IMDS_SERVER.test((0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .header */ .wx)(answer, 'server').trim());
}
function isArcChallenge(answer) {
    return (answer.status === 401 &&
        (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .headerValues */ .UE)(answer, 'www-authenticate').some((v) => /^\s*basic\s+realm=/i.test(v)));
}
function isImdsError(json) {
    return 'error' in json || 'newest-versions' in json;
}
/** `successShape` says what a 200 must hold to count as IMDS. */
function recognise(answer, successShape) {
    const body = answer.body;
    const serverHeader = hasImdsServerHeader(answer);
    const contentType = (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .header */ .wx)(answer, 'content-type').toLowerCase();
    const json = parseJsonObject(body);
    if (/fail to directly connect/i.test(body)) {
        return {
            imds: false,
            code: 'not_imds_proxy',
            json,
            what: `a proxy answered ${answer.status} "Fail to directly connect"`,
        };
    }
    if (answer.status === 403 && /unreachable network/i.test(body)) {
        return {
            imds: false,
            code: 'not_imds_container_runtime',
            json,
            what: 'a container runtime answered 403 "unreachable network"',
        };
    }
    if (isArcChallenge(answer))
        return { imds: true, json, serverHeader };
    if (answer.status === 407)
        return { imds: false, code: 'not_imds_proxy', json, what: 'a proxy asked for authentication (407)' };
    if ((answer.status === 502 || answer.status === 504) && !(json && isImdsError(json))) {
        return {
            imds: false,
            code: 'not_imds_proxy',
            json,
            what: `a proxy or gateway answered ${answer.status}`,
        };
    }
    if (contentType.includes('text/html') || /^\s*<(!doctype|html|head|body|\?xml)/i.test(body)) {
        return {
            imds: false,
            code: 'not_imds_html',
            json,
            what: `an HTML page came back (HTTP ${answer.status})`,
        };
    }
    if (json !== null) {
        if (answer.status === 200 ? successShape(json) : isImdsError(json))
            return { imds: true, json, serverHeader };
        if (answer.status === 502 || answer.status === 504) {
            return { imds: false, code: 'not_imds_proxy', json, what: `a gateway answered ${answer.status}` };
        }
        return {
            imds: false,
            code: 'not_imds_answer',
            json,
            what: `JSON that is not IMDS-shaped came back (HTTP ${answer.status})`,
        };
    }
    // HIMDS may answer version errors in plain text.
    if (/supported are/i.test(body))
        return { imds: true, json: null, serverHeader };
    if (answer.status === 502 || answer.status === 504) {
        return {
            imds: false,
            code: 'not_imds_proxy',
            json: null,
            what: `a proxy or gateway answered ${answer.status}`,
        };
    }
    return {
        imds: false,
        code: 'not_imds_answer',
        json: null,
        what: `a non-JSON answer came back (HTTP ${answer.status})`,
    };
}


/***/ }),

/***/ 4141:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Vw: () => (/* reexport */ contract_CONTRACT_INPUTS),
  ms: () => (/* reexport */ CREDENTIAL_INPUTS),
  $0: () => (/* reexport */ core_neutralise/* neutralise */.$0),
  rl: () => (/* reexport */ core_neutralise/* neutraliseBlock */.KI),
  wu: () => (/* reexport */ input_spec/* toCamel */.wu),
  sl: () => (/* reexport */ endpoint/* withoutUserInfo */.sl)
});

// UNUSED EXPORTS: CODES, CONTRACT_OUTPUTS, EMPTY_MACHINE, INPUT_DEFAULTS, INPUT_GROUPS, INPUT_NAMES, OUTPUT_NAMES, OUTPUT_SHAPES, buildOutputs, checkCodes, emptyIdentity, exitCodeFor, hasUserInfo, isCode, isLoopbackAddress, isPlausibleSecret, isSocketWord, neutraliseLine, parseOptions, remedyFor, renderJson, renderJunit, renderMarkdown, renderText, runProbe, safeJson, setting, stepVerdict

// EXTERNAL MODULE: ./src/core/types.ts
var types = __nccwpck_require__(3054);
// EXTERNAL MODULE: ./src/core/imds/endpoint.ts
var endpoint = __nccwpck_require__(7098);
// EXTERNAL MODULE: ./src/core/pipeline/input-spec.ts
var input_spec = __nccwpck_require__(6508);
;// CONCATENATED MODULE: ./src/core/pipeline/run-inputs.ts
// The run's own inputs: which service (mode, endpoint), its bounds (timeout-seconds), what fails the step
// (fail-on), where the report files go, and the switch of the Azure Monitor Agent checks (ama), which several
// checks share. Every other input belongs to the check that reads it.


function run_inputs_endpoint(value) {
    if (value === '')
        return '';
    if ((0,endpoint/* hasUserInfo */.A$)(value)) {
        throw new input_spec/* InvalidInput */.o9('endpoint', `got ${(0,input_spec/* shown */.SP)(value)}; user-info is not accepted: IMDS needs no credentials and the value would be logged`);
    }
    const base = (0,endpoint/* validateBaseUrl */.f4)(value);
    if (base === null) {
        throw new input_spec/* InvalidInput */.o9('endpoint', `got ${(0,input_spec/* shown */.SP)(value)}; expected a base URL like http://127.0.0.1:8080 (http only, no path)`);
    }
    return base;
}
const RUN_INPUTS = {
    inputs: [
        {
            name: 'mode',
            default: 'auto',
            cli: {
                value: 'auto|vm|arc',
                help: 'which metadata service (default {default}: Arc when its agent or variables are present)',
            },
        },
        {
            name: 'endpoint',
            credential: true,
            default: '',
            cli: { value: 'URL', help: 'base URL override, e.g. http://127.0.0.1:8080 for the emulator' },
        },
        {
            name: 'timeout-seconds',
            default: '90',
            cli: { value: 'N', help: 'bound on the whole run, retries included (1-600, default {default})' },
        },
        {
            name: 'fail-on',
            default: 'error',
            cli: { value: 'error|unreachable|never', help: 'when to exit 1 (default {default})' },
        },
        {
            name: 'report-path',
            default: '',
            cli: { flag: 'report', value: 'FILE', help: 'write the JSON report to FILE' },
        },
        {
            name: 'junit-path',
            default: '',
            cli: { flag: 'junit', value: 'FILE', help: 'write JUnit XML to FILE' },
        },
        {
            name: 'ama',
            default: 'false',
            cli: { help: 'also check the endpoints the Azure Monitor Agent needs (off by default)' },
        },
    ],
    parse(read) {
        return {
            mode: (0,input_spec/* oneOf */.yL)('mode', read.raw('mode'), ['auto', 'vm', 'arc']),
            endpoint: run_inputs_endpoint(read.raw('endpoint')),
            timeoutSeconds: (0,input_spec/* wholeNumber */.rD)('timeout-seconds', read.raw('timeout-seconds'), 1, 600),
            failOn: (0,input_spec/* oneOf */.yL)('fail-on', read.raw('fail-on'), ['error', 'unreachable', 'never']),
            reportPath: read.raw('report-path'),
            junitPath: read.raw('junit-path'),
            ama: (0,input_spec/* strictBoolean */.c9)('ama', read.raw('ama')),
        };
    },
};

;// CONCATENATED MODULE: ./src/core/pipeline/run-outputs.ts
const RUN_OUTPUTS = [
    {
        name: 'result',
        value: (report) => report.result,
    },
    {
        name: 'mode',
        value: (report) => report.mode.resolved,
    },
    {
        name: 'report-path',
        value: (_report, sources) => sources.reportPath,
    },
];

// EXTERNAL MODULE: ./src/core/registry.ts + 20 modules
var registry = __nccwpck_require__(1497);
;// CONCATENATED MODULE: ./src/core/contract.ts
// The public contract's names, put together from the run's own inputs and outputs and those of every registered
// check, in that order: kebab-case on GitHub and the CLI, camelCase on Azure DevOps. action.yml and task.json are
// generated from these lists (npm run manifests), the CLI's flags and --help lines too.




/** The run's inputs, then each check's, in registry order. */
const contract_INPUT_GROUPS = [
    RUN_INPUTS,
    ...registry/* CHECKS */.u.flatMap((check) => (check.inputs ? [check.inputs] : [])),
];
const contract_CONTRACT_INPUTS = contract_INPUT_GROUPS.flatMap((group) => group.inputs);
const INPUT_NAMES = contract_CONTRACT_INPUTS.map((input) => input.name);
const contract_INPUT_DEFAULTS = Object.assign(Object.create(null), Object.fromEntries(contract_CONTRACT_INPUTS.map((input) => [input.name, input.default])));
/** Inputs that may carry a credential: adapters read them without any echo and mask what parsing found. */
const CREDENTIAL_INPUTS = contract_CONTRACT_INPUTS.filter((i) => i.credential).map((i) => i.name);
/** The run's outputs, then each check's, in registry order. */
const contract_CONTRACT_OUTPUTS = [
    ...RUN_OUTPUTS,
    ...registry/* CHECKS */.u.flatMap((check) => check.outputs ?? []),
];
const OUTPUT_NAMES = contract_CONTRACT_OUTPUTS.map((output) => output.name);

;// CONCATENATED MODULE: ./src/core/outputs.ts
// How a report becomes the contract's outputs: each output the run or a check declares reads its value from the
// finished report. Every value fed by the network must fit the documented shape of its field (shapes.ts); one
// that does not is the empty string (its check already warned).

/** The shape each network-fed output must fit (no prototype: looked up by names read from elsewhere). */
const OUTPUT_SHAPES = Object.assign(Object.create(null), Object.fromEntries(contract_CONTRACT_OUTPUTS.flatMap((o) => (o.shape ? [[o.name, o.shape]] : []))));
/**
 * Every contract output, values as strings ('' when unknown or not of its field's shape). `access-token` is
 * present only when exposed; the engine registered it as a secret the moment it arrived.
 */
function buildOutputs(report, accessToken, exposeToken, reportPath) {
    const outputs = {};
    for (const output of CONTRACT_OUTPUTS) {
        const value = output.value(report, { accessToken, exposeToken, reportPath });
        if (value === undefined)
            continue;
        outputs[output.name] = value === '' || !output.shape || output.shape(value) ? value : '';
    }
    return outputs;
}

;// CONCATENATED MODULE: ./src/core/options.ts
// Turns raw input strings (from action inputs, task inputs or CLI flags) into validated ProbeOptions: the run's
// own inputs first, then each check's in registry order. Every error names the input the way the calling front
// door spells it and lists what is accepted; a value is shown escaped and without any user-info, so a message
// stays one line and never carries a password. Secrets found in values come back for the door to mask.


/**
 * Parses raw inputs. Missing or empty inputs take the contract defaults; every value is trimmed.
 * `spelling` names inputs in messages the way the calling front door writes them.
 */
function parseOptions(rawInputs, spelling) {
    const spell = (name) => spelling.name(name);
    const raw = new Map();
    for (const { name } of CONTRACT_INPUTS) {
        const value = (rawInputs[name] ?? '').trim();
        raw.set(name, value === '' ? INPUT_DEFAULTS[name] : value);
    }
    const secrets = [];
    const read = {
        raw: (name) => raw.get(name) ?? '',
        spell,
        secret: (value) => void secrets.push(value),
    };
    try {
        const options = {};
        for (const group of INPUT_GROUPS) {
            // An input of a switched-off feature would be a silent no-op, which would mislead: refuse it.
            for (const input of group.inputs) {
                if (!input.onlyWith || raw.get(input.name) === input.default)
                    continue;
                if (!strictBoolean(input.onlyWith, read.raw(input.onlyWith)))
                    throw new InvalidInput(input.name, `is only used with ${spell(input.onlyWith)} true`);
            }
            Object.assign(options, group.parse(read));
        }
        return { ok: true, options, secrets };
    }
    catch (err) {
        if (!(err instanceof InvalidInput))
            throw err;
        return {
            ok: false,
            secrets,
            error: {
                code: 'invalid_input',
                input: err.input,
                message: `Invalid input '${spell(err.input)}': ${err.detail}`,
            },
        };
    }
}

// EXTERNAL MODULE: ./src/core/codes.ts
var codes = __nccwpck_require__(7265);
// EXTERNAL MODULE: ./src/core/remedies.ts
var remedies = __nccwpck_require__(5591);
// EXTERNAL MODULE: ./src/core/neutralise.ts
var core_neutralise = __nccwpck_require__(8453);
// EXTERNAL MODULE: ./src/core/shapes.ts
var shapes = __nccwpck_require__(4137);
// EXTERNAL MODULE: ./src/core/modes/target.ts + 4 modules
var target = __nccwpck_require__(2638);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
// EXTERNAL MODULE: ./src/core/imds/http.ts
var imds_http = __nccwpck_require__(8783);
// EXTERNAL MODULE: ./src/core/imds/failures.ts
var failures = __nccwpck_require__(28);
// EXTERNAL MODULE: ./src/core/imds/recognise.ts
var imds_recognise = __nccwpck_require__(7710);
;// CONCATENATED MODULE: ./src/core/imds/retry.ts



const MAX_ATTEMPTS = 8;
// A transport failure after the connection was proven is retried once: more only delays the diagnosis.
const MAX_TRANSPORT_ATTEMPTS = 2;
const GONE_WINDOW_MS = 70_000;
const MAX_GONE_ATTEMPTS = 20;
const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 16_000;
// During an IMDS update, poll about every 10 s (as Microsoft's clients do) rather than backing off further.
const GONE_MAX_DELAY_MS = 10_000;
function isRetryable(kind, result) {
    if (result.kind === 'failure')
        return isRetriedFailure(result.failure);
    const s = result.status;
    // A proxy's or gateway's 5xx page is not IMDS being busy: retrying it only delays the diagnosis. Any other
    // 5xx (JSON, or plain text as Hybrid IMDS may send) is retried.
    if (s >= 500) {
        const seen = recognise(result, () => false);
        return seen.imds || (seen.code !== 'not_imds_proxy' && seen.code !== 'not_imds_html');
    }
    return s === 410 || s === 429 || (kind === 'token' && s === 404);
}
/** Seconds or an HTTP date, as the header allows; null when absent or unreadable. */
function retryAfterMs(value, now) {
    const v = value.trim();
    if (v === '')
        return null;
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    // Only an IMF-fixdate (e.g. "Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse would accept "1.5" as a date.
    if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(v))
        return null;
    const date = Date.parse(v);
    return Number.isNaN(date) ? null : Math.max(0, date - now);
}
/** Delay before attempt n+1 after n attempts: 0.5–1.0 × 1 s·2^(n-1), at least 1 s for 5xx, or Retry-After. */
function retryDelayMs(attemptsSoFar, result, random, now) {
    if (result.kind === 'answer') {
        const hinted = retryAfterMs(header(result, 'retry-after'), now);
        if (hinted !== null && (result.status === 429 || result.status === 503))
            return hinted;
    }
    const cap = result.kind === 'answer' && result.status === 410 ? GONE_MAX_DELAY_MS : MAX_DELAY_MS;
    const base = Math.min(cap, BASE_DELAY_MS * 2 ** Math.max(0, attemptsSoFar - 1));
    const jittered = base / 2 + random() * (base / 2);
    return result.kind === 'answer' && result.status >= 500 ? Math.max(1_000, jittered) : jittered;
}
const STATUS_REASONS = {
    404: 'updating',
    410: 'updating',
    429: 'throttled',
};
/** Why a retry happens, in status words: `HTTP 410 (IMDS updating)`, `HTTP 429 (throttled)`, `no answer (reset)`. */
function retry_waitReason(result, service) {
    if (result.kind === 'failure')
        return `no answer (${result.failure.replace(/_/g, ' ')})`;
    const why = STATUS_REASONS[result.status] ?? (result.status >= 500 ? 'server error' : 'retryable');
    return `HTTP ${result.status} (${why === 'updating' ? `${service} updating` : why})`;
}
async function retry_withRetry(kind, send, deps) {
    let attempts = 0;
    let firstGoneAt = null;
    for (;;) {
        const result = await send();
        attempts += 1;
        if (!isRetryable(kind, result))
            return { result, attempts };
        // 410 means "IMDS is updating, back within 70 s": keep trying for that window, not for a fixed count.
        const gone = result.kind === 'answer' && result.status === 410;
        if (gone && firstGoneAt === null)
            firstGoneAt = deps.clock.now();
        const limit = result.kind === 'failure' ? MAX_TRANSPORT_ATTEMPTS : gone ? MAX_GONE_ATTEMPTS : MAX_ATTEMPTS;
        if (attempts >= limit)
            return { result, attempts };
        if (gone && firstGoneAt !== null && deps.clock.now() - firstGoneAt >= GONE_WINDOW_MS)
            return { result, attempts };
        const delay = retryDelayMs(attempts, result, deps.random, deps.clock.now());
        // A wait that leaves no time for the next attempt is pointless: report what we have.
        if (delay + 250 >= deps.budget.remaining())
            return { result, attempts };
        deps.onWait?.(result, attempts + 1, delay);
        await deps.clock.sleep(delay);
    }
}

;// CONCATENATED MODULE: ./src/core/imds/client.ts
// The narrow client through which everything talks to IMDS: one GET to the run's endpoint with the header policy
// every request follows (Metadata: true, never X-Forwarded-For, never a proxy), admitted by the run's pacer
// (IMDS's 5 requests per second), each phase bounded by its own limit and by what is left of the run, and a
// slow answer or a retry wait told as progress of the check that asked.




function client_imdsClients(deps) {
    // One keep-alive connection for the whole run: every IMDS request of every check goes through it.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const { endpoint, budget } = deps;
    const client = (check) => ({
        endpoint,
        async get(pathAndQuery, extraHeaders = {}) {
            await deps.pacer.admit();
            const bound = budget.cap(CONNECT_TIMEOUT_MS + HEADERS_TIMEOUT_MS);
            const quiet = deps.progress.slow(check, endpoint.base, bound);
            return httpGet({
                connection: { agent, connectHosts: endpoint.connectHosts, port: endpoint.port },
                hostHeader: endpoint.hostHeader,
                path: pathAndQuery,
                headers: {
                    Metadata: 'true',
                    Accept: 'application/json',
                    'User-Agent': deps.userAgent,
                    ...extraHeaders,
                },
                connectTimeoutMs: budget.cap(CONNECT_TIMEOUT_MS),
                lookup: deps.names.netLookup(budget.cap(CONNECT_TIMEOUT_MS)),
                headersTimeoutMs: budget.cap(HEADERS_TIMEOUT_MS),
                bodyTimeoutMs: budget.cap(BODY_TIMEOUT_MS),
                remainingMs: budget.remaining(),
                maxBodyBytes: MAX_BODY_BYTES,
                body: 'whole',
            }).finally(quiet);
        },
        retried: (kind, send) => withRetry(kind, send, {
            clock: deps.clock,
            random: deps.random,
            budget,
            onWait: (result, attempt, delayMs) => deps.progress.retry(check, waitReason(result, deps.service), attempt, delayMs),
        }),
    });
    return { client, close: () => agent.destroy() };
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
;// CONCATENATED MODULE: ./src/core/imds/lookup.ts

const key = (host) => host.toLowerCase().replace(/\.$/, '');
/** `address name alias…` lines; `#` starts a comment; lines whose first field is not an IP are skipped. */
function lookup_parseHosts(text) {
    const table = new Map();
    for (const raw of text.split(/\r?\n/)) {
        const [address = '', ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
        const family = net.isIP(address.replace(/%.*$/, ''));
        if (family !== 4 && family !== 6)
            continue;
        for (const name of names) {
            const list = table.get(key(name)) ?? [];
            if (!list.some((a) => a.address === address))
                list.push({ address, family });
            table.set(key(name), list);
        }
    }
    return table;
}
/**
 * c-ares over the system's DNS servers, or `servers` (tests: a server on loopback). node:dns (and c-ares) is
 * loaded on the first query: a check of IMDS by address resolves nothing, and start-up is what it pays for.
 */
const caresQueryVia = (servers) => async (host, family, timeoutMs) => {
    const { Resolver } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 610, 23)); // a built-in: about a millisecond, once
    // Short tries, so a second server (or a resent query) fits in the bound; the cancel enforces the bound.
    const perTry = Math.min(2_000, Math.max(250, Math.round(timeoutMs / 4)));
    const resolver = new Resolver({ timeout: perTry, tries: 3 });
    if (servers)
        resolver.setServers(servers);
    return new Promise((done) => {
        const timer = setTimeout(() => resolver.cancel(), Math.max(0, timeoutMs));
        const answered = (err, addresses) => {
            clearTimeout(timer);
            done(err ? { code: err.code ?? 'EUNKNOWN' } : addresses);
        };
        if (family === 4)
            resolver.resolve4(host, answered);
        else
            resolver.resolve6(host, answered);
    });
};
const caresQuery = caresQueryVia();
/** c-ares codes in the words getaddrinfo users know: a server that failed or refused is EAI_AGAIN. */
function errorWord(codes) {
    if (codes.some((c) => c === 'ECANCELLED' || c === 'ETIMEOUT'))
        return 'timed out';
    if (codes.every((c) => c === 'ENODATA'))
        return 'no address';
    if (codes.includes('ENOTFOUND'))
        return 'ENOTFOUND';
    if (codes.some((c) => ['ESERVFAIL', 'ECONNREFUSED', 'EREFUSED', 'ENODATA'].includes(c)))
        return 'EAI_AGAIN';
    return codes.find((c) => /^[A-Z_]{2,30}$/.test(c)) ?? 'lookup failed';
}
/** `hosts`: read once, on the first name that is not an IP address; `query` is replaced in tests only. */
function lookup_nameResolver(hosts, query = caresQuery) {
    let table = null;
    const lookup = async (host, timeoutMs, family = 0) => {
        const literal = net.isIP(host);
        if (literal === 4 || literal === 6)
            return { addresses: [{ address: host, family: literal }], error: '' };
        table ??= hosts().catch(() => new Map());
        const listed = (await table).get(key(host));
        if (listed) {
            const addresses = listed.filter((a) => family === 0 || a.family === family);
            return { addresses, error: addresses.length > 0 ? '' : 'no address' };
        }
        const families = family === 0 ? [4, 6] : [family];
        const answers = await Promise.all(families.map((f) => query(host, f, timeoutMs)));
        const addresses = answers.flatMap((answer, i) => Array.isArray(answer) ? [...new Set(answer)].map((address) => ({ address, family: families[i] })) : []);
        if (addresses.length > 0)
            return { addresses, error: '' };
        return { addresses, error: errorWord(answers.map((a) => (Array.isArray(a) ? 'ENODATA' : a.code))) };
    };
    const netLookup = (timeoutMs) => (hostname, options, callback) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        void lookup(hostname, timeoutMs, family).then(({ addresses, error }) => {
            if (error !== '') {
                const code = error === 'timed out' ? 'ETIMEDOUT' : error === 'no address' ? 'ENOTFOUND' : error;
                callback(Object.assign(new Error(`lookup ${hostname}: ${error}`), { code, hostname }), '');
            }
            else if (options.all)
                callback(null, addresses);
            else
                callback(null, addresses[0].address, addresses[0].family);
        });
    };
    return { lookup, netLookup };
}
/** The platform's hosts file: Windows keeps it under SystemRoot (a plain drive path only, as for sc.exe). */
function lookup_hostsFilePath(platform, env) {
    if (platform !== 'win32')
        return '/etc/hosts';
    const root = env['SystemRoot'] ?? env['SYSTEMROOT'] ?? '';
    const windows = /^[A-Za-z]:\\[^;"%<>|?*\r\n]*$/.test(root) ? root.replace(/\\+$/, '') : 'C:\\Windows';
    return `${windows}\\System32\\drivers\\etc\\hosts`;
}

;// CONCATENATED MODULE: ./src/core/imds/pacer.ts
/**
 * 5 per second, counted over 1.2 s: arrival times at the service differ from send times by the scheduling of
 * both ends (a stalled event loop, a busy core), and the limit binds where requests arrive. The margin keeps
 * an arrival-side count within 5 per second even when one request arrives up to 200 ms late.
 */
const IMDS_RATE_LIMIT = { max: 5, windowMs: 1_200 };
class pacer_RequestPacer {
    clock;
    limit;
    /** Admission times, oldest first; only the last `max` matter. */
    admitted = [];
    held = 0;
    constructor(clock, limit = IMDS_RATE_LIMIT) {
        this.clock = clock;
        this.limit = limit;
    }
    /** How long from now until `count` more requests (sent back to back) fit in every window. */
    roomIn(count = 1) {
        const keep = this.limit.max - Math.min(count, this.limit.max);
        // The request that must have left the window: the (keep+1)-th most recent admission.
        const blocking = this.admitted[this.admitted.length - keep - 1];
        if (blocking === undefined)
            return 0;
        return Math.max(0, blocking + this.limit.windowMs - this.clock.now());
    }
    /** Time requests were held back so far: a latency measured around a request leaves it out. */
    get heldMs() {
        return this.held;
    }
    /** Waits until one more request fits, then counts it as sent. */
    async admit() {
        // A loop, not one sleep: a timer may fire a moment early.
        for (let wait = this.roomIn(1); wait > 0; wait = this.roomIn(1)) {
            const from = this.clock.now();
            await this.clock.sleep(wait);
            this.held += this.clock.now() - from;
        }
        this.admitted.push(this.clock.now());
        if (this.admitted.length > this.limit.max)
            this.admitted.shift();
    }
}

;// CONCATENATED MODULE: ./src/core/pipeline/run-state.ts




/** A hosts file larger than this is not a hosts file anyone maintains by hand: it is not read. */
const MAX_HOSTS_FILE_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
function run_state_createRun(options, ctx, target, budget) {
    const pacer = new RequestPacer(ctx.clock);
    const progress = new ProgressLog(ctx, budget);
    const names = nameResolver(async () => parseHosts(await ctx.fs.readBounded(hostsFilePath(ctx.platform, ctx.env), MAX_HOSTS_FILE_BYTES)));
    const clients = imdsClients({
        names,
        endpoint: target.endpoint,
        service: target.profile.service,
        budget,
        pacer,
        progress,
        clock: ctx.clock,
        random: ctx.random,
        userAgent: `imds-check/${ctx.toolVersion}`,
    });
    return {
        options,
        ctx,
        budget,
        target,
        pacer,
        progress,
        names,
        imds: clients.client,
        close: clients.close,
    };
}

;// CONCATENATED MODULE: ./src/core/run-probe.ts





function aggregate(checks) {
    if (checks.some((c) => c.status === 'fail'))
        return 'fail';
    if (checks.some((c) => c.status === 'warn'))
        return 'warn';
    return 'pass';
}
/** Findings are keyed by check id; one typed store for modules of every kind. */
const own = (findings, check) => findings[check.id];
const keep = (findings, check, finding) => {
    findings[check.id] = finding;
};
async function runProbe(options, ctx) {
    const startedAtMs = ctx.clock.now();
    const budget = new Budget(ctx.clock, options.timeoutSeconds * 1000);
    const target = await resolveTarget(options, ctx);
    const run = createRun(options, ctx, target, budget);
    const checks = CHECKS.filter((check) => check.wanted?.(options) ?? true);
    const findings = {};
    try {
        for (const check of checks)
            keep(findings, check, await check.run(run, findings));
        for (const check of checks) {
            const finding = own(findings, check);
            if (check.settle && finding)
                keep(findings, check, check.settle(finding, findings, run));
        }
    }
    finally {
        run.close();
    }
    const added = checks.map((check) => check.adds?.(own(findings, check), run) ?? {});
    const facts = Object.assign({}, ...added.map((a) => a.facts ?? {}));
    const sections = {};
    for (const { section } of added)
        if (section)
            sections[section.key] = section.value;
    const results = checks.map((check) => own(findings, check).check);
    const report = {
        schemaVersion: 1,
        tool: { name: 'imds-check', version: ctx.toolVersion },
        startedAt: new Date(startedAtMs).toISOString(),
        durationMs: Math.max(0, ctx.clock.now() - startedAtMs),
        mode: { requested: options.mode, resolved: target.profile.mode, signal: target.signal },
        endpoint: target.endpoint.base,
        result: aggregate(results),
        reachable: facts.reachable ?? false,
        failOn: options.failOn,
        checks: results,
        machine: facts.machine ?? EMPTY_MACHINE,
        identity: facts.identity ?? emptyIdentity(options.identity),
        waits: run.progress.records(),
        ...(Object.keys(sections).length > 0 ? { sections } : {}),
    };
    const accessToken = added.find((a) => a.accessToken !== undefined)?.accessToken ?? null;
    return { report, accessToken };
}

// EXTERNAL MODULE: ./src/core/render/format.ts
var format = __nccwpck_require__(9649);
;// CONCATENATED MODULE: ./src/core/render/text.ts
// Human output for a terminal: a header, one aligned line per check (plus a "fix:" line for warnings and
// failures), the machine and identity facts, and a result line. ANSI colour only when asked for; every
// report value is stripped of escape sequences first, so an IMDS answer cannot drive the terminal.



const SGR = { green: '32', yellow: '33', red: '31', dim: '2', bold: '1' };
function painter(style) {
    return (sgr) => (style.color ? (text) => `\u001b[${SGR[sgr]}m${text}\u001b[0m` : (text) => text);
}
function statusPaint(status, paint) {
    if (status === 'pass')
        return paint('green');
    if (status === 'warn')
        return paint('yellow');
    if (status === 'fail')
        return paint('red');
    return paint('dim');
}
const INDENT = '  ';
/** A check's detail tables, indented under it: a title line, then one aligned row per entry. */
function detailLines(check, indent) {
    const lines = [];
    for (const table of check.details ?? []) {
        const rows = [table.columns, ...table.rows].map((row) => row.map((cell) => neutralise(cell)));
        const widths = table.columns.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
        lines.push(`${indent}${neutralise(table.title)}:`);
        for (const row of rows)
            lines.push(`${indent}  ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd());
    }
    return lines;
}
function checkLines(checks, paint, style) {
    const rows = checks.map((c) => ({
        check: c,
        word: statusWord(c.status),
        title: neutralise(c.title),
        ms: `${wholeMs(c.durationMs)} ms`,
        outcome: outcomeText(c),
        attempts: attemptCount(c) > 1 ? `${attemptCount(c)} attempts` : '',
    }));
    const width = (pick) => Math.max(0, ...rows.map((r) => pick(r).length));
    const w = {
        word: width((r) => r.word),
        title: width((r) => r.title),
        ms: width((r) => r.ms),
        outcome: width((r) => r.outcome),
        attempts: width((r) => r.attempts),
    };
    // The fix line starts under the title, so the eye finds it below the check it belongs to.
    const fixIndent = INDENT + ' '.repeat(w.word + 2);
    const lines = [];
    for (const r of rows) {
        const columns = [
            statusPaint(r.check.status, paint)(r.word.padEnd(w.word)),
            r.title.padEnd(w.title),
            r.ms.padStart(w.ms),
            r.outcome.padEnd(w.outcome),
        ];
        if (w.attempts > 0)
            columns.push(r.attempts.padEnd(w.attempts));
        columns.push(neutralise(r.check.message));
        lines.push((INDENT + columns.join('  ')).trimEnd());
        if (needsAttention(r.check)) {
            const fix = neutralise(r.check.remediation) || 'See docs/errors.md.';
            const code = neutralise(r.check.code);
            const link = linkFor(style.codeLink, code);
            lines.push(`${fixIndent}${paint('bold')('fix:')} ${fix} (code: ${code}${link ? `, see ${link}` : ''})`);
        }
        lines.push(...detailLines(r.check, fixIndent));
    }
    return lines;
}
function factLines(heading, facts, paint) {
    if (facts.length === 0)
        return [];
    const width = Math.max(...facts.map((f) => f.label.length));
    return [paint('bold')(heading), ...facts.map((f) => `${INDENT}${f.label.padEnd(width)}  ${f.value}`)];
}
function identityLines(report, paint) {
    const requested = requestedIdentityFacts(report.identity);
    const claims = tokenClaimFacts(report.identity);
    const width = Math.max(0, ...[...requested, ...claims].map((f) => f.label.length));
    const row = (f) => `${INDENT}${f.label.padEnd(width)}  ${f.value}`;
    const lines = [paint('bold')('Identity'), ...requested.map(row)];
    if (claims.length > 0)
        lines.push(`${INDENT}${paint('dim')(`token claims (${CLAIMS_CAVEAT}):`)}`, ...claims.map(row));
    return lines;
}
function verdictText(report) {
    const verdict = stepVerdict(report);
    const failOn = `fail-on: ${neutralise(report.failOn)}`;
    if (verdict === 'failed')
        return `the run fails (${failOn})`;
    if (verdict === 'succeeded-with-issues')
        return `the run succeeds with issues (${failOn})`;
    return 'the run succeeds';
}
function resultLine(report, paint) {
    const word = statusWord(report.result);
    const reach = report.reachable ? 'IMDS reachable' : 'IMDS not reachable';
    const parts = [reach, countsText(report.checks), durationText(report.durationMs), verdictText(report)];
    return `${paint('bold')(statusPaint(report.result, paint)(`Result: ${word}`))}  ${parts.join(' - ')}`;
}
/** The report for a terminal; ends with a newline. */
function renderText(report, style) {
    const paint = painter(style);
    const header = [
        paint('bold')(`${neutralise(report.tool.name)} ${neutralise(report.tool.version)}`),
        `mode: ${modeText(report.mode)}`,
        `endpoint: ${neutralise(report.endpoint) || '(default)'}`,
    ].join('  ');
    const sections = [
        [header],
        checkLines(report.checks, paint, style),
        [waitsText(report.waits)].filter((line) => line !== ''),
        factLines('Machine', machineFacts(report.machine), paint),
        identityLines(report, paint),
        [resultLine(report, paint)],
    ].filter((lines) => lines.length > 0);
    return sections.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}

// EXTERNAL MODULE: ./src/core/render/markdown.ts
var markdown = __nccwpck_require__(7715);
;// CONCATENATED MODULE: ./src/core/render/xml-escape.ts
// Escaping for untrusted values in XML 1.0 text and attributes. Characters XML 1.0 forbids outright
// (most C0 controls, lone surrogates, U+FFFE/U+FFFF) cannot be escaped, only removed; neutralise() removes
// them along with terminal escape sequences, and xmlText() removes any left as a last guard.

/** Anything outside Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&apos;',
};
/** Escapes text that is already safe; usable in element content and in double- or single-quoted attributes. */
function xmlEscape(text) {
    return text.replace(ILLEGAL_XML_CHARS, '').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}
/** One untrusted value as XML text: stripped, clipped, escaped. `]]>` cannot survive because `>` is escaped. */
function xml_escape_xmlText(value) {
    return xmlEscape(neutralise(value));
}
/** name="value" pairs for an element's attributes; values are untrusted and go through xmlText(). */
function xml_escape_xmlAttributes(attributes) {
    return attributes.map(([name, value]) => `${name}="${xml_escape_xmlText(value)}"`).join(' ');
}

;// CONCATENATED MODULE: ./src/core/render/junit.ts
// JUnit XML, the shape GitHub test reporters and Azure DevOps "Publish Test Results" read: one suite named
// imds-check with one testcase per check. fail -> <failure>, skip -> <skipped>, warn -> a passing case whose
// <system-out> carries the warning. Every value is XML-escaped and freed of characters XML 1.0 forbids.



const SUITE = 'imds-check';
/** Seconds with millisecond precision, as JUnit's time attributes expect. */
function seconds(ms) {
    return (wholeMs(ms) / 1000).toFixed(3);
}
/** Only a well-formed ISO 8601 start time goes into `timestamp`; parsers reject anything else. */
function timestamp(startedAt) {
    const text = neutralise(startedAt);
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(text) ? text : null;
}
/** Detail tables as plain lines: the title, then `column: value` pairs per row. */
function junit_detailLines(c) {
    return (c.details ?? []).flatMap((t) => [
        `${neutralise(t.title)}:`,
        ...t.rows.map((row) => t.columns.map((col, i) => `${neutralise(col)}: ${neutralise(row[i] ?? '')}`).join(', ')),
    ]);
}
function systemOut(lines) {
    return lines.length === 0
        ? []
        : [`      <system-out>${lines.map((line) => xmlText(line)).join('\n')}</system-out>`];
}
function caseBody(c) {
    const code = neutralise(c.code);
    const message = neutralise(c.message);
    const details = junit_detailLines(c);
    if (c.status === 'fail') {
        const attrs = xmlAttributes([
            ['message', `${code}: ${message}`],
            ['type', code],
        ]);
        return [`      <failure ${attrs}>${xmlText(c.remediation)}</failure>`, ...systemOut(details)];
    }
    if (c.status === 'skip')
        return [`      <skipped ${xmlAttributes([['message', message || 'skipped']])}/>`];
    if (c.status === 'warn') {
        const outcome = outcomeText(c);
        const lines = [`WARN ${code}: ${message}`, `fix: ${neutralise(c.remediation)}`];
        if (outcome !== '-')
            lines.push(`outcome: ${outcome}`);
        return systemOut([...lines, ...details]);
    }
    return systemOut(details);
}
function testcase(c) {
    const attrs = xmlAttributes([
        ['classname', SUITE],
        ['name', `${neutralise(c.id)}: ${neutralise(c.title)}`],
        ['time', seconds(c.durationMs)],
    ]);
    const body = caseBody(c);
    if (body.length === 0)
        return [`    <testcase ${attrs}/>`];
    return [`    <testcase ${attrs}>`, ...body, '    </testcase>'];
}
function properties(report) {
    const props = [
        ['tool.version', report.tool.version],
        ['mode', report.mode.resolved],
        ['mode.signal', report.mode.signal],
        ['endpoint', report.endpoint],
        ['result', report.result],
        ['reachable', String(report.reachable)],
        ['fail-on', report.failOn],
    ];
    return [
        '    <properties>',
        ...props.map(([name, value]) => `      <property ${xmlAttributes([
            ['name', name],
            ['value', value],
        ])}/>`),
        '    </properties>',
    ];
}
/** The report as JUnit XML (UTF-8), ending with a newline. */
function renderJunit(report) {
    const counts = countByStatus(report.checks);
    const totals = [
        ['tests', report.checks.length],
        ['failures', counts.fail],
        ['errors', 0],
        ['skipped', counts.skip],
        ['time', seconds(report.durationMs)],
    ];
    const started = timestamp(report.startedAt);
    const suiteAttrs = xmlAttributes([
        ['name', SUITE],
        ...totals,
        ...(started ? [['timestamp', started]] : []),
    ]);
    return ([
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites ${xmlAttributes([['name', SUITE], ...totals])}>`,
        `  <testsuite ${suiteAttrs}>`,
        ...properties(report),
        ...report.checks.flatMap(testcase),
        '  </testsuite>',
        '</testsuites>',
    ].join('\n') + '\n');
}

;// CONCATENATED MODULE: ./src/core/index.ts
// The engine's public surface. Adapters import from here only (ESLint keeps them to it).

















/***/ }),

/***/ 2638:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  jI: () => (/* binding */ PROFILES),
  jN: () => (/* binding */ containerHint)
});

// UNUSED EXPORTS: resolveTarget

// EXTERNAL MODULE: ./src/core/imds/endpoint.ts
var endpoint = __nccwpck_require__(7098);
// EXTERNAL MODULE: ./src/core/imds/protocol.ts
var protocol = __nccwpck_require__(7743);
// EXTERNAL MODULE: ./src/core/imds/jwt.ts
var jwt = __nccwpck_require__(9174);
// EXTERNAL MODULE: ./src/core/imds/answers.ts
var answers = __nccwpck_require__(2568);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/imds/http.ts
var http = __nccwpck_require__(8783);
// EXTERNAL MODULE: ./src/core/shapes.ts
var shapes = __nccwpck_require__(4137);
;// CONCATENATED MODULE: ./src/core/modes/arc-key.ts
// The Arc challenge: parse `WWW-Authenticate: Basic realm=<path>`, prove the path is a .key file directly in
// the platform's tokens folder (no `..`, no link, one hard link, regular file, at most 4096 bytes) BEFORE
// reading it, then read it. Any rule broken means the file is never opened.




const refuse = (code, message) => ({ ok: false, code, message });
/** The realm path, or a refusal when the challenge is missing, ambiguous or not plain `Basic realm=<path>`. */
function realmFrom(answer) {
    const values = (0,http/* headerValues */.UE)(answer, 'www-authenticate');
    if (values.length === 0)
        return {
            code: 'arc_challenge_missing',
            message: 'Hybrid IMDS answered 401 without a WWW-Authenticate header.',
        };
    if (new Set(values.map((v) => v.trim())).size > 1) {
        return {
            code: 'arc_challenge_malformed',
            message: `Hybrid IMDS sent ${values.length} different WWW-Authenticate challenges; none was followed.`,
        };
    }
    const match = /^\s*Basic\s+realm=(.*)$/i.exec(values[0]);
    let realm = match?.[1]?.trim() ?? '';
    const quoted = /^"([^"]*)"$/.exec(realm);
    if (quoted)
        realm = quoted[1];
    if (realm === '' || /["',;\r\n\0]/.test(realm)) {
        return {
            code: 'arc_challenge_malformed',
            message: 'The WWW-Authenticate challenge is not of the form `Basic realm=<path>`; it was not followed.',
        };
    }
    return { path: realm };
}
function pathApi(platform) {
    return platform === 'win32' ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
}
/** Checks the rules that need no file access. */
function checkKeyPath(realm, ctx) {
    const p = pathApi(ctx.platform);
    const same = (a, b) => ctx.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
    const segments = realm.split(ctx.platform === 'win32' ? /[\\/]/ : /\//);
    if (!p.isAbsolute(realm) || segments.includes('..') || segments.includes('.')) {
        return refuse('arc_key_outside_tokens_dir', `The challenge path ${realm} is not a plain absolute path; it was not read.`);
    }
    const dir = p.dirname(p.normalize(realm));
    if (!same(dir, p.normalize(ctx.arcTokensDir).replace(/[\\/]+$/, ''))) {
        return refuse('arc_key_outside_tokens_dir', `The challenge path ${realm} is not directly in ${ctx.arcTokensDir}; it was not read.`);
    }
    if (!(ctx.platform === 'win32' ? realm.toLowerCase() : realm).endsWith('.key')) {
        return refuse('arc_key_not_key_file', `The challenge path ${realm} does not end in .key; it was not read.`);
    }
    return null;
}
function errorCode(err) {
    return err?.code ?? '';
}
function fileError(err, realm, ctx) {
    const code = errorCode(err);
    if (code === 'ENOENT')
        return refuse('arc_key_missing', `The challenge file ${realm} does not exist.`);
    if (code === 'EACCES' || code === 'EPERM') {
        const who = ctx.platform === 'win32'
            ? "members of 'Hybrid agent extension applications' or Administrators"
            : 'root and members of the himds group';
        return refuse('arc_key_permission_denied', `Permission denied reading ${realm}: only ${who} may read the Arc tokens folder.`);
    }
    if (code === 'ELOOP' || code === 'ENOTREG' || code === 'EISDIR')
        return refuse('arc_key_not_regular_file', `${realm} is not a regular file; it was not read.`);
    if (code === 'EMLINK')
        return refuse('arc_key_hard_link', `${realm} has more than one hard link; it was not read.`);
    if (code === 'EFBIG')
        return refuse('arc_key_too_large', `${realm} is larger than ${protocol/* ARC_SECRET_MAX_BYTES */.B4} bytes; it was not read.`);
    return refuse('arc_key_read_failed', `Could not read ${realm} (${code || 'error'}).`);
}
async function readArcKey(realm, ctx) {
    const pathProblem = checkKeyPath(realm, ctx);
    if (pathProblem)
        return pathProblem;
    try {
        const stat = await ctx.fs.lstat(realm);
        if (stat.isSymbolicLink || !stat.isFile)
            return refuse('arc_key_not_regular_file', `${realm} is a link, folder or special file, not a regular file; it was not read.`);
        if (stat.nlink > 1)
            return refuse('arc_key_hard_link', `${realm} has ${stat.nlink} hard links, so it may be another file of this machine; it was not read.`);
        if (stat.size > protocol/* ARC_SECRET_MAX_BYTES */.B4)
            return refuse('arc_key_too_large', `${realm} is ${stat.size} bytes, over the ${protocol/* ARC_SECRET_MAX_BYTES */.B4}-byte limit; it was not read.`);
        // The folder itself may be a link; what matters is that the file really lives inside the real folder.
        const p = pathApi(ctx.platform);
        const [realFile, realDir] = await Promise.all([
            ctx.fs.realpath(realm),
            ctx.fs.realpath(ctx.arcTokensDir),
        ]);
        if (p.dirname(realFile) !== realDir)
            return refuse('arc_key_outside_tokens_dir', `${realm} resolves outside ${ctx.arcTokensDir}; it was not read.`);
        const secret = await ctx.fs.readSmallFile(realm, protocol/* ARC_SECRET_MAX_BYTES */.B4);
        const value = secret.replace(/\r?\n$/, '');
        // Only printable ASCII can travel in a header without being mangled or splitting it, and only a value
        // that is plausible as a secret may be registered for masking (a short one would blank words in the log).
        if (!(0,shapes/* isPlausibleSecret */.sT)(value)) {
            return refuse('arc_key_read_failed', `${realm} does not hold a usable secret (empty, short, several lines, spaces or non-ASCII).`);
        }
        return { ok: true, secret: value, path: realm };
    }
    catch (err) {
        return fileError(err, realm, ctx);
    }
}

;// CONCATENATED MODULE: ./src/core/modes/arc-challenge.ts
// The Hybrid IMDS key-file challenge, the one step of the token exchange that only Arc has: a 401 with
// `WWW-Authenticate: Basic realm=<key file>`; read the file (only if every rule holds), register its secret,
// send it once to the same loopback origin, never retried.



async function followChallenge(first, step) {
    const { client, path, ctx } = step;
    if (first.result.kind !== 'answer' || first.result.status !== 401)
        return first;
    const refuse = (code, message) => ({
        ...first,
        refusal: { status: 'fail', code, message, attempts: first.attempts, httpStatus: 401, outcome: '401' },
    });
    const realm = realmFrom(first.result);
    if ('code' in realm)
        return refuse(realm.code, realm.message);
    // The key file proves local access; its secret must never travel to another machine.
    if (!client.endpoint.connectHosts.every(endpoint/* isLoopbackAddress */.Ow)) {
        return refuse('arc_endpoint_not_loopback', `The challenge came from ${client.endpoint.base}, which is not on this machine; the key file was not read.`);
    }
    const key = await readArcKey(realm.path, ctx);
    if (!key.ok)
        return refuse(key.code, key.message);
    ctx.registerSecret(key.secret);
    const second = await client.get(path, { Authorization: `Basic ${key.secret}` });
    const attempts = first.attempts + 1;
    if (second.kind === 'answer')
        (0,answers/* registerTokenSecrets */.Cr)(second.body, ctx);
    if (second.kind === 'answer' && second.status === 401) {
        return {
            result: second,
            attempts,
            challenged: true,
            refusal: {
                status: 'fail',
                code: 'arc_secret_rejected',
                message: 'Hybrid IMDS answered 401 again after the key-file secret was sent.',
                attempts,
                httpStatus: 401,
                outcome: '401',
            },
        };
    }
    return { result: second, attempts, challenged: true };
}

;// CONCATENATED MODULE: ./src/core/modes/arc.ts
// Azure Arc-enabled server: Hybrid IMDS on the host's loopback (IMDS_ENDPOINT when the agent set it), the
// key-file challenge on token requests, the himds service for diagnostics, and the fixes that differ from a VM.




const arc_text = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
/** IMDS_ENDPOINT when it is a plain http loopback URL; otherwise the default, with a reason. */
function defaultEndpoint(ctx) {
    const raw = ctx.env['IMDS_ENDPOINT']?.trim();
    if (!raw)
        return { base: protocol/* HIMDS_BASE */.I9, problem: null };
    const base = (0,endpoint/* validateBaseUrl */.f4)(raw);
    if (base === null || !(0,endpoint/* isLoopbackAddress */.Ow)(new URL(base).hostname)) {
        return {
            base: protocol/* HIMDS_BASE */.I9,
            problem: `IMDS_ENDPOINT='${(0,endpoint/* withoutUserInfo */.sl)(raw)}' is not an http URL on a loopback address; used ${protocol/* HIMDS_BASE */.I9} instead.`,
        };
    }
    return { base, problem: null };
}
/** Legacy agents ignore the selector and return the system identity: only an echo or a claim proves it. */
function confirmsIdentity(selector, token, json) {
    const claims = (0,jwt/* readClaims */.I)(token);
    const want = selector.value.toLowerCase();
    const echoed = arc_text(json[selector.kind]).toLowerCase();
    const claim = { client_id: claims.appid, object_id: claims.oid, msi_res_id: claims.xmsMirid }[selector.kind];
    return echoed === want || claim.toLowerCase() === want;
}
/**
 * sc.exe by its full path: a bare name makes Windows look in the working folder first (the checked-out
 * repository, on a build agent), so any sc.exe there would run. SystemRoot when it is a plain drive path.
 */
function scExePath(env) {
    const root = env['SystemRoot'] ?? env['SYSTEMROOT'] ?? '';
    const windows = /^[A-Za-z]:\\[^;"%<>|?*\r\n]*$/.test(root) ? root.replace(/\\+$/, '') : 'C:\\Windows';
    return `${windows}\\System32\\sc.exe`;
}
/**
 * systemctl by its full path too: a bare name is looked up through the step's PATH, which a job can change
 * (a checked-out repository's bin folder first). The usual place, then the old one; none means no diagnostics.
 */
const SYSTEMCTL_PATHS = ['/usr/bin/systemctl', '/bin/systemctl'];
async function systemctlPath(fs) {
    for (const path of SYSTEMCTL_PATHS)
        if (await fs.exists(path))
            return path;
    return null;
}
/** Hybrid IMDS's own port: an endpoint on any other port was given as input (an emulator, a test server). */
const HIMDS_PORT = new URL(protocol/* HIMDS_BASE */.I9).port;
const onHimdsPort = (ctx) => ctx.endpoint.port === HIMDS_PORT;
const himdsService = (ctx) => ctx.platform === 'win32'
    ? 'Start the Hybrid IMDS service and check the agent: `Get-Service himds`, `Start-Service himds`, `azcmagent show`.'
    : 'Start the Hybrid IMDS service and check the agent: `systemctl status himdsd`, `sudo systemctl start himdsd`, `azcmagent show`.';
const arcProfile = {
    mode: 'arc',
    service: 'Hybrid IMDS',
    defaultEndpoint,
    metadataApiVersion: protocol/* ARC_METADATA_API_VERSION */.X1,
    tokenApiVersion: protocol/* ARC_TOKEN_API_VERSION */.vF,
    bypassHosts: ['localhost', '127.0.0.1'],
    notesMissingServerHeader: false,
    completeTokenExchange: followChallenge,
    requiresChallenge: true,
    confirmsIdentity,
    async serviceState(ctx, budget) {
        const diagnostics = ctx.diagnostics;
        // With no time left a zero timeout would mean "no limit" to child_process: skip instead.
        if (!diagnostics || budget.remaining() < 250)
            return '';
        const windows = ctx.platform === 'win32';
        const [args, name] = windows
            ? [['query', 'himds'], 'himds service']
            : [['is-active', 'himdsd'], 'himdsd service'];
        try {
            const command = windows ? scExePath(ctx.env) : await systemctlPath(ctx.fs);
            if (command === null)
                return '';
            const answer = await diagnostics.run(command, args, Math.min(2_000, budget.remaining()));
            if (!answer)
                return '';
            const state = windows
                ? (/STATE\s*:\s*\d+\s+(\w+)/.exec(answer.stdout)?.[1] ?? '')
                : (answer.stdout.trim().split('\n')[0] ?? '');
            // The service state is one word; anything else is not shown.
            return /^[a-z-]{1,20}$/i.test(state) ? ` The ${name} is ${state.toLowerCase()}.` : '';
        }
        catch {
            return '';
        }
    },
    containerHint: (marker) => `This job runs in a container (${marker}): Hybrid IMDS listens on the host's loopback only, so run the job on the host or with host networking.`,
    remedies: {
        // On Hybrid IMDS's own port, the himds service. On another port (the emulator, a test server), that address
        // first; the service advice still follows, as the run may be on an Arc server whose Hybrid IMDS is down too.
        connect_timeout: (ctx) => onHimdsPort(ctx)
            ? `Nothing answered on the Hybrid IMDS port (${ctx.endpoint.address}). ` +
                himdsService(ctx).replace(/^Start/, 'Check')
            : `Nothing answered on ${ctx.endpoint.address}, which ${ctx.spell.name('endpoint')} names (Hybrid IMDS listens on port ${HIMDS_PORT}): check the server at that address, or leave ${ctx.spell.name('endpoint')} empty. For this machine's Hybrid IMDS: ` +
                himdsService(ctx).replace(/^Start/, 'check'),
        connection_refused: (ctx) => onHimdsPort(ctx)
            ? `Hybrid IMDS is not listening on ${ctx.endpoint.address}. ` + himdsService(ctx)
            : `Nothing listens on ${ctx.endpoint.address}, which ${ctx.spell.name('endpoint')} names (Hybrid IMDS listens on port ${HIMDS_PORT}): start what should answer there (the emulator: \`imds-check emulate --mode arc --port ${ctx.endpoint.port}\`), or leave ${ctx.spell.name('endpoint')} empty. For this machine's Hybrid IMDS: ` +
                himdsService(ctx).replace(/^Start/, 'start'),
        network_unreachable: 'The loopback address is unreachable; check the network configuration of this host or container.',
        metadata_api_version: 'No api-version was accepted, even after falling back to the versions Hybrid IMDS offered. Update the Connected Machine agent (azcmagent), or report the versions shown.',
        token_identity_not_found: 'The Arc machine has no such identity. Check the identity on the machine resource in Azure.',
    },
};

;// CONCATENATED MODULE: ./src/core/modes/vm.ts
// Azure VM: IMDS at 169.254.169.254, plain token requests, no challenge.

const vmProfile = {
    mode: 'vm',
    service: 'IMDS',
    defaultEndpoint: () => ({ base: protocol/* IMDS_BASE */.aP, problem: null }),
    metadataApiVersion: protocol/* VM_METADATA_API_VERSION */.UN,
    tokenApiVersion: protocol/* VM_TOKEN_API_VERSION */.qR,
    bypassHosts: [protocol/* IMDS_HOST */.Jm],
    notesMissingServerHeader: true,
    completeTokenExchange: async (first) => first,
    requiresChallenge: false,
    // IMDS honours the selector; a wrong one is answered 400 "Identity not found".
    confirmsIdentity: () => true,
    serviceState: async () => '',
    containerHint: () => '',
    remedies: {},
};

;// CONCATENATED MODULE: ./src/core/modes/target.ts
// Before any check: which mode (and why), which endpoint, and whether the job runs in a container. The
// environment check reports this; every later check talks to the target.



const PROFILES = { vm: vmProfile, arc: arcProfile };
async function firstExisting(ctx, paths) {
    for (const p of paths)
        if (await ctx.fs.exists(p))
            return p;
    return null;
}
async function resolveMode(options, ctx) {
    if (options.mode !== 'auto')
        return { mode: options.mode, signal: 'requested' };
    if (ctx.env['IDENTITY_ENDPOINT'] && ctx.env['IMDS_ENDPOINT'])
        return { mode: 'arc', signal: 'identity-endpoint-env' };
    if (await firstExisting(ctx, ctx.arcAgentMarkers))
        return { mode: 'arc', signal: 'himds-agent-installed' };
    return { mode: 'vm', signal: 'default-vm' };
}
async function resolveTarget(options, ctx) {
    const { mode, signal } = await resolveMode(options, ctx);
    const profile = PROFILES[mode];
    const chosen = options.endpoint === '' ? profile.defaultEndpoint(ctx) : { base: options.endpoint, problem: null };
    return {
        profile,
        signal,
        endpoint: parseEndpoint(chosen.base),
        endpointFromInput: options.endpoint !== '',
        endpointProblem: chosen.problem,
        container: await firstExisting(ctx, ctx.containerMarkers),
    };
}
/** A failed reachability or token check in a container on Arc: the container is the likely cause. */
function containerHint(target) {
    const { container, endpointFromInput, profile } = target;
    return container && !endpointFromInput ? profile.containerHint(container) : '';
}


/***/ }),

/***/ 8453:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ neutralise),
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   KI: () => (/* binding */ neutraliseBlock),
/* harmony export */   fZ: () => (/* binding */ neutraliseLine),
/* harmony export */   oi: () => (/* binding */ safeJson)
/* harmony export */ });
/* unused harmony exports MAX_VALUE_CHARS, stripControls */
// The one neutraliser. Text from the network (metadata values, claims, error bodies, realms, merged reports)
// is hostile: a CI agent acts on `##vso[` anywhere in a line, the GitHub runner on the legacy `##[` anywhere
// and on a line that starts with `::`, and terminals act on escape sequences. Every value passes through
// neutralise() before any renderer or adapter writes it; adapters also pass whole lines through
// neutraliseLine() as a last guard. Both apply the same rules and are idempotent.
/** Longest value any renderer prints, in UTF-16 units; longer values end in an ellipsis. */
const MAX_VALUE_CHARS = 2000;
/** CSI (ESC [ … final, or the 8-bit CSI), OSC (ESC ] … BEL or ESC \) and two-byte ESC sequences. */
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[ -~]?/g;
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/** Remaining C0/C1 controls and DEL. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional controls make a value read differently from what it is; invisible format characters hide text. */
const BIDI_AND_INVISIBLE = /[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Surrogate halves without their partner, and the noncharacters U+FFFE / U+FFFF. */
const BROKEN_UNICODE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;
/** `##vso[` (Azure DevOps, matched in any case) and `##[` (GitHub legacy and ADO formatting). */
const PIPELINE_COMMAND = /(##(?:vso)?)\[/gi;
/** The GitHub runner trims leading white space before it looks for `::`. */
const LEADING_COMMAND = /^(\s*):(?=:)/;
/** Cuts to at most `max` units, never inside a surrogate pair, marking the cut with an ellipsis. */
function clip(value, max = MAX_VALUE_CHARS) {
    if (value.length <= max)
        return value;
    let end = Math.max(0, max - 1);
    const last = value.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        end -= 1;
    return value.slice(0, end) + '…';
}
/** Removes escape sequences, controls, bidi and invisible characters; line breaks and tabs become one space. */
function stripControls(value) {
    return value
        .replace(ESCAPE_SEQUENCE, '')
        .replace(LINE_BREAKS, ' ')
        .replace(CONTROLS, '')
        .replace(BIDI_AND_INVISIBLE, '')
        .replace(BROKEN_UNICODE, '');
}
/** Rewrites what a pipeline would read as a command: `##vso[` → `##vso(`, `##[` → `##(`, a leading `::` → `: :`. */
function defuseCommands(line) {
    return line.replace(PIPELINE_COMMAND, '$1(').replace(LEADING_COMMAND, '$1: ');
}
/**
 * One line of output as it may reach a log: no controls, no pipeline command. Indentation is kept, so a
 * rendered block can be guarded line by line without changing its layout.
 */
function neutraliseLine(line) {
    return defuseCommands(stripControls(line));
}
/** A block of product text (a rendered report, a message with `\n`), guarded line by line. */
function neutraliseBlock(text) {
    return text
        .split(/\r\n|\n/)
        .map(neutraliseLine)
        .join('\n');
}
/**
 * Any value as one inert printable line: stringified, stripped, commands defused, trimmed and clipped.
 * Clipping a generous prefix first bounds the work done on huge values.
 */
function neutralise(value, max = MAX_VALUE_CHARS) {
    const raw = value === null || value === undefined ? '' : String(value);
    const limit = max * 4;
    const text = defuseCommands(stripControls(raw.slice(0, limit)).trim());
    return clip(raw.length > limit ? text + '…' : text, max);
}
/** Characters JSON.stringify leaves raw that a log viewer or a pipeline could act on. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/**
 * JSON for a file or stdout that a pipeline may read: valid, equal as data to JSON.stringify's output, but
 * with no `##` (written `#\u0023`) and no raw control, bidi or line-separator character. Pretty-printed
 * lines always start with white space and a quote or bracket, so none can start with `::`.
 */
function safeJson(value) {
    return JSON.stringify(value, null, 2)
        .replace(/##/g, '#\\u0023')
        .replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


/***/ }),

/***/ 5790:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ finish),
/* harmony export */   i: () => (/* binding */ skip)
/* harmony export */ });
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8453);
/* harmony import */ var _remedy_lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3342);
// A check is a folder checks/<id>/ whose index.ts exports a CheckModule: its id and title, when it is wanted,
// its inputs, outputs and codes with their fixes, run → finding, an optional settle step (revise its finding
// once every check ran) and what it adds to the report. finish() turns a check's verdict into the result every
// renderer draws: neutralised text, the code's remedy, timings.


const MAX_MESSAGE_CHARS = 4000;
function neutraliseTable(table) {
    return {
        title: (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$0)(table.title),
        columns: table.columns.map((c) => (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$0)(c)),
        rows: table.rows.map((row) => row.map((cell) => (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$0)(cell))),
    };
}
function finish(run, check, startedAt, verdict) {
    const standard = verdict.status === 'pass' || verdict.status === 'skip'
        ? ''
        : (0,_remedy_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .remedyFor */ .wJ)(verdict.code, (0,_remedy_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .remedyContext */ .qY)(run), check.remedies);
    const result = {
        id: check.id,
        title: check.title,
        status: verdict.status,
        code: verdict.code,
        // Messages embed network values (error bodies, names, realms): neutralised here, once for every channel.
        message: (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$0)(verdict.message, MAX_MESSAGE_CHARS),
        remediation: (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralise */ .$0)([verdict.hint ?? '', standard].filter((s) => s !== '').join(' '), MAX_MESSAGE_CHARS),
        durationMs: Math.max(0, run.ctx.clock.now() - startedAt),
        attempts: verdict.attempts ?? 0,
        httpStatus: verdict.httpStatus ?? null,
        outcome: verdict.outcome ?? 'skipped',
    };
    if (verdict.details)
        result.details = verdict.details.map(neutraliseTable);
    if (verdict.data)
        result.data = verdict.data;
    return result;
}
function skip(run, check, message, outcome = 'skipped') {
    return finish(run, check, run.ctx.clock.now(), { status: 'skip', code: 'skipped', message, outcome });
}


/***/ }),

/***/ 6508:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KN: () => (/* binding */ percent),
/* harmony export */   SP: () => (/* binding */ shown),
/* harmony export */   c9: () => (/* binding */ strictBoolean),
/* harmony export */   o9: () => (/* binding */ InvalidInput),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   rD: () => (/* binding */ wholeNumber),
/* harmony export */   wu: () => (/* binding */ toCamel),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* harmony import */ var _imds_endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7098);
// How an input is declared and parsed. The run (run-inputs.ts) and each check (checks/<id>/) declare the inputs
// they read: the contract name and default, the CLI's flag and --help line, and how the raw strings parse into
// options. Their action.yml and task.json texts are in the owner's `<id>-manifest.json` beside it, which only
// `npm run manifests` reads, so no bundle carries them. contract.ts and options.ts put the declarations together
// through the registry.

/** `client-id` → `clientId`: the Azure DevOps spelling of a contract name. */
function toCamel(name) {
    return name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}
class InvalidInput extends Error {
    input;
    detail;
    constructor(input, detail) {
        super(detail);
        this.input = input;
        this.detail = detail;
    }
}
/** A value as shown in a message: without user-info, quoted, control characters escaped, on one line. */
function shown(value) {
    const safe = (0,_imds_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .withoutUserInfo */ .sl)(value);
    const clipped = safe.length > 80 ? `${safe.slice(0, 80)}…` : safe;
    // JSON.stringify leaves U+0085, U+2028 and U+2029 raw; some log viewers break lines on them.
    return JSON.stringify(clipped).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function oneOf(input, value, allowed) {
    const lower = value.toLowerCase();
    const hit = allowed.find((a) => a === lower);
    if (hit === undefined)
        throw new InvalidInput(input, `got ${shown(value)}; accepted values: ${allowed.join(', ')}`);
    return hit;
}
/** Strict booleans, so GitHub and Azure DevOps accept and reject the same values. */
function strictBoolean(input, value) {
    return oneOf(input, value, ['true', 'false']) === 'true';
}
function wholeNumber(input, value, min, max) {
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max))
        throw new InvalidInput(input, `got ${shown(value)}; expected a whole number from ${min} to ${max}`);
    return n;
}
function percent(input, value) {
    const n = /^\d{1,3}(\.\d+)?$/.test(value) ? Number(value) : NaN;
    if (!(n >= 0 && n <= 100))
        throw new InvalidInput(input, `got ${shown(value)}; expected a number from 0 to 100`);
    return n;
}
/** Comma, newline or space separated; empty entries dropped; duplicates kept once. */
function list(value) {
    return [...new Set(value.split(/[\s,]+/).filter((v) => v !== ''))];
}


/***/ }),

/***/ 3342:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  OQ: () => (/* binding */ ENGINE_REMEDIES),
  v6: () => (/* binding */ endpointFacts),
  qY: () => (/* binding */ remedyContext),
  wJ: () => (/* binding */ remedyFor)
});

// EXTERNAL MODULE: ./src/core/imds/endpoint.ts
var endpoint = __nccwpck_require__(7098);
// EXTERNAL MODULE: ./src/core/imds/failures.ts
var failures = __nccwpck_require__(28);
// EXTERNAL MODULE: ./src/core/imds/protocol.ts
var protocol = __nccwpck_require__(7743);
// EXTERNAL MODULE: ./src/core/types.ts
var types = __nccwpck_require__(3054);
;// CONCATENATED MODULE: ./src/core/modes/arc-codes.ts
// The codes of the Hybrid IMDS key-file challenge, the one step of the token exchange that only Arc has, and
// their fixes. The token check ends with them, and the stability check's samples may carry them.

const ARC_REMEDIES = {
    arc_challenge_missing: 'Hybrid IMDS answered 401 without a WWW-Authenticate challenge. Update the Connected Machine agent.',
    arc_challenge_malformed: 'The WWW-Authenticate challenge is not `Basic realm=<path>`. Update the Connected Machine agent; if it persists, something impersonates HIMDS.',
    arc_expected_challenge: 'Hybrid IMDS returned a token without the key-file challenge; something other than HIMDS may be listening on its port.',
    arc_endpoint_not_loopback: 'The key-file challenge is only followed for a Hybrid IMDS on this machine. Point endpoint at localhost:40342 (or leave it empty); a remote server asking for the key file is not HIMDS.',
    arc_key_outside_tokens_dir: 'The challenge named a file outside the Arc tokens folder, so it was not read. Something other than HIMDS may be listening on its port; check `azcmagent show`.',
    arc_key_not_key_file: 'The challenge named a file that does not end in .key, so it was not read. Something other than HIMDS may be answering.',
    arc_key_not_regular_file: 'The challenge named something that is not a regular file (a link, folder or FIFO), so it was not read.',
    arc_key_hard_link: 'The challenge file has more than one hard link, so it could be any file on this machine; it was not read. HIMDS creates a fresh single-use file: something else may be answering on its port.',
    arc_key_too_large: 'The challenge file is larger than 4096 bytes, so it was not read. Something other than HIMDS may be answering.',
    arc_key_missing: 'The challenge file does not exist (it is single-use and removed quickly). Retry; if it persists, restart himdsd.',
    arc_key_permission_denied: (ctx) => ctx.platform === 'win32'
        ? "Run the agent or runner as a member of the local 'Hybrid agent extension applications' group (or Administrators), then restart its service."
        : 'Add the runner or agent user to the himds group (`sudo usermod -aG himds <runner user>`), then restart the runner or agent service so the new group applies.',
    arc_key_read_failed: 'The challenge file could not be read or does not hold a usable secret. Check the folder permissions and free disk space.',
    arc_secret_rejected: 'Hybrid IMDS rejected the key-file secret. Retry; if it persists, restart the Hybrid IMDS service.',
    arc_user_identity_unconfirmed: (ctx) => `The answer did not confirm the requested user-assigned identity: Arc agents before user-assigned support return the system identity. Update the Connected Machine agent, or use ${(0,types/* setting */.Pe)(ctx, 'identity', 'system')}.`,
};

;// CONCATENATED MODULE: ./src/core/pipeline/remedy-lookup.ts
// Where a code's fix is found: the mode's own wording first (Arc says some things differently), then the table of
// the code's owner: the check that ended with it, or the engine part below the checks that owns it (the run, the
// transport, the Arc challenge). The complete table, with every check's codes, is remedies.ts.





const RUN_REMEDIES = {
    ok: 'Nothing to fix.',
    skipped: 'Nothing to fix; the check did not apply or was not requested.',
    invalid_input: 'Correct the named input; the message lists the accepted values.',
    deadline_exceeded: (ctx) => `The run used up ${(0,types/* setting */.Pe)(ctx, 'timeout-seconds')} before this check could finish. Raise it, or fix the slower check first.`,
    report_write_failed: (ctx) => `Point ${(0,types/* setting */.Pe)(ctx, 'report-path')} and ${(0,types/* setting */.Pe)(ctx, 'junit-path')} at files in a folder this job may write (not at a folder), or give the job's user write access there; the message names the path and the error.`,
};
/** The fixes of the codes owned below the checks, by code. */
const ENGINE_REMEDIES = new Map([
    ...Object.entries(RUN_REMEDIES),
    ...Object.entries(failures/* TRANSPORT_REMEDIES */.vI),
    ...Object.entries(ARC_REMEDIES),
]);
/** A base URL (http://host:port) as fixes name it. */
function endpointFacts(base) {
    const url = new URL(base);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = url.port === '' ? '80' : url.port;
    const kind = host === protocol/* IMDS_HOST */.Jm ? 'imds' : (0,endpoint/* isLoopbackAddress */.Ow)(host) ? 'loopback' : 'other';
    return { address: `${url.hostname}:${port}`, host, port, base: `${url.protocol}//${url.host}`, kind };
}
/** The context a run's fixes are made for: its mode profile, platform, the door's spelling and its endpoint. */
const remedyContext = (run) => ({
    profile: run.target.profile,
    platform: run.ctx.platform,
    spell: run.ctx.spell,
    endpoint: endpointFacts(run.target.endpoint.base),
});
function remedyFor(code, ctx, own = {}) {
    const remedy = ctx.profile.remedies[code] ??
        (Object.hasOwn(own, code) ? own[code] : undefined) ??
        ENGINE_REMEDIES.get(code);
    if (remedy === undefined)
        return '';
    return typeof remedy === 'function' ? remedy(ctx) : remedy;
}


/***/ }),

/***/ 3548:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EM: () => (/* binding */ proxySettings),
/* harmony export */   I2: () => (/* binding */ noProxyCovers),
/* harmony export */   VX: () => (/* binding */ noProxyValue),
/* harmony export */   km: () => (/* binding */ agentBypassCovers)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _imds_endpoint_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7098);
// Proxy settings that would catch IMDS traffic of other programs (AMA included), and whether NO_PROXY or the
// agent's bypass list exempts the IMDS host. imds-check itself never uses a proxy.


const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY'];
/** The proxies configured for other programs: the environment's variables in either case, and the agent's. */
function proxySettings(env, agentProxy) {
    const found = [];
    for (const name of PROXY_VARIABLES) {
        for (const variant of [name, name.toLowerCase()]) {
            const value = env[variant]?.trim();
            if (value)
                found.push({ source: variant, url: (0,_imds_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .withoutUserInfo */ .sl)(value) });
        }
    }
    if (agentProxy && agentProxy.url.trim() !== '')
        found.push(agentProxy);
    return found;
}
/** NO_PROXY / no_proxy merged, as most tools read either. */
function noProxyValue(env) {
    const entries = [env['NO_PROXY'], env['no_proxy']]
        .flatMap((v) => (v ?? '').split(','))
        .map((e) => e.trim());
    return [...new Set(entries.filter((e) => e !== ''))].join(',');
}
function ipv4ToInt(ip) {
    return ip.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
}
function cidrCovers(cidr, host) {
    const [range, bitsText] = cidr.split('/');
    const bits = Number(bitsText);
    if (!range || !node_net__WEBPACK_IMPORTED_MODULE_0___default().isIPv4(range) || !node_net__WEBPACK_IMPORTED_MODULE_0___default().isIPv4(host) || !Number.isInteger(bits) || bits < 0 || bits > 32)
        return false;
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    return (ipv4ToInt(range) & mask) === (ipv4ToInt(host) & mask);
}
/** Exact host, leading-dot (or *.) suffix, `*`, and IPv4 CIDR; ports in entries are ignored. */
function noProxyCovers(noProxy, host) {
    const target = host.toLowerCase();
    return noProxy
        .split(/[,\s]+/)
        .map((e) => e.trim().toLowerCase())
        .filter((e) => e !== '')
        .some((entry) => {
        if (entry === '*')
            return true;
        if (entry.includes('/'))
            return cidrCovers(entry, target);
        const bare = entry.replace(/^\[(.*)\](:\d+)?$/, '$1').replace(/^([^:]+):\d+$/, '$1');
        if (bare.startsWith('*.'))
            return target.endsWith(bare.slice(1));
        if (bare.startsWith('.'))
            return target.endsWith(bare) || target === bare.slice(1);
        return bare === target;
    });
}
/** Azure DevOps bypass entries are regular expressions matched against the host. */
function agentBypassCovers(bypass, host) {
    return bypass.some((pattern) => {
        try {
            return new RegExp(pattern, 'i').test(host);
        }
        catch {
            return pattern.toLowerCase() === host.toLowerCase();
        }
    });
}


/***/ }),

/***/ 5029:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ parseProxy)
/* harmony export */ });
/* harmony import */ var _imds_endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7098);
/* harmony import */ var _shapes_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4137);
// The one proxy model: a proxy URL (the ama-proxy input, or HTTPS_PROXY for Azure Monitor traffic) parsed once into
// a ProxyRoute, with the secrets it carries. Parsing returns the secrets; whoever parsed masks them before anything
// could print them (the doors for an input, the engine for the environment). IMDS never goes through a proxy.


/**
 * `strict` (an input): `http://[user:password@]host:port` with nothing after the port but `/`. Otherwise (an
 * environment variable, as curl and AMA read it): the scheme may be left out and a path is ignored.
 */
function parseProxy(value, source, strict) {
    // The password as written is masked whatever it looks like, even in a value that is no URL at all (an
    // unescaped '#' or '/' in it ends the authority for a URL parser), and whether or not it decodes.
    const written = (0,_imds_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .writtenUserInfo */ .v4)(value)?.password ?? '';
    const writtenSecrets = [written, (0,_imds_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .decodedOrNull */ .VO)(written) ?? ''].filter((s) => s !== '');
    let url;
    try {
        url = new URL(strict || /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    }
    catch {
        return { ok: false, problem: `${source} is not a URL`, secrets: writtenSecrets };
    }
    const username = (0,_imds_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .decodedOrNull */ .VO)(url.username);
    const password = (0,_imds_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .decodedOrNull */ .VO)(url.password);
    if (username === null || password === null)
        return {
            ok: false,
            problem: `${source} has a '%' that starts no escape in its user name or password (write % as %25)`,
            secrets: [...writtenSecrets, url.password],
        };
    const credentials = username !== '' || password !== '' ? `${username}:${password}` : '';
    const basic = credentials ? Buffer.from(credentials, 'utf8').toString('base64') : '';
    // The password is masked whatever it looks like; the Basic value only when plausible as a secret.
    const secrets = [
        ...new Set([password, ...writtenSecrets, url.password, (0,_shapes_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlausibleSecret */ .sT)(basic) ? basic : '']),
    ].filter((s) => s !== '');
    if (url.protocol !== 'http:')
        return {
            ok: false,
            problem: `${source} uses ${url.protocol.replace(':', '')}; AMA supports http:// proxies`,
            secrets,
        };
    if (strict && ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash))
        return { ok: false, problem: `${source} has a path, query or fragment`, secrets };
    const route = {
        display: `http://${url.host}`,
        host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port === '' ? 80 : Number(url.port),
        authorization: basic ? `Basic ${basic}` : null,
        source,
    };
    return { ok: true, route, secrets };
}


/***/ }),

/***/ 1497:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  u: () => (/* binding */ CHECKS)
});

// EXTERNAL MODULE: ./src/core/pipeline/check.ts
var pipeline_check = __nccwpck_require__(5790);
// EXTERNAL MODULE: ./src/core/types.ts
var types = __nccwpck_require__(3054);
;// CONCATENATED MODULE: ./src/core/pipeline/output-spec.ts

/** The status output of a check: its outcome, or the socket word of reachability when nothing answered. */
function statusOutput(report, id, requested) {
    const check = report.checks.find((c) => c.id === id);
    const reach = report.checks.find((c) => c.id === 'reachability');
    if (!check)
        return '';
    // Only a socket-level word carries over to a request that was never sent; an HTTP status would claim an answer.
    const word = reach?.outcome ?? '';
    if (check.outcome === 'skipped' && requested && !report.reachable && (0,types/* isSocketWord */.AR)(word))
        return word;
    return check.outcome;
}
/** A check's status as its `<id>-status` output says it: pass, warn or fail, or `skipped` when absent or skipped. */
function checkStatusOutput(report, id) {
    const check = report.checks.find((c) => c.id === id);
    return !check || check.status === 'skip' ? 'skipped' : check.status;
}
/** The shape of such an output. */
const isCheckStatusWord = (value) => /^(pass|warn|fail|skipped)$/.test(value);

// EXTERNAL MODULE: ./src/core/shapes.ts
var shapes = __nccwpck_require__(4137);
// EXTERNAL MODULE: ./src/core/checks/ama/ama-codes.ts
var ama_codes = __nccwpck_require__(9553);
// EXTERNAL MODULE: ./src/core/pipeline/input-spec.ts
var input_spec = __nccwpck_require__(6508);
// EXTERNAL MODULE: ./src/core/proxy/route.ts
var route = __nccwpck_require__(5029);
;// CONCATENATED MODULE: ./src/core/checks/ama/ama-inputs.ts
// The ama check's inputs (all only with the ama switch on): the workspaces and DCEs whose hosts AMA must reach,
// the proxy AMA will use, whether names must resolve privately, and extra roots that count as Azure's.



function workspaceIds(value) {
    const ids = [...new Set((0,input_spec/* list */.p_)(value).map((v) => v.toLowerCase()))];
    const bad = ids.find((id) => !(0,shapes/* isGuid */.W_)(id));
    if (bad !== undefined)
        throw new input_spec/* InvalidInput */.o9('workspace-ids', `got ${(0,input_spec/* shown */.SP)(bad)}; expected Log Analytics workspace ids (GUIDs)`);
    return ids;
}
/** DCE host names as the resource shows them; an https:// URL of the DCE is accepted and reduced to its host. */
function dceEndpoints(value) {
    const hosts = (0,input_spec/* list */.p_)(value).map((entry) => {
        const host = /^https:\/\/([^/?#]+)\/?$/i.exec(entry)?.[1] ?? entry;
        if (!(0,shapes/* isHostName */.uy)(host))
            throw new input_spec/* InvalidInput */.o9('dce-endpoints', `got ${(0,input_spec/* shown */.SP)(entry)}; expected DCE host names (a.b.monitor.azure.com)`);
        return host.toLowerCase();
    });
    return [...new Set(hosts)];
}
function amaProxy(value, read) {
    if (value === '')
        return 'environment';
    if (value.toLowerCase() === 'none')
        return 'none';
    const parsed = (0,route/* parseProxy */.Y)(value, 'ama-proxy', true);
    // The user's own proxy password is masked whatever it looks like, even when the value is refused.
    for (const secret of parsed.secrets)
        read.secret(secret);
    if (!parsed.ok)
        throw new input_spec/* InvalidInput */.o9('ama-proxy', `got ${(0,input_spec/* shown */.SP)(value)}; expected empty (HTTPS_PROXY of the environment), none, or http://[user:password@]host:port`);
    return parsed.route;
}
const AMA_INPUTS = {
    inputs: [
        {
            name: 'workspace-ids',
            onlyWith: 'ama',
            default: '',
            cli: { value: 'IDS', help: 'with --ama: Log Analytics workspace ids, comma separated' },
        },
        {
            name: 'dce-endpoints',
            onlyWith: 'ama',
            default: '',
            cli: { value: 'HOSTS', help: 'with --ama: data collection endpoint host names, comma separated' },
        },
        {
            name: 'ama-proxy',
            onlyWith: 'ama',
            credential: true,
            default: '',
            cli: {
                value: 'URL|none',
                help: 'with --ama: the proxy AMA will use (default: HTTPS_PROXY of the environment)',
            },
        },
        {
            name: 'private-link',
            default: 'auto',
            cli: {
                value: 'auto|true|false',
                help: 'with --ama: whether names must resolve to private addresses (default {default})',
            },
        },
        {
            name: 'ama-trusted-roots',
            onlyWith: 'ama',
            default: '',
            cli: { value: 'FILE', help: "with --ama: PEM file of extra roots that count as Azure Monitor's" },
        },
    ],
    parse: (read) => ({
        workspaceIds: workspaceIds(read.raw('workspace-ids')),
        dceEndpoints: dceEndpoints(read.raw('dce-endpoints')),
        amaProxy: amaProxy(read.raw('ama-proxy'), read),
        privateLink: (0,input_spec/* oneOf */.yL)('private-link', read.raw('private-link'), ['auto', 'true', 'false']),
        amaTrustedRoots: read.raw('ama-trusted-roots'),
    }),
};

// EXTERNAL MODULE: ./src/core/checks/ama/bounds.ts
var ama_bounds = __nccwpck_require__(3226);
// EXTERNAL MODULE: ./src/core/neutralise.ts
var neutralise = __nccwpck_require__(8453);
;// CONCATENATED MODULE: ./src/core/checks/ama/clock-cause.ts
// The ama check's settle: a certificate that looks expired or not yet valid was judged by the local clock. When
// the clock check found that clock off, each such chain is judged again at Azure's time (the handshake's local
// time minus the measured skew): valid then, the clock is the cause; out of date then too, the clock is off but
// not the only cause; dates unreadable, the clock is the likely cause.

/** Both texts were neutralised when the check finished; the cap only keeps the addition from cutting them. */
const SETTLED_TEXT_CHARS = 8000;
function atAzureTime(chain, skewSeconds) {
    if (!chain.window)
        return 'unknown';
    const azureAt = chain.at - skewSeconds * 1000;
    if (azureAt > chain.window.to)
        return 'expired';
    if (azureAt < chain.window.from)
        return 'not yet valid';
    return 'valid';
}
function clockCause(own, findings) {
    const clock = findings.clock;
    if (!clock?.off || clock.skewSeconds === null || !own.hosts.some((h) => h.code === 'ama_tls_expired'))
        return own;
    const skew = clock.skewSeconds;
    const off = `The local clock is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} Azure (clock check)`;
    const judged = own.expired.map((chain) => ({ host: chain.host, at: atAzureTime(chain, skew) }));
    const stillOut = judged.filter((j) => j.at === 'expired' || j.at === 'not yet valid');
    let message;
    let remediation;
    if (stillOut.length > 0) {
        const named = stillOut.map((j) => `${j.host} (${j.at})`).join(', ');
        message = `The local clock is off too (clock check), but by Azure's time the chain from ${named} is out of date as well.`;
        remediation = `${off}: correct it (clock_skew), but it is not the only cause: by Azure's time the chain from ${named} is still out of date.`;
    }
    else if (judged.length > 0 && judged.every((j) => j.at === 'valid')) {
        message = `The local clock is off (clock check), which makes valid certificates look expired or not yet valid: by Azure's time the chain is valid.`;
        remediation = `${off}: certificates are judged by this clock, so the clock is the cause of ama_tls_expired here. Correct the clock first (clock_skew), then run the check again.`;
    }
    else {
        message = `The local clock is off (clock check), which makes valid certificates look expired or not yet valid.`;
        remediation = `${off}: certificates are judged by this clock, so the clock is the likely cause of ama_tls_expired here (the certificates' dates could not be read to confirm it). Correct the clock first (clock_skew), then run the check again.`;
    }
    return {
        ...own,
        check: {
            ...own.check,
            message: (0,neutralise/* neutralise */.$0)(`${own.check.message} ${message}`, SETTLED_TEXT_CHARS),
            remediation: (0,neutralise/* neutralise */.$0)(`${remediation} ${own.check.remediation}`, SETTLED_TEXT_CHARS),
        },
    };
}

;// CONCATENATED MODULE: ./src/core/checks/ama/index.ts
// The AMA readiness check (ama: true): after IMDS, the endpoints the Azure Monitor Agent itself must reach,
// from the region and cloud metadata gave. Per host: DNS, TCP 443 (direct or CONNECT), TLS with the Azure root
// check, HTTP. The probing (TLS, DNS) is loaded only when the check runs, so start-up never pays for it.







/** Host names of the failed hosts in the report's entry of the check. */
function failedHosts(data) {
    const hosts = Array.isArray(data?.['hosts'])
        ? data['hosts']
        : [];
    return hosts
        .filter((h) => h.status === 'fail' && typeof h.host === 'string')
        .map((h) => h.host)
        .join(',');
}
const OUTPUTS = [
    {
        name: 'ama-status',
        // Present only when requested; `skipped` says it was not.
        shape: isCheckStatusWord,
        value: (report) => checkStatusOutput(report, 'ama'),
    },
    {
        name: 'ama-failed-endpoints',
        shape: shapes/* isHostList */.Du,
        value: (report) => failedHosts(report.checks.find((c) => c.id === 'ama')?.data),
    },
];
/** The check's run with its bounds as a parameter, so tests can shorten the silent-host wait. */
async function runAma(run, findings, bounds = ama_bounds/* AMA_BOUNDS */.EM) {
    const startedAt = run.ctx.clock.now();
    const probed = await (await __nccwpck_require__.e(/* import() */ 20).then(__nccwpck_require__.bind(__nccwpck_require__, 3020))).probeAmaHosts(run, findings, bounds);
    if ('skipped' in probed)
        return { check: (0,pipeline_check/* skip */.i)(run, amaCheck, probed.skipped), hosts: [], answers: [], expired: [] };
    return {
        check: (0,pipeline_check/* finish */.O)(run, amaCheck, startedAt, probed.verdict),
        hosts: probed.hosts,
        answers: probed.answers,
        expired: probed.expired,
    };
}
const amaCheck = {
    id: 'ama',
    title: 'Azure Monitor Agent endpoints',
    wanted: (options) => options.ama,
    inputs: AMA_INPUTS,
    outputs: OUTPUTS,
    remedies: ama_codes/* AMA_REMEDIES */.r,
    run: (run, findings) => runAma(run, findings),
    settle: (own, findings) => clockCause(own, findings),
};

// EXTERNAL MODULE: ./src/core/checks/ama-host/host-codes.ts
var host_codes = __nccwpck_require__(5035);
;// CONCATENATED MODULE: ./src/core/checks/ama-host/index.ts
// The ama-host check (ama: true, after token): will the Azure Monitor Agent install and run on this machine?
// Its operating system against AMA's supported list, its CPU architecture, and the free space where AMA keeps
// its cache. Everything is read through the runtime context (ctx.fs, ctx.system), so a test plays any machine.




const INPUTS = {
    inputs: [
        {
            name: 'ama-min-free-gb',
            onlyWith: 'ama',
            default: '10',
            cli: {
                value: 'GB',
                help: "with --ama: free space AMA's cache folder needs (default {default}; 0 skips it)",
            },
        },
    ],
    parse: (read) => ({
        amaMinFreeGb: (0,input_spec/* wholeNumber */.rD)('ama-min-free-gb', read.raw('ama-min-free-gb'), 0, 10_000),
    }),
};
const ama_host_OUTPUTS = [
    {
        name: 'ama-host-status',
        shape: isCheckStatusWord,
        value: (report) => checkStatusOutput(report, 'ama-host'),
    },
];
const amaHostCheck = {
    id: 'ama-host',
    title: 'AMA host requirements',
    wanted: (options) => options.ama,
    inputs: INPUTS,
    outputs: ama_host_OUTPUTS,
    remedies: host_codes/* AMA_HOST_REMEDIES */.S,
    async run(run) {
        const startedAt = run.ctx.clock.now();
        if (run.budget.expired())
            return {
                check: (0,pipeline_check/* skip */.i)(run, amaHostCheck, `Not attempted: no time left of ${run.ctx.spell.name('timeout-seconds')}.`),
                os: '',
                disk: null,
            };
        // The lists and judges load only when the check runs (ama: true), so start-up never pays for them.
        const judged = await (await __nccwpck_require__.e(/* import() */ 650).then(__nccwpck_require__.bind(__nccwpck_require__, 2650))).judgeHost(run);
        return { check: (0,pipeline_check/* finish */.O)(run, amaHostCheck, startedAt, judged.verdict), os: judged.os, disk: judged.disk };
    },
};

// EXTERNAL MODULE: ./src/core/checks/ama-identity/identity-codes.ts
var identity_codes = __nccwpck_require__(4563);
// EXTERNAL MODULE: ./src/core/checks/ama-identity/settings.ts
var settings = __nccwpck_require__(6543);
;// CONCATENATED MODULE: ./src/core/checks/ama-identity/index.ts
// The ama-identity check (ama: true, after token): which managed identity AMA will use here, the extension
// settings that select it (output ama-extension-settings), and whether the built-in AMA policy would install AMA
// on this machine (output ama-policy). With ama-install: policy a predicted skip fails the check.




const ama_identity_INPUTS = {
    inputs: [
        {
            name: 'ama-install',
            onlyWith: 'ama',
            default: 'extension',
            cli: {
                value: 'extension|policy',
                help: 'with --ama: how AMA will be installed; policy fails when the built-in policy would skip this machine',
            },
        },
    ],
    parse: (read) => ({
        amaInstall: (0,input_spec/* oneOf */.yL)('ama-install', read.raw('ama-install'), ['extension', 'policy']),
    }),
};
const PREDICTIONS = new Set(['install', 'skip', 'unknown']);
const dataOf = (report, key) => report.checks.find((c) => c.id === 'ama-identity')?.data?.[key];
const stringOf = (value) => (typeof value === 'string' ? value : '');
const ama_identity_OUTPUTS = [
    {
        name: 'ama-extension-settings',
        shape: settings/* isExtensionSettings */.jM,
        value: (report) => stringOf(dataOf(report, 'settings')),
    },
    {
        name: 'ama-policy',
        shape: (value) => PREDICTIONS.has(value),
        value: (report) => stringOf(dataOf(report, 'policy')),
    },
];
const amaIdentityCheck = {
    id: 'ama-identity',
    title: 'AMA identity and policy',
    wanted: (options) => options.ama,
    inputs: ama_identity_INPUTS,
    outputs: ama_identity_OUTPUTS,
    remedies: identity_codes/* AMA_IDENTITY_REMEDIES */.o,
    async run(run, findings) {
        const startedAt = run.ctx.clock.now();
        // The policy rules and judges load only when the check runs (ama: true): start-up never pays for them.
        const { identity, policy, verdict } = (await __nccwpck_require__.e(/* import() */ 420).then(__nccwpck_require__.bind(__nccwpck_require__, 7420))).judgeIdentity(run, findings);
        const check = (0,pipeline_check/* finish */.O)(run, amaIdentityCheck, startedAt, verdict);
        return { check, identity, policy };
    },
};

;// CONCATENATED MODULE: ./src/core/checks/clock/clock-codes.ts
const LINUX = 'Synchronise the clock. On an Azure VM let chrony use the host clock (chrony.conf: refclock PHC /dev/ptp_hyperv poll 3 dpoll -2 offset 0 stratum 2, and makestep 1.0 -1), restart chronyd and step at once with chronyc makestep; elsewhere (Arc, on-premises) point chrony or ntpd at your site NTP servers. timedatectl status shows whether the clock is synchronised.';
const WINDOWS = 'Synchronise the clock: w32tm /resync in an elevated prompt. w32tm /query /source names the time source ("Local CMOS Clock" means none); an Azure VM uses the VM IC Time Synchronization Provider, an Arc or on-premises server your site NTP servers (w32tm /config /manualpeerlist:<servers> /syncfromflags:manual /update).';
const CLOCK_REMEDIES = {
    clock_skew: (ctx) => `${ctx.platform === 'win32' ? WINDOWS : LINUX} Tokens, TLS certificates and signed requests are judged by this clock; Entra ID tolerates 5 minutes.`,
};

;// CONCATENATED MODULE: ./src/core/checks/clock/index.ts

const clock_OUTPUTS = [
    {
        name: 'clock-skew-seconds',
        shape: (value) => /^-?\d{1,12}$/.test(value),
        value: (report) => {
            const skew = report.checks.find((c) => c.id === 'clock')?.data?.['skewSeconds'];
            return typeof skew === 'number' && Number.isInteger(skew) ? String(skew) : '';
        },
    },
];
const clockCheck = {
    id: 'clock',
    title: 'Clock',
    wanted: (options) => options.ama,
    outputs: clock_OUTPUTS,
    remedies: CLOCK_REMEDIES,
    async run(run, findings) {
        // The arithmetic loads only when the check runs (ama: true): start-up never pays for it.
        return (await __nccwpck_require__.e(/* import() */ 845).then(__nccwpck_require__.bind(__nccwpck_require__, 4845))).judgeClock(run, findings, clockCheck);
    },
};

// EXTERNAL MODULE: ./src/core/proxy/no-proxy.ts
var no_proxy = __nccwpck_require__(3548);
;// CONCATENATED MODULE: ./src/core/checks/environment/index.ts


const REMEDIES = {
    proxy_without_imds_bypass: 'Add the IMDS address to the proxy bypass list (the message shows the exact NO_PROXY value) so that the Azure Monitor Agent and other tools reach IMDS directly. imds-check itself never uses a proxy for IMDS.',
    arc_endpoint_invalid: 'IMDS_ENDPOINT must be an http URL on a loopback address, as the Arc agent sets it (http://localhost:40342). Correct or unset it; imds-check used the default endpoint.',
};
const SIGNAL_TEXT = {
    requested: 'requested by the mode input',
    'identity-endpoint-env': 'IDENTITY_ENDPOINT and IMDS_ENDPOINT are set',
    'himds-agent-installed': 'the Azure Connected Machine agent (himds) is installed',
    'default-vm': 'no Arc signal found',
};
function proxyFinding(ctx, hosts) {
    const settings = (0,no_proxy/* proxySettings */.EM)(ctx.env, ctx.agentProxy);
    if (settings.length === 0)
        return { message: 'No proxy is configured.', warn: false, hint: '' };
    const noProxy = (0,no_proxy/* noProxyValue */.VX)(ctx.env);
    const envMissing = hosts.filter((h) => !(0,no_proxy/* noProxyCovers */.I2)(noProxy, h));
    const envProxies = settings.filter((s) => s.source !== 'agent proxy');
    const agentMissing = ctx.agentProxy
        ? hosts.filter((h) => !(0,no_proxy/* agentBypassCovers */.km)(ctx.agentProxy.bypass ?? [], h))
        : [];
    const names = settings.map((s) => s.source).join(', ');
    const nodeEnvProxy = ctx.env['NODE_USE_ENV_PROXY'] === '1' ? ' NODE_USE_ENV_PROXY=1 is set, so Node programs use it too.' : '';
    const problems = [];
    const fixes = [];
    if (envProxies.length > 0 && envMissing.length > 0) {
        problems.push(`NO_PROXY does not cover ${envMissing.join(', ')}`);
        const fixed = [noProxy, ...envMissing].filter((v) => v !== '').join(',');
        fixes.push(`Set NO_PROXY=${fixed} (and no_proxy the same) for the runner and the Azure Monitor Agent.`);
    }
    if (agentMissing.length > 0) {
        problems.push(`the agent proxy bypass list does not cover ${agentMissing.join(', ')}`);
        fixes.push(`Add ${agentMissing.map((h) => h.replace(/\./g, '\\.')).join(' and ')} to the agent's .proxybypass file.`);
    }
    const base = `Proxy configured (${names}); imds-check contacted IMDS directly.${nodeEnvProxy}`;
    if (problems.length === 0)
        return { message: `${base} The bypass list covers the IMDS address.`, warn: false, hint: '' };
    return {
        message: `${base} But ${problems.join(' and ')}, so other programs would send IMDS traffic to the proxy.`,
        warn: true,
        hint: fixes.join(' '),
    };
}
const environmentCheck = {
    id: 'environment',
    title: 'Environment',
    remedies: REMEDIES,
    async run(run) {
        const startedAt = run.ctx.clock.now();
        const { profile, signal, endpoint, endpointFromInput, endpointProblem, container } = run.target;
        const proxy = proxyFinding(run.ctx, profile.bypassHosts);
        const parts = [
            `Mode ${profile.mode} (${SIGNAL_TEXT[signal]}); endpoint ${endpoint.base}${endpointFromInput ? ' (endpoint input)' : ''}.`,
            proxy.message,
        ];
        if (container)
            parts.push(`Running in a container (${container}).`);
        let end;
        if (endpointProblem) {
            end = { status: 'fail', code: 'arc_endpoint_invalid', message: [...parts, endpointProblem].join(' ') };
        }
        else if (proxy.warn) {
            end = { status: 'warn', code: 'proxy_without_imds_bypass', message: parts.join(' '), hint: proxy.hint };
        }
        else {
            end = { status: 'pass', code: 'ok', message: parts.join(' ') };
        }
        return { check: (0,pipeline_check/* finish */.O)(run, environmentCheck, startedAt, end) };
    },
};

// EXTERNAL MODULE: ./src/core/imds/answers.ts
var answers = __nccwpck_require__(2568);
// EXTERNAL MODULE: ./src/core/imds/protocol.ts
var protocol = __nccwpck_require__(7743);
// EXTERNAL MODULE: ./src/core/imds/failures.ts
var failures = __nccwpck_require__(28);
// EXTERNAL MODULE: ./src/core/imds/recognise.ts
var recognise = __nccwpck_require__(7710);
;// CONCATENATED MODULE: ./src/core/checks/metadata/metadata-judge.ts
// Judging an instance-metadata answer, without sockets: which code, which message, which machine facts, and
// which values may become outputs (each must fit the shape Azure gives that field).






/** The machine facts that become outputs, with the shape each must have. */
const MACHINE_SHAPES = [
    ['vmId', shapes/* isGuid */.W_],
    ['name', shapes/* isMachineName */.f7],
    ['resourceId', shapes/* isResourceId */.Gy],
    ['subscriptionId', shapes/* isGuid */.W_],
    ['resourceGroup', shapes/* isResourceGroup */.sd],
    ['location', shapes/* isLocation */.gI],
    ['azEnvironment', shapes/* isKnownCloud */.vp],
];
function compute(json) {
    const c = json['compute'];
    return c !== null && typeof c === 'object' && !Array.isArray(c) ? c : null;
}
function hasMetadataShape(json) {
    const c = compute(json);
    return c !== null && ((0,answers/* text */.Qq)(c['vmId']) !== '' || (0,answers/* text */.Qq)(c['resourceId']) !== '');
}
function machineFacts(json) {
    const c = compute(json) ?? {};
    return {
        vmId: (0,answers/* text */.Qq)(c['vmId']),
        name: (0,answers/* text */.Qq)(c['name']),
        resourceId: (0,answers/* text */.Qq)(c['resourceId']),
        subscriptionId: (0,answers/* text */.Qq)(c['subscriptionId']),
        resourceGroup: (0,answers/* text */.Qq)(c['resourceGroupName']),
        location: (0,answers/* text */.Qq)(c['location']),
        azEnvironment: (0,answers/* text */.Qq)(c['azEnvironment']),
        vmSize: (0,answers/* text */.Qq)(c['vmSize']),
        osType: (0,answers/* text */.Qq)(c['osType']),
    };
}
/** Fields whose value is present but does not fit its shape (and so will not become an output). */
function rejectedFields(machine) {
    return MACHINE_SHAPES.filter(([field, fits]) => machine[field] !== '' && !fits(machine[field])).map(([f]) => f);
}
function statusCode(answer) {
    const s = answer.status;
    if (s === 400 && /metadata header/i.test(answer.body))
        return 'metadata_header_rejected';
    if (s === 400 || s === 404)
        return (0,answers/* isVersionError */.x1)(answer)
            ? 'metadata_api_version'
            : s === 404
                ? 'metadata_not_found'
                : 'metadata_unexpected_status';
    if (s === 403)
        return 'metadata_forbidden';
    if (s === 405)
        return 'metadata_method_not_allowed';
    if (s === 410)
        return 'metadata_gone';
    if (s === 429)
        return 'metadata_throttled';
    if (s >= 500)
        return 'metadata_server_error';
    return 'metadata_unexpected_status';
}
function judgeMetadata(attempt) {
    const { result, attempts, version, fellBackFrom } = attempt;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    if (result.kind === 'failure') {
        return {
            verdict: {
                status: 'fail',
                code: result.failure,
                message: `GET ${protocol/* METADATA_PATH */.GN} failed${tries}: ${(0,failures/* describeFailure */.Ic)(result)}.`,
                attempts,
                httpStatus: result.status,
                outcome: (0,failures/* failureOutcome */.vi)(result),
            },
            recognition: null,
            machine: types/* EMPTY_MACHINE */.KI,
        };
    }
    const recognition = (0,recognise/* recognise */.GJ)(result, hasMetadataShape);
    const base = { attempts, httpStatus: result.status, outcome: `${result.status}` };
    const fallback = fellBackFrom
        ? ` (api-version ${fellBackFrom} was refused; used ${version} from the versions offered)`
        : '';
    const failed = (code, message) => ({
        verdict: { status: 'fail', code, message, ...base },
        recognition,
        machine: types/* EMPTY_MACHINE */.KI,
    });
    if (!recognition.imds) {
        // A 200 that is neither HTML nor a proxy page is a broken instance document: say which way it is broken.
        const broken = result.status === 200 && recognition.code === 'not_imds_answer';
        const code = !broken
            ? recognition.code
            : recognition.json === null
                ? 'metadata_bad_json'
                : 'metadata_bad_shape';
        return failed(code, `GET ${protocol/* METADATA_PATH */.GN}: ${recognition.what}${tries}, not the IMDS instance document.`);
    }
    if (result.status !== 200) {
        return failed(statusCode(result), `GET ${protocol/* METADATA_PATH */.GN}?api-version=${version} answered ${result.status}${tries}: ${(0,answers/* errorText */.kc)(result) || 'no error text'}${fallback}.`);
    }
    if (recognition.json === null || !hasMetadataShape(recognition.json)) {
        const what = recognition.json === null ? 'not valid JSON' : 'not an instance document (no compute.vmId)';
        return failed(recognition.json === null ? 'metadata_bad_json' : 'metadata_bad_shape', `GET ${protocol/* METADATA_PATH */.GN} answered 200${tries} but the body is ${what}.`);
    }
    const machine = machineFacts(recognition.json);
    const where = [
        machine.name,
        machine.location && `in ${machine.location}`,
        machine.azEnvironment && `(${machine.azEnvironment})`,
    ]
        .filter((s) => s)
        .join(' ');
    const serverNote = recognition.serverHeader || !attempt.notesMissingServerHeader
        ? ''
        : ' Note: the answer had no `Server: IMDS/...` header.';
    const read = `Instance metadata read${tries} with api-version ${version}${fallback}: ${where || 'document valid'}.${serverNote}`;
    const rejected = rejectedFields(machine);
    if (rejected.length > 0) {
        return {
            verdict: {
                status: 'warn',
                code: 'metadata_value_rejected',
                message: `${read} Not used as outputs, as they do not have the shape Azure gives them: ${rejected.join(', ')}.`,
                ...base,
            },
            recognition,
            machine,
        };
    }
    return { verdict: { status: 'pass', code: 'ok', message: read, ...base }, recognition, machine };
}

;// CONCATENATED MODULE: ./src/core/checks/metadata/metadata-codes.ts
// The metadata check's codes and their fixes (docs/errors.md has the long form of each).


const METADATA_REMEDIES = {
    metadata_header_rejected: 'IMDS rejected the request for a missing Metadata header: something between the runner and IMDS strips headers. Remove it.',
    metadata_api_version: (ctx) => `No api-version was accepted, even after falling back to the versions IMDS offered. Something may be rewriting requests; compare with \`curl -H Metadata:true "${ctx.endpoint.base}/metadata/versions"\` on the machine.`,
    metadata_not_found: 'IMDS answered 404 for the instance document. Old VMs may need a tag, extension or disk change before compute metadata appears.',
    metadata_method_not_allowed: 'IMDS answered 405: something rewrote the request method. Remove the interceptor.',
    metadata_forbidden: 'IMDS refused the request (403). Check that the request leaves through the primary NIC and that no interceptor rewrites it.',
    metadata_gone: (ctx) => `IMDS kept answering 410 (updating) until the deadline. Retry later, or raise ${(0,types/* setting */.Pe)(ctx, 'timeout-seconds')} above 70.`,
    metadata_throttled: 'IMDS kept answering 429 (more than 5 requests per second from this VM). Reduce other IMDS traffic and retry.',
    metadata_server_error: 'IMDS kept answering 5xx until the deadline. Retry later; if it persists, open an Azure support case for the VM.',
    metadata_unexpected_status: 'IMDS answered with an undocumented status. Retry; if it persists, compare with `curl -H Metadata:true` on the machine.',
    metadata_bad_json: (ctx) => 'The instance document is not valid JSON. ' + (0,failures/* notImds */.po)(ctx),
    metadata_bad_shape: (ctx) => 'The instance document lacks compute.vmId or compute.resourceId. ' + (0,failures/* notImds */.po)(ctx),
    metadata_value_rejected: (ctx) => 'A metadata value does not have the shape Azure gives that field, so its output was left empty (the JSON report keeps the value, escaped). ' +
        (0,failures/* notImds */.po)(ctx),
};

;// CONCATENATED MODULE: ./src/core/checks/metadata/index.ts
// The metadata check: GET /metadata/instance, with one api-version fallback and retries for 410/429/5xx; the
// machine facts the report and outputs carry. Judging the answer is in judge.ts. Its finding can take one more
// sample, judged the same way, for the stability check.








const metadata_OUTPUTS = [
    {
        name: 'metadata-status',
        value: (report) => statusOutput(report, 'metadata', true),
    },
    {
        name: 'vm-id',
        shape: shapes/* isGuid */.W_,
        value: (report) => report.machine.vmId,
    },
    {
        name: 'vm-name',
        shape: shapes/* isMachineName */.f7,
        value: (report) => report.machine.name,
    },
    {
        name: 'resource-id',
        shape: shapes/* isResourceId */.Gy,
        value: (report) => report.machine.resourceId,
    },
    {
        name: 'subscription-id',
        shape: shapes/* isGuid */.W_,
        value: (report) => report.machine.subscriptionId,
    },
    {
        name: 'resource-group',
        shape: shapes/* isResourceGroup */.sd,
        value: (report) => report.machine.resourceGroup,
    },
    {
        name: 'location',
        shape: shapes/* isLocation */.gI,
        value: (report) => report.machine.location,
    },
    {
        name: 'az-environment',
        shape: shapes/* isKnownCloud */.vp,
        value: (report) => report.machine.azEnvironment,
    },
];
/** Samples keep their own api-version: the mode's, until an answer offers another (then that one, once). */
function sampler(run) {
    const client = run.imds('stability');
    let version = run.target.profile.metadataApiVersion;
    const get = (v) => client.get(`${protocol/* METADATA_PATH */.GN}?api-version=${v}`);
    return async () => {
        let result = await get(version);
        const offered = result.kind === 'answer' ? ((0,answers/* offeredVersions */.dO)(result)[0] ?? '') : '';
        if (offered !== '' && offered !== version) {
            version = offered;
            result = await get(version);
        }
        const notesMissingServerHeader = run.target.profile.notesMissingServerHeader;
        return judgeMetadata({ result, attempts: 1, version, fellBackFrom: '', notesMissingServerHeader })
            .verdict;
    };
}
const metadataCheck = {
    id: 'metadata',
    title: 'Instance metadata',
    outputs: metadata_OUTPUTS,
    remedies: METADATA_REMEDIES,
    async run(run, findings) {
        const sample = sampler(run);
        if (!findings.reachability?.connected) {
            return {
                check: (0,pipeline_check/* skip */.i)(run, metadataCheck, 'Not attempted: nothing could be connected.'),
                recognition: null,
                machine: types/* EMPTY_MACHINE */.KI,
                sample,
            };
        }
        const startedAt = run.ctx.clock.now();
        const client = run.imds('metadata');
        const get = (v) => client.retried('metadata', () => client.get(`${protocol/* METADATA_PATH */.GN}?api-version=${v}`));
        let version = run.target.profile.metadataApiVersion;
        let { result, attempts } = await get(version);
        let fellBackFrom = '';
        if (result.kind === 'answer' && (0,answers/* isVersionError */.x1)(result)) {
            const offered = (0,answers/* offeredVersions */.dO)(result);
            if (offered[0] && offered[0] !== version) {
                fellBackFrom = version;
                version = offered[0];
                const second = await get(version);
                result = second.result;
                attempts += second.attempts;
            }
        }
        const notesMissingServerHeader = run.target.profile.notesMissingServerHeader;
        const judged = judgeMetadata({ result, attempts, version, fellBackFrom, notesMissingServerHeader });
        return {
            check: (0,pipeline_check/* finish */.O)(run, metadataCheck, startedAt, judged.verdict),
            recognition: judged.recognition,
            machine: judged.machine,
            sample,
        };
    },
    // Nothing answered the metadata request at all: reachability carries the socket word; metadata is skipped. The
    // row keeps the time and attempts it spent waiting (about 20 s when something accepts and stays silent).
    settle(own, findings, run) {
        if (findings.reachability?.reachable !== false ||
            own.recognition !== null ||
            !(0,types/* isSocketWord */.AR)(own.check.outcome))
            return own;
        const skipped = (0,pipeline_check/* skip */.i)(run, metadataCheck, `Not answered: ${own.check.message} See reachability.`);
        const { durationMs, attempts } = own.check;
        return { ...own, check: { ...skipped, durationMs, attempts } };
    },
    adds: (own) => ({ facts: { machine: own.machine } }),
};

// EXTERNAL MODULE: ./src/core/imds/connect.ts
var connect = __nccwpck_require__(9325);
// EXTERNAL MODULE: ./src/core/modes/target.ts + 4 modules
var target = __nccwpck_require__(2638);
;// CONCATENATED MODULE: ./src/core/checks/reachability/index.ts
// The reachability check. First a TCP connect that tells dropped from refused from unreachable; once every
// check ran, settle() decides whether something recognisable as IMDS answered (the report's `reachable`).





const reachability_OUTPUTS = [
    {
        name: 'reachable',
        value: (report) => String(report.reachable),
    },
];
function end(run, startedAt, finding, result) {
    const hint = result.status === 'fail' ? [result.hint ?? '', (0,target/* containerHint */.jN)(run.target)].filter((s) => s).join(' ') : '';
    const check = (0,pipeline_check/* finish */.O)(run, reachabilityCheck, startedAt, { ...result, ...(hint ? { hint } : {}) });
    return { ...finding, check: { ...check, durationMs: finding.connectMs } };
}
/** The connect succeeded: did IMDS itself answer the metadata or token request? */
function settle(own, findings, run) {
    if (!own.connected)
        return own;
    const meta = findings.metadata;
    const token = findings.token;
    const startedAt = run.ctx.clock.now() - own.connectMs;
    const base = run.target.endpoint.base;
    const imdsAnswer = [meta, token].find((f) => f?.recognition?.imds === true);
    if (imdsAnswer) {
        const server = imdsAnswer.recognition?.imds && imdsAnswer.recognition.serverHeader
            ? ' with a Server: IMDS header'
            : '';
        return end(run, startedAt, { ...own, reachable: true }, {
            status: 'pass',
            code: 'ok',
            message: `Connected to ${base} in ${own.connectMs} ms; ${run.target.profile.service} answered (HTTP ${imdsAnswer.check.httpStatus})${server}.`,
            attempts: own.attempts,
            httpStatus: imdsAnswer.check.httpStatus,
            outcome: imdsAnswer.check.outcome,
        });
    }
    const seen = meta?.recognition ?? null;
    const metaCheck = meta?.check;
    // Nothing recognisable came back: name what answered instead, or the transport failure the metadata request hit.
    const code = seen && !seen.imds ? seen.code : metaCheck?.status === 'fail' ? metaCheck.code : 'not_imds_answer';
    const what = seen && !seen.imds
        ? seen.what
        : (metaCheck?.message ?? 'no answer').replace(/^GET \S+ failed[^:]*: /, '').replace(/\.$/, '');
    return end(run, startedAt, { ...own, reachable: false }, {
        status: 'fail',
        code,
        message: `Connected to ${base}, but ${run.target.profile.service} did not answer: ${what}.`,
        attempts: own.attempts,
        httpStatus: metaCheck?.httpStatus ?? null,
        outcome: metaCheck?.outcome ?? 'skipped',
    });
}
const reachabilityCheck = {
    id: 'reachability',
    title: 'IMDS reachable',
    outputs: reachability_OUTPUTS,
    async run(run) {
        const startedAt = run.ctx.clock.now();
        const { connectHosts, port, base } = run.target.endpoint;
        let attempts = 0;
        for (;;) {
            attempts += 1;
            const bound = run.budget.cap(protocol/* CONNECT_TIMEOUT_MS */.cC);
            const quiet = run.progress.slow('reachability', base, bound);
            const result = await (0,connect/* tcpConnect */.e)(connectHosts, port, bound, run.names.netLookup(bound)).finally(quiet);
            const connectMs = run.ctx.clock.now() - startedAt;
            const finding = { connected: result.ok, reachable: false, attempts, connectMs };
            if (result.ok) {
                const check = (0,pipeline_check/* finish */.O)(run, reachabilityCheck, startedAt, {
                    status: 'pass',
                    code: 'ok',
                    message: `Connected to ${base}.`,
                });
                return { ...finding, check };
            }
            if (result.failure === 'connect_timeout' && attempts < protocol/* CONNECT_ATTEMPTS */.GY && !run.budget.expired())
                continue;
            const extra = result.failure === 'connection_refused'
                ? await run.target.profile.serviceState(run.ctx, run.budget)
                : '';
            const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
            return end(run, startedAt, finding, {
                status: 'fail',
                code: result.failure,
                message: `Could not connect to ${base}${tries}: ${(0,failures/* describeFailure */.Ic)(result)}.${extra}`,
                attempts,
                outcome: (0,failures/* failureOutcome */.vi)({ failure: result.failure, status: null }),
            });
        }
    },
    settle,
    adds: (own) => ({ facts: { reachable: own.reachable } }),
};

// EXTERNAL MODULE: ./src/core/checks/stability/stability-codes.ts
var stability_codes = __nccwpck_require__(2601);
;// CONCATENATED MODULE: ./src/core/checks/stability/index.ts
// The stability check (samples > 1): after the first run, the metadata and token requests again, N−1 more
// times as single attempts, paced under IMDS's rate limit and within timeout-seconds. Pass when every sample
// succeeded, warn when the share of good samples is at least min-success-percent, else fail; the code names
// the failure seen most often. The samples are taken with the sample() of the metadata and token findings; the
// sampling is loaded only when samples > 1, so a single probe never pays for it at start-up.




const stability_INPUTS = {
    inputs: [
        {
            name: 'samples',
            default: '1',
            cli: {
                value: 'N',
                help: 'repeat the metadata and token requests N times in all (1-1000, default {default})',
            },
        },
        {
            name: 'min-success-percent',
            default: '95',
            cli: {
                value: 'P',
                help: 'with --samples: the share of good samples below which stability fails (default {default})',
            },
        },
    ],
    parse: (read) => ({
        samples: (0,input_spec/* wholeNumber */.rD)('samples', read.raw('samples'), 1, 1000),
        minSuccessPercent: (0,input_spec/* percent */.KN)('min-success-percent', read.raw('min-success-percent')),
    }),
};
const field = (value, key) => value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
const whole = (value) => typeof value === 'number' && Number.isInteger(value) && value >= 0 ? String(value) : '';
/** A figure of the report's `samples` section; empty when nothing was sampled. */
const figure = (...path) => (report) => whole(path.reduce((v, key) => field(v, key), report.sections?.['samples']));
const stability_OUTPUTS = [
    {
        name: 'samples-total',
        shape: shapes/* isWholeNumber */.J6,
        value: figure('total'),
    },
    {
        name: 'samples-ok',
        shape: shapes/* isWholeNumber */.J6,
        value: figure('ok'),
    },
    {
        name: 'latency-p50-ms',
        shape: shapes/* isWholeNumber */.J6,
        value: figure('latencyMs', 'all', 'p50'),
    },
    {
        name: 'latency-p95-ms',
        shape: shapes/* isWholeNumber */.J6,
        value: figure('latencyMs', 'all', 'p95'),
    },
    {
        name: 'latency-max-ms',
        shape: shapes/* isWholeNumber */.J6,
        value: figure('latencyMs', 'all', 'max'),
    },
];
const stabilityCheck = {
    id: 'stability',
    title: 'Stability over samples',
    wanted: (options) => options.samples > 1,
    inputs: stability_INPUTS,
    outputs: stability_OUTPUTS,
    remedies: stability_codes/* STABILITY_REMEDIES */.H,
    async run(run, findings) {
        const startedAt = run.ctx.clock.now();
        const sampled = await (await __nccwpck_require__.e(/* import() */ 292).then(__nccwpck_require__.bind(__nccwpck_require__, 6292))).sampleAgain(run, findings);
        if ('skipped' in sampled)
            return { check: (0,pipeline_check/* skip */.i)(run, stabilityCheck, sampled.skipped), summary: null, section: null };
        const check = (0,pipeline_check/* finish */.O)(run, stabilityCheck, startedAt, sampled.verdict);
        return { check, summary: sampled.summary, section: sampled.section };
    },
    adds: (own) => (own.section === null ? {} : { section: { key: 'samples', value: own.section } }),
};

// EXTERNAL MODULE: ./src/core/clouds.ts
var clouds = __nccwpck_require__(4729);
// EXTERNAL MODULE: ./src/core/imds/jwt.ts
var jwt = __nccwpck_require__(9174);
;// CONCATENATED MODULE: ./src/core/checks/token/token-answer.ts


/** '' when the value is not a date JavaScript can represent (a hostile expires_on like 1e20 must not throw). */
function isoSeconds(epochSeconds) {
    const date = new Date(epochSeconds * 1000);
    if (!Number.isFinite(epochSeconds) || Number.isNaN(date.getTime()))
        return '';
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** expires_on as epoch seconds: a number, a numeric string, or a date string; else from exp or expires_in. */
function expiresOnSeconds(json, exp, nowMs) {
    const raw = json['expires_on'];
    if (typeof raw === 'number' && Number.isFinite(raw))
        return raw;
    if (typeof raw === 'string' && /^\d+$/.test(raw.trim()))
        return Number(raw.trim());
    if (typeof raw === 'string' && raw.trim() !== '') {
        const parsed = Date.parse(raw);
        if (!Number.isNaN(parsed))
            return Math.floor(parsed / 1000);
    }
    if (exp !== null)
        return exp;
    const inSeconds = Number((0,answers/* text */.Qq)(json['expires_in']));
    return Number.isFinite(inSeconds) && (0,answers/* text */.Qq)(json['expires_in']) !== ''
        ? Math.floor(nowMs / 1000) + inSeconds
        : null;
}
function selectorText(selector) {
    return selector ? `${selector.kind}=${selector.value}` : '';
}
function identityFacts(options, token, json, nowMs) {
    const claims = (0,jwt/* readClaims */.I)(token);
    const expires = expiresOnSeconds(json, claims.exp, nowMs);
    return {
        kind: options.identity,
        selector: selectorText(options.selector),
        principalId: claims.oid || (0,answers/* text */.Qq)(json['object_id']),
        tenantId: claims.tid,
        appId: claims.appid || (0,answers/* text */.Qq)(json['client_id']),
        audience: claims.aud || (0,answers/* text */.Qq)(json['resource']),
        expiresOn: expires === null ? '' : isoSeconds(expires),
        tokenType: (0,answers/* text */.Qq)(json['token_type']),
    };
}
function tokenStatusCode(answer) {
    const s = answer.status;
    const detail = (0,answers/* errorText */.kc)(answer);
    if (s === 400) {
        if (/identity not found/i.test(detail))
            return 'token_identity_not_found';
        if (/multiple user assigned identities/i.test(detail))
            return 'token_multiple_identities';
        if (/invalid_resource|AADSTS500011|AADSTS50001\b/i.test(detail))
            return 'token_invalid_resource';
        if (/metadata header/i.test(detail))
            return 'token_header_rejected';
        return 'token_bad_request';
    }
    if (s === 403)
        return 'token_forbidden';
    if (s === 404)
        return 'token_not_found';
    if (s === 410)
        return 'token_gone';
    if (s === 429)
        return 'token_throttled';
    if (s >= 500)
        return 'token_server_error';
    return 'token_unexpected_status';
}

;// CONCATENATED MODULE: ./src/core/checks/token/token-exchange.ts
// The token request over the wire: retries (404, 410, 429, 5xx), one api-version fallback, and whatever the
// mode adds (Arc: the key-file challenge). Every answer's secrets are registered the moment it arrives.



/** The token request's path and query: api-version, resource and the identity selector, if any. */
function tokenPath(request, version) {
    const query = new URLSearchParams({ 'api-version': version, resource: request.resource });
    if (request.selector)
        query.set(request.selector.kind, request.selector.value);
    return `${protocol/* TOKEN_PATH */.od}?${query.toString()}`;
}
/** One request whose answer's secrets are registered the moment it arrives. */
const sendOnce = (request, path) => request.client.get(path).then((result) => {
    if (result.kind === 'answer')
        (0,answers/* registerTokenSecrets */.Cr)(result.body, request.ctx);
    return result;
});
async function exchangeToken(request) {
    const send = (path) => request.client.retried('token', () => sendOnce(request, path));
    let path = tokenPath(request, request.profile.tokenApiVersion);
    let { result, attempts } = await send(path);
    // Older agents refuse newer api-versions and say which they accept: try the newest of those once.
    const offered = result.kind === 'answer' ? (0,answers/* offeredVersions */.dO)(result) : [];
    if (offered[0] && !path.includes(`api-version=${offered[0]}&`)) {
        path = tokenPath(request, offered[0]);
        const second = await send(path);
        result = second.result;
        attempts += second.attempts;
    }
    const first = {
        result,
        attempts,
        challenged: result.kind === 'answer' && (0,recognise/* isArcChallenge */.uS)(result),
    };
    return request.profile.completeTokenExchange(first, { client: request.client, path, ctx: request.ctx });
}
/**
 * One more token request for a sample: a single attempt, never retried (the point is to see the failures
 * retries hide), its api-version kept across samples and following one fallback, the Arc challenge followed.
 */
function tokenSampler(request) {
    let version = request.profile.tokenApiVersion;
    return async () => {
        let path = tokenPath(request, version);
        let result = await sendOnce(request, path);
        const offered = result.kind === 'answer' ? ((0,answers/* offeredVersions */.dO)(result)[0] ?? '') : '';
        if (offered !== '' && offered !== version) {
            version = offered;
            path = tokenPath(request, version);
            result = await sendOnce(request, path);
        }
        const challenged = result.kind === 'answer' && (0,recognise/* isArcChallenge */.uS)(result);
        return request.profile.completeTokenExchange({ result, attempts: 1, challenged }, { client: request.client, path, ctx: request.ctx });
    };
}

;// CONCATENATED MODULE: ./src/core/checks/token/token-judge.ts
// Judging the final token answer, without sockets: which code and message, the identity facts the report may
// show, and the token handed back for expose-token (only a JWT that passed). Secrets were registered by the
// exchange the moment the answer arrived.







const hasAccessToken = (json) => typeof json['access_token'] === 'string' && json['access_token'] !== '';
/** Claims that become outputs must be GUIDs; the others are only shown (neutralised). */
function rejectedClaims(identity) {
    const claims = [
        ['oid', identity.principalId],
        ['tid', identity.tenantId],
        ['appid', identity.appId],
    ];
    return claims.filter(([, value]) => value !== '' && !(0,shapes/* isGuid */.W_)(value)).map(([name]) => name);
}
function judgeToken(exchange, facts) {
    const { result, attempts } = exchange;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    const verdict = (end, recognition, identity = null, accessToken = null) => ({
        verdict: { attempts, ...end },
        recognition,
        identity,
        claims: accessToken ? (0,jwt/* readClaims */.I)(accessToken) : null,
        accessToken,
    });
    if (result.kind === 'failure') {
        return verdict({
            status: 'fail',
            code: result.failure,
            message: `GET ${protocol/* TOKEN_PATH */.od} failed${tries}: ${(0,failures/* describeFailure */.Ic)(result)}.`,
            httpStatus: result.status,
            outcome: (0,failures/* failureOutcome */.vi)(result),
        }, null);
    }
    const recognition = (0,recognise/* recognise */.GJ)(result, hasAccessToken);
    const answered = { httpStatus: result.status, outcome: `${result.status}` };
    const failed = (code, message, identity = null) => verdict({ status: 'fail', code, message, ...answered }, recognition, identity);
    if (exchange.refusal)
        return verdict(exchange.refusal, { imds: true, json: null, serverHeader: false });
    if (!recognition.imds) {
        const broken = result.status === 200 && recognition.code === 'not_imds_answer';
        const code = !broken ? recognition.code : recognition.json ? 'token_bad_shape' : 'token_bad_json';
        return failed(code, `GET ${protocol/* TOKEN_PATH */.od}: ${recognition.what}${tries}, not a token answer.`);
    }
    // Hybrid IMDS answered a run in VM mode: its realm names a local path, which VM mode never reads or shows.
    if (!facts.profile.requiresChallenge && (0,recognise/* isArcChallenge */.uS)(result)) {
        return failed('token_arc_challenge_in_vm_mode', `Token request answered 401 with the Hybrid IMDS key-file challenge${tries}: Hybrid IMDS (Azure Arc) answered, but this run is in VM mode.`);
    }
    if (facts.profile.requiresChallenge && result.status === 200 && !exchange.challenged) {
        return failed('arc_expected_challenge', 'The token endpoint returned a token without the Hybrid IMDS key-file challenge.');
    }
    if (result.status !== 200) {
        const who = facts.options.selector ? ` for ${selectorText(facts.options.selector)}` : '';
        return failed(tokenStatusCode(result), `Token request${who} answered ${result.status}${tries}: ${(0,answers/* errorText */.kc)(result) || 'no error text'}.`);
    }
    const json = recognition.json;
    if (json === null)
        return failed('token_bad_json', `GET ${protocol/* TOKEN_PATH */.od} answered 200${tries} but the body is not valid JSON.`);
    const token = json['access_token'];
    if (!(0,shapes/* isJwt */.ky)(token)) {
        return failed('token_not_jwt', `GET ${protocol/* TOKEN_PATH */.od} answered 200${tries} with an access_token that is not a JWT; it was not used.`);
    }
    const identity = identityFacts(facts.options, token, json, facts.now);
    if (identity.expiresOn === '')
        return failed('token_bad_shape', 'The token answer has no readable expires_on.', identity);
    const expiresAt = Date.parse(identity.expiresOn);
    if (expiresAt <= facts.now) {
        return failed('token_expired', `IMDS returned a token that expired at ${identity.expiresOn}.`, identity);
    }
    const selector = facts.options.selector;
    if (selector && !facts.profile.confirmsIdentity(selector, token, json)) {
        return failed('arc_user_identity_unconfirmed', `The token answer does not confirm ${selectorText(selector)} (principal ${identity.principalId || 'unknown'}, app ${identity.appId || 'unknown'}).`, identity);
    }
    const minutes = Math.round((expiresAt - facts.now) / 60_000);
    const who = selector ? `user-assigned identity ${selectorText(selector)}` : 'system-assigned identity';
    const principal = identity.principalId ? ` (principal ${identity.principalId})` : '';
    const issued = `Token for ${identity.audience || facts.resource} issued to the ${who}${principal}${tries}; expires ${identity.expiresOn} (in ${minutes} min).`;
    const rejected = rejectedClaims(identity);
    if (rejected.length > 0) {
        return verdict({
            status: 'warn',
            code: 'token_claim_rejected',
            message: `${issued} Not used as outputs, as they are not GUIDs: ${rejected.join(', ')}.`,
            ...answered,
        }, recognition, identity, token);
    }
    return verdict({ status: 'pass', code: 'ok', message: issued, ...answered }, recognition, identity, token);
}

;// CONCATENATED MODULE: ./src/core/checks/token/token-codes.ts
// The token check's codes and their fixes (docs/errors.md has the long form of each). The codes of the Arc
// key-file challenge belong to the Arc mode (modes/arc-codes.ts).


const selectorInputs = (ctx) => ['client-id', 'object-id', 'msi-res-id'].map((n) => (0,types/* setting */.Pe)(ctx, n)).join(', ');
const TOKEN_REMEDIES = {
    token_identity_not_found: (ctx) => `The VM has no managed identity, or not the one selected. Enable the system-assigned identity, or assign the user-assigned identity to the VM (az vm identity assign), and check the ${selectorInputs(ctx)} value.`,
    token_multiple_identities: (ctx) => `The VM has several user-assigned identities and none was selected. Set ${(0,types/* setting */.Pe)(ctx, 'identity', 'user')} with one of ${selectorInputs(ctx)}.`,
    token_invalid_resource: 'Entra ID does not know the requested resource in this tenant. Correct the resource (App ID URI of the target API).',
    token_bad_request: 'IMDS rejected the token request (400). Read the error text in the message; check the resource and identity selector.',
    token_header_rejected: 'IMDS rejected the token request for a missing Metadata header: something between the runner and IMDS strips headers. Remove it.',
    token_forbidden: 'IMDS refused the token request (403). Check that the identity is allowed to request tokens and that no interceptor rewrites the request.',
    token_not_found: (ctx) => `The token endpoint kept answering 404 (IMDS updating) until the deadline. Retry later, or raise ${(0,types/* setting */.Pe)(ctx, 'timeout-seconds')}.`,
    token_gone: (ctx) => `The token endpoint kept answering 410 (IMDS updating, up to 70 s). Raise ${(0,types/* setting */.Pe)(ctx, 'timeout-seconds')} above 70 or retry later.`,
    token_throttled: 'The token endpoint kept answering 429 (20 requests per second, 5 concurrent). Reduce other token traffic and retry.',
    token_server_error: 'The token endpoint kept answering 5xx (often Entra ID unreachable from IMDS). Retry later; check Azure status.',
    token_unexpected_status: 'The token endpoint answered with an undocumented status. Retry; compare with a manual request on the machine.',
    token_arc_challenge_in_vm_mode: (ctx) => `This is Hybrid IMDS (an Azure Arc-enabled server), which gives a token only after its key-file challenge: use ${(0,types/* setting */.Pe)(ctx, 'mode', 'arc')} (on the Arc server itself, ${(0,types/* setting */.Pe)(ctx, 'mode', 'auto')} finds the agent). In VM mode the challenge is not followed and the key file it names is not read.`,
    token_bad_json: (ctx) => 'The token answer is not valid JSON. ' + (0,failures/* notImds */.po)(ctx),
    token_bad_shape: (ctx) => 'The token answer lacks access_token or expires_on. ' + (0,failures/* notImds */.po)(ctx),
    token_not_jwt: (ctx) => 'The access_token is not a JWT (three base64url parts with a JSON payload), which every Entra ID managed-identity token is. It was not used or shown. ' +
        (0,failures/* notImds */.po)(ctx),
    token_expired: 'IMDS returned a token that is already expired. Check the machine clock (NTP) and retry.',
    token_claim_rejected: (ctx) => 'A token claim (oid, tid or appid) is not a GUID, so its output was left empty; the token itself was issued. ' +
        (0,failures/* notImds */.po)(ctx),
};

;// CONCATENATED MODULE: ./src/core/checks/token/token-inputs.ts
// The token check's inputs: which identity (system, user with exactly one selector, or none), the audience, and
// whether the token may become an output. The selector inputs are checked together: exactly one, only with
// identity user, each of its documented shape.


const UAMI_RESOURCE_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resource[gG]roups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i;
const SELECTOR_INPUTS = [
    ['client-id', 'client_id'],
    ['object-id', 'object_id'],
    ['msi-res-id', 'msi_res_id'],
];
function resource(value) {
    if (value === '')
        return '';
    if (!/\s/.test(value) && (/^(https?|api):\/\/\S+$/i.test(value) || (0,shapes/* isGuid */.W_)(value)))
        return value;
    throw new input_spec/* InvalidInput */.o9('resource', `got ${(0,input_spec/* shown */.SP)(value)}; expected an App ID URI (https://...) or an application id (GUID)`);
}
function selector(read, identity) {
    const given = SELECTOR_INPUTS.filter(([input]) => read.raw(input) !== '');
    const names = SELECTOR_INPUTS.map(([n]) => read.spell(n));
    const oneOfNames = `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
    if (identity !== 'user') {
        const first = given[0];
        if (first)
            throw new input_spec/* InvalidInput */.o9(first[0], `is only used with identity 'user' (identity is '${identity}')`);
        return null;
    }
    if (given.length === 0) {
        throw new input_spec/* InvalidInput */.o9('identity', `'user' needs exactly one of ${oneOfNames}`);
    }
    if (given.length > 1) {
        throw new input_spec/* InvalidInput */.o9(given[1][0], `give exactly one of ${oneOfNames}, not ${given.map(([n]) => read.spell(n)).join(' and ')}`);
    }
    const [input, kind] = given[0];
    const value = read.raw(input);
    if (kind === 'msi_res_id' && !UAMI_RESOURCE_ID.test(value)) {
        throw new input_spec/* InvalidInput */.o9(input, `got ${(0,input_spec/* shown */.SP)(value)}; expected /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`);
    }
    if (kind !== 'msi_res_id' && !(0,shapes/* isGuid */.W_)(value)) {
        throw new input_spec/* InvalidInput */.o9(input, `got ${(0,input_spec/* shown */.SP)(value)}; expected a GUID like 00000000-0000-0000-0000-000000000000 (not the identity's name)`);
    }
    return { kind, value };
}
const TOKEN_INPUTS = {
    inputs: [
        {
            name: 'identity',
            default: 'system',
            cli: {
                value: 'system|user|none',
                help: 'which identity to request a token for (default {default}; none skips the token)',
            },
        },
        {
            name: 'client-id',
            default: '',
            cli: { value: 'GUID', help: 'user-assigned identity by client id (with --identity user)' },
        },
        {
            name: 'object-id',
            default: '',
            cli: { value: 'GUID', help: 'user-assigned identity by object (principal) id' },
        },
        {
            name: 'msi-res-id',
            default: '',
            cli: { value: 'ID', help: 'user-assigned identity by ARM resource id' },
        },
        {
            name: 'resource',
            default: '',
            cli: { value: 'URI', help: 'token audience (default: ARM of the cloud IMDS reports)' },
        },
        {
            name: 'expose-token',
            default: 'false',
            cli: {
                help: 'only with --json: add accessToken to the printed document (never to --report, never as text)',
            },
        },
    ],
    parse(read) {
        const identity = (0,input_spec/* oneOf */.yL)('identity', read.raw('identity'), ['system', 'user', 'none']);
        return {
            identity,
            selector: selector(read, identity),
            resource: resource(read.raw('resource')),
            exposeToken: (0,input_spec/* strictBoolean */.c9)('expose-token', read.raw('expose-token')),
        };
    },
};

;// CONCATENATED MODULE: ./src/core/checks/token/index.ts
// The token check: a managed-identity token for the chosen identity, from the service that answered the
// metadata request. The token is registered as a secret the moment it is seen and is returned to the caller
// apart from the report. The exchange is in exchange.ts, the judgement in judge.ts; its finding can take one
// more sample, judged the same way, for the stability check.











const token_OUTPUTS = [
    {
        name: 'token-status',
        value: (report) => statusOutput(report, 'token', report.identity.kind !== 'none'),
    },
    {
        name: 'principal-id',
        shape: shapes/* isGuid */.W_,
        value: (report) => report.identity.principalId,
    },
    {
        name: 'tenant-id',
        shape: shapes/* isGuid */.W_,
        value: (report) => report.identity.tenantId,
    },
    {
        name: 'app-id',
        shape: shapes/* isGuid */.W_,
        value: (report) => report.identity.appId,
    },
    {
        name: 'token-expires-on',
        shape: shapes/* isIsoUtc */.Ev,
        value: (report) => report.identity.expiresOn,
    },
    {
        name: 'access-token',
        shape: shapes/* isJwt */.ky,
        value: (_report, sources) => (sources.exposeToken ? (sources.accessToken ?? '') : undefined),
    },
];
function tokenRequest(run, resource) {
    return {
        client: run.imds('token'),
        resource,
        selector: run.options.selector,
        profile: run.target.profile,
        ctx: run.ctx,
    };
}
const tokenCheck = {
    id: 'token',
    title: 'Managed-identity token',
    inputs: TOKEN_INPUTS,
    outputs: token_OUTPUTS,
    remedies: TOKEN_REMEDIES,
    async run(run, findings) {
        const meta = findings.metadata;
        const resource = run.options.resource || (0,clouds/* armResourceFor */.iu)(meta?.machine.azEnvironment ?? '');
        const request = tokenRequest(run, resource);
        const again = tokenSampler({ ...request, client: run.imds('stability') });
        const judge = (exchange) => judgeToken(exchange, {
            options: run.options,
            profile: run.target.profile,
            resource,
            now: run.ctx.clock.now(),
        });
        // The token itself is dropped here: samples keep only what the judge said of it.
        const sample = async () => judge(await again()).verdict;
        const none = { recognition: null, identity: null, claims: null, accessToken: null, sample };
        const skipped = (message) => ({ check: (0,pipeline_check/* skip */.i)(run, tokenCheck, message), ...none });
        if (run.options.identity === 'none')
            return skipped('Not requested (identity: none).');
        if (!findings.reachability?.connected)
            return skipped('Not attempted: nothing could be connected.');
        if (meta?.recognition && !meta.recognition.imds)
            return skipped('Not attempted: what answered is not IMDS.');
        if (!meta?.recognition)
            return skipped('Not attempted: IMDS did not answer the metadata request.');
        if (run.budget.expired()) {
            const check = (0,pipeline_check/* finish */.O)(run, tokenCheck, run.ctx.clock.now(), {
                status: 'fail',
                code: 'deadline_exceeded',
                message: `No time left of ${run.ctx.spell.name('timeout-seconds')} (${run.options.timeoutSeconds} s) for the token request.`,
                outcome: 'timeout',
            });
            return { check, ...none };
        }
        const startedAt = run.ctx.clock.now();
        const judged = judge(await exchangeToken(request));
        const hint = judged.verdict.status === 'fail' ? (0,target/* containerHint */.jN)(run.target) : '';
        const check = (0,pipeline_check/* finish */.O)(run, tokenCheck, startedAt, hint ? { ...judged.verdict, hint } : judged.verdict);
        return {
            check,
            recognition: judged.recognition,
            identity: judged.identity,
            claims: judged.claims,
            accessToken: judged.accessToken,
            sample,
        };
    },
    adds: (own, run) => ({
        facts: {
            identity: own.identity ?? (0,types/* emptyIdentity */.gL)(run.options.identity, selectorText(run.options.selector)),
        },
        accessToken: own.accessToken,
    }),
};

;// CONCATENATED MODULE: ./src/core/registry.ts
// The checks of a run, in the order they run. A new check is one folder under checks/ plus one line here.









const CHECKS = [
    environmentCheck,
    reachabilityCheck,
    metadataCheck,
    tokenCheck,
    amaHostCheck,
    amaIdentityCheck,
    amaCheck,
    clockCheck,
    stabilityCheck,
];


/***/ }),

/***/ 5591:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ remedyFor)
/* harmony export */ });
/* harmony import */ var _pipeline_remedy_lookup_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3342);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1497);


// fleet merge (imds-check merge)
const FLEET_REMEDIES = {
    fleet_report_invalid: 'A file the merge was given does not count as a machine report of imds-check (not JSON, not schemaVersion 1, no GUID machine.vmId, no reachability check, a startedAt later than the merge, a field or file larger than any report, or unreadable). Make each machine upload only its report file, and point the merge at those files; the row names the file and why. A machine that IMDS never answered has no vmId: fix its failing check, listed on the same row.',
    fleet_machine_missing: 'Fewer machines left a report than expected. A matrix leg whose runner was offline, or a deployment that did not reach a machine, leaves none: find the leg without an uploaded report and run it again, or lower expected when the fleet shrank.',
    fleet_no_reports: 'No report file matched. Check that every machine uploads its report and that the merge downloads them to the folder or pattern it reads (reports input or PATH arguments).',
    fleet_vmid_conflict: "Reports of the same vmId came from more than one leg folder, so one leg may speak for another machine. Give each leg its own artifact (one folder each) holding only its own report, download only the latest attempt of each leg, and check the leg folders the row names: a report in a folder that is not its machine's own is forged or misplaced.",
    fleet_too_many_machines: 'More machines reported than expected says, so some rows are not machines of this fleet (stray or planted reports, or the fleet grew). Find the rows you do not know in the fleet report, remove their files or raise expected to the real fleet size.',
    fleet_scan_incomplete: "The merge stopped searching for reports at a limit (100,000 files, or folders 64 levels deep) or at a folder it may not read, so a report may not have been read. Point the merge at the report folders only (reports input or PATH arguments), merge fewer reports at a time, and give the merge's user read access to the folders the message names.",
};
/** The fixes of every check's codes and the fleet's; the engine's are looked up below. */
const OWNED = Object.assign(Object.create(null), ..._registry_js__WEBPACK_IMPORTED_MODULE_1__/* .CHECKS */ .u.map((check) => check.remedies ?? {}), FLEET_REMEDIES);
function remedyFor(code, ctx) {
    return (0,_pipeline_remedy_lookup_js__WEBPACK_IMPORTED_MODULE_0__/* .remedyFor */ .wJ)(code, ctx, OWNED);
}


/***/ }),

/***/ 9649:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _q: () => (/* binding */ linkFor)
/* harmony export */ });
/* unused harmony exports statusWord, needsAttention, modeText, outcomeText, wholeMs, durationText, attemptCount, countByStatus, countsText, machineFacts, requestedIdentityFacts, tokenClaimFacts, CLAIMS_CAVEAT, waitsText */
// Words and fact lists shared by the text, Markdown and JUnit renderers, so all three describe a report
// the same way. Everything returned here is already safe plain text (see neutralise.ts); each renderer only
// adds the escaping its format needs.

const STATUS_WORDS = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };
/** PASS / WARN / FAIL / SKIP; an unexpected status is shown as itself rather than hidden. */
function statusWord(status) {
    return Object.hasOwn(STATUS_WORDS, status)
        ? STATUS_WORDS[status]
        : neutralise(status).toUpperCase();
}
function needsAttention(check) {
    return check.status === 'warn' || check.status === 'fail';
}
const SIGNAL_WORDS = {
    'identity-endpoint-env': 'IDENTITY_ENDPOINT and IMDS_ENDPOINT are set',
    'himds-agent-installed': 'the Arc agent (himds) is installed',
    'default-vm': 'no Arc signal found',
};
/** "vm (requested)" or "arc (auto: IDENTITY_ENDPOINT and IMDS_ENDPOINT are set)". */
function modeText(mode) {
    const resolved = neutralise(mode.resolved);
    if (mode.signal === 'requested' || mode.requested !== 'auto')
        return `${resolved} (requested)`;
    const why = Object.hasOwn(SIGNAL_WORDS, mode.signal) ? SIGNAL_WORDS[mode.signal] : neutralise(mode.signal);
    return `${resolved} (auto: ${why})`;
}
/** "HTTP 200" when an HTTP answer came back, else the outcome word ("timeout", "skipped"), else "-". */
function outcomeText(check) {
    const status = check.httpStatus;
    if (typeof status === 'number' && Number.isFinite(status))
        return `HTTP ${status}`;
    const outcome = neutralise(check.outcome);
    if (/^\d{3}$/.test(outcome))
        return `HTTP ${outcome}`;
    // The engine gives a check that sent nothing (environment) the outcome "skipped"; only skipped checks say so.
    if (outcome === '' || (outcome === 'skipped' && check.status !== 'skip'))
        return '-';
    return outcome;
}
/** Whole milliseconds; a missing or negative value shows as 0 rather than NaN. */
function wholeMs(ms) {
    return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : 0;
}
/** "850 ms" below a second, "12.3 s" above. */
function durationText(ms) {
    const whole = wholeMs(ms);
    return whole < 1000 ? `${whole} ms` : `${(whole / 1000).toFixed(1)} s`;
}
function attemptCount(check) {
    return Number.isFinite(check.attempts) && check.attempts > 1 ? Math.floor(check.attempts) : 1;
}
function countByStatus(checks) {
    const counts = { pass: 0, warn: 0, fail: 0, skip: 0 };
    for (const c of checks)
        if (Object.hasOwn(counts, c.status))
            counts[c.status] += 1;
    return counts;
}
/** "2 pass, 1 warn, 1 skip": only the statuses that occur. */
function countsText(checks) {
    const counts = countByStatus(checks);
    const parts = Object.keys(counts)
        .filter((s) => counts[s] > 0)
        .map((s) => `${counts[s]} ${s}`);
    return parts.length > 0 ? parts.join(', ') : 'no checks';
}
function nonEmpty(rows) {
    return rows.map(([label, value]) => ({ label, value: neutralise(value) })).filter((f) => f.value !== '');
}
/** Identifying facts from the instance document; subscription and resource group are inside the resource id. */
function machineFacts(m) {
    return nonEmpty([
        ['VM id', m.vmId],
        ['Name', m.name],
        ['Resource id', m.resourceId],
        ['Location', m.location],
        ['Azure environment', m.azEnvironment],
        ['VM size', m.vmSize],
        ['OS type', m.osType],
    ]);
}
/** What was asked for: the identity kind and its selector. */
function requestedIdentityFacts(id) {
    return nonEmpty([
        ['Kind', id.kind],
        ['Selector', id.selector],
    ]);
}
/** Claims read from the token payload without verifying it; shown as information only. */
function tokenClaimFacts(id) {
    return nonEmpty([
        ['Principal id (oid)', id.principalId],
        ['Tenant id (tid)', id.tenantId],
        ['App id (appid/azp)', id.appId],
        ['Audience (aud)', id.audience],
        ['Expires on', id.expiresOn],
    ]);
}
const CLAIMS_CAVEAT = 'from the token, not verified';
/** A code is linked only when it has the shape of one, so a forged report cannot shape the link. */
function linkFor(codeLink, code) {
    return codeLink && /^[a-z0-9_]+$/.test(code) ? codeLink(code) : null;
}
/** "Waited 62 s: metadata HTTP 410 (IMDS updating) ×6 (60 s)"; '' when the run never waited. */
function waitsText(waits) {
    const list = (waits ?? []).filter((w) => Number.isFinite(w.ms) && w.ms > 0);
    if (list.length === 0)
        return '';
    const total = list.reduce((sum, w) => sum + w.ms, 0);
    const parts = list.map((w) => `${neutralise(w.check)} ${neutralise(w.reason)} ×${Math.max(1, Math.floor(w.waits))} (${durationText(w.ms)})`);
    return `Waited ${durationText(total)} before retries: ${parts.join('; ')}.`;
}


/***/ }),

/***/ 3007:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bC: () => (/* binding */ mdText),
/* harmony export */   xs: () => (/* binding */ mdCode)
/* harmony export */ });
/* unused harmony export htmlCode */
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8453);
// Escaping for untrusted values placed in Markdown (GitHub step summary, Azure DevOps summary tab). Neither
// platform escapes summary content, so a value must not be able to open HTML, break a table row, start a
// code span, or form a link or image. Character references are never parsed as Markdown structure, so
// writing the structural characters as references makes them literal text.

const REFERENCES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '|': '&#124;',
    '`': '&#96;',
    '[': '&#91;',
    ']': '&#93;',
    '\\': '&#92;',
    '*': '&#42;',
    _: '&#95;',
    '~': '&#126;',
    '@': '&#64;',
    '#': '&#35;',
};
const STRUCTURAL = /[&<>"'|`[\]\\*_~@#]/g;
/**
 * One untrusted value as inert Markdown/HTML text: one line, clipped, structural characters as references,
 * and bare URLs ("http://", "www.") broken up so GitHub's autolinker does not turn them into links.
 */
function mdText(value) {
    return (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)(value)
        .replace(STRUCTURAL, (ch) => REFERENCES[ch] ?? ch)
        .replace(/:\/\//g, ':&#47;&#47;')
        .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#46;`);
}
/** A stable code as a code span when it has the expected shape; otherwise as escaped text. */
function mdCode(value) {
    const text = (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)(value);
    return /^[a-z0-9_]+$/i.test(text) ? `\`${text}\`` : mdText(text);
}
/** A stable code inside HTML (e.g. a <summary>, where Markdown is not parsed) as <code>, else escaped text. */
function htmlCode(value) {
    const text = neutralise(value);
    return /^[a-z0-9_]+$/i.test(text) ? `<code>${text}</code>` : mdText(text);
}


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P6: () => (/* binding */ cutToBudget),
/* harmony export */   Q0: () => (/* binding */ MAX_SUMMARY_BYTES),
/* harmony export */   lS: () => (/* binding */ joinSections)
/* harmony export */ });
/* unused harmony export renderMarkdown */
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9649);
/* harmony import */ var _markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3007);
// Markdown for the GitHub step summary and the Azure DevOps summary tab: a result heading, a table of checks,
// fact tables, and a collapsible section per warning or failure. Every report value goes through mdText().
// GitHub accepts at most 1 MiB per step summary, so the output is kept under MAX_SUMMARY_BYTES.



/** Comfortably below GitHub's 1 MiB step-summary limit, leaving room for other content of the step. */
const MAX_SUMMARY_BYTES = 900 * 1024;
const MARKERS = { pass: '✅', warn: '⚠️', fail: '❌', skip: '⏭️' };
function marker(status) {
    return Object.hasOwn(MARKERS, status) ? (MARKERS[status] ?? '') : '';
}
function statusCell(status) {
    const word = mdText(status);
    const mark = marker(status);
    return mark === '' ? word : `${mark} ${word}`;
}
function table(header, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}
function headingLines(report) {
    const result = neutralise(report.result);
    const summary = [
        `IMDS reachable: **${report.reachable ? 'yes' : 'no'}**`,
        mdText(countsText(report.checks)),
        `mode: ${mdText(modeText(report.mode))}`,
        `endpoint: ${mdText(report.endpoint) || '(default)'}`,
        `${mdText(report.tool.name)} ${mdText(report.tool.version)}`,
        mdText(durationText(report.durationMs)),
    ];
    const heading = ['##', marker(result), 'imds-check:', mdText(result)]
        .filter((part) => part !== '')
        .join(' ');
    return [heading, '', summary.join(' · ')];
}
/** The code as a code span, linked to its documentation when there is a link (built by us, never from data). */
function codeCell(code, codeLink) {
    const link = linkFor(codeLink, neutralise(code));
    return link ? `[${mdCode(code)}](${encodeURI(link)})` : mdCode(code);
}
function checksTable(checks, options) {
    const rows = checks.map((c) => [
        mdText(c.title),
        statusCell(c.status),
        `${wholeMs(c.durationMs)} ms`,
        mdText(outcomeText(c)),
        codeCell(c.code, options.codeLink),
    ]);
    return table(['Check', 'Status', 'Time', 'HTTP / outcome', 'Code'], rows);
}
/** Each check's detail tables (e.g. one row per host), under a heading naming the check. */
function detailTables(checks) {
    return checks.flatMap((c) => (c.details ?? []).flatMap((t) => [
        `### ${mdText(c.title)}: ${mdText(t.title)}`,
        '',
        ...table(t.columns.map((col) => mdText(col)), t.rows.map((row) => t.columns.map((_, i) => mdText(row[i] ?? '')))),
        '',
    ]));
}
function factTable(heading, facts, note) {
    if (facts.length === 0)
        return [];
    const lines = [
        `### ${heading}`,
        '',
        ...table(['Fact', 'Value'], facts.map((f) => [mdText(f.label), mdText(f.value)])),
    ];
    return note ? [...lines, '', note] : lines;
}
function identitySection(report) {
    const claims = tokenClaimFacts(report.identity);
    const facts = [...requestedIdentityFacts(report.identity), ...claims];
    return factTable('Identity', facts, claims.length > 0 ? `_Token claims: ${CLAIMS_CAVEAT}._` : undefined);
}
function detailBlocks(checks, options) {
    const blocks = checks.filter(needsAttention).map((c) => {
        const link = linkFor(options.codeLink, neutralise(c.code));
        return [
            `<details><summary>${marker(c.status)} ${mdText(c.title)}: ${htmlCode(c.code)}</summary>`,
            '',
            `**Message:** ${mdText(c.message) || '-'}`,
            '',
            `**Fix:** ${mdText(c.remediation) || '-'}${link ? ` ([${mdCode(c.code)}](${encodeURI(link)}))` : ''}`,
            '',
            '</details>',
        ];
    });
    return blocks.length === 0 ? [] : ['### What to fix', '', ...blocks.flatMap((b) => [...b, ''])];
}
/** Non-empty sections, each trimmed, one blank line apart, ending with a newline. */
function joinSections(sections) {
    return (sections
        .filter((s) => s.length > 0)
        .map((s) => s.join('\n').trimEnd())
        .join('\n\n') + '\n');
}
const bytes = (text) => Buffer.byteLength(text, 'utf8');
const DETAILS_DROPPED = '_Details were left out to keep this summary under the 1 MiB limit; see the JSON report._';
const CUT_NOTE = '\n\n_The summary was cut here to stay under the 1 MiB limit; see the JSON report._\n';
/** Whole lines up to the budget, then a note saying where the rest is. */
function cutToBudget(text, budget) {
    const room = budget - bytes(CUT_NOTE);
    let used = 0;
    const kept = [];
    for (const line of text.split('\n')) {
        const size = bytes(line) + 1;
        if (used + size > room)
            break;
        kept.push(line);
        used += size;
    }
    return kept.join('\n').trimEnd() + CUT_NOTE;
}
/** The report as Markdown, always below 1 MiB (normally far below; see MAX_SUMMARY_BYTES). */
function renderMarkdown(report, options = {}) {
    const waited = waitsText(report.waits);
    const base = [
        headingLines(report),
        checksTable(report.checks, options),
        waited === '' ? [] : [mdText(waited)],
        detailTables(report.checks),
        factTable('Machine', machineFacts(report.machine)),
        identitySection(report),
    ];
    const full = joinSections([...base, detailBlocks(report.checks, options)]);
    if (bytes(full) <= MAX_SUMMARY_BYTES)
        return full;
    const hasDetails = report.checks.some(needsAttention);
    const withoutDetails = joinSections([...base, hasDetails ? [DETAILS_DROPPED] : []]);
    if (bytes(withoutDetails) <= MAX_SUMMARY_BYTES)
        return withoutDetails;
    return cutToBudget(withoutDetails, MAX_SUMMARY_BYTES);
}


/***/ }),

/***/ 4137:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Du: () => (/* binding */ isHostList),
/* harmony export */   Ev: () => (/* binding */ isIsoUtc),
/* harmony export */   Gy: () => (/* binding */ isResourceId),
/* harmony export */   J6: () => (/* binding */ isWholeNumber),
/* harmony export */   W_: () => (/* binding */ isGuid),
/* harmony export */   f7: () => (/* binding */ isMachineName),
/* harmony export */   gI: () => (/* binding */ isLocation),
/* harmony export */   ky: () => (/* binding */ isJwt),
/* harmony export */   sT: () => (/* binding */ isPlausibleSecret),
/* harmony export */   sd: () => (/* binding */ isResourceGroup),
/* harmony export */   uy: () => (/* binding */ isHostName),
/* harmony export */   vp: () => (/* binding */ isKnownCloud)
/* harmony export */ });
/* harmony import */ var _clouds_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4729);
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8453);
// The documented shape of every output fed by a network value. A later pipeline step pastes outputs into
// scripts (ADO `$(probe.vmName)` is plain text substitution), so a value that does not fit its field's shape
// never becomes an output: the output is empty and the check warns, naming the field.


const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A resource name segment: letters (any script), digits, `_ . - ( )`, as ARM allows in names. */
const SEGMENT = String.raw `[\p{L}\p{N}_.()\-]+`;
const ASCII_SEGMENT = String.raw `[A-Za-z0-9_.()\-]+`;
const resourceId = (segment, flags) => new RegExp(String.raw `^/subscriptions/[0-9a-fA-F-]{36}/resource[Gg]roups/${segment}/providers/[A-Za-z0-9.]+(?:/${segment}/${segment})+$`, flags);
// Most ids are ASCII; the Unicode form costs a millisecond to compile at start-up, so it is only the fallback.
const ASCII_RESOURCE_ID = resourceId(ASCII_SEGMENT, '');
let unicodeResourceId = null;
/** VM and Arc machine names (Linux allows 64, VMSS instances add `_<n>`): no space, quote or shell character. */
const MACHINE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}$/;
/** Resource groups: up to 90 of letters, digits, `_ . - ( )`, not ending in a period. */
const ASCII_RESOURCE_GROUP = /^[A-Za-z0-9_.()-]{1,90}$/;
let unicodeResourceGroup = null;
const LOCATION = /^[A-Za-z0-9]{1,40}$/;
const CLOUDS = new Set(_clouds_js__WEBPACK_IMPORTED_MODULE_0__/* .KNOWN_CLOUDS */ .Np.map((c) => c.toLowerCase()));
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** An RFC 1123 host name with at least two labels. */
const HOST_NAME = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const isGuid = (v) => GUID.test(v);
const isResourceId = (v) => v.length <= 1024 && (ASCII_RESOURCE_ID.test(v) || (unicodeResourceId ??= resourceId(SEGMENT, 'u')).test(v));
const isMachineName = (v) => MACHINE_NAME.test(v) && !/[.-]$/.test(v);
const isResourceGroup = (v) => !v.endsWith('.') &&
    (ASCII_RESOURCE_GROUP.test(v) || (unicodeResourceGroup ??= /^[\p{L}\p{N}_.()-]{1,90}$/u).test(v));
const isLocation = (v) => LOCATION.test(v);
const isKnownCloud = (v) => CLOUDS.has(v.toLowerCase());
const isIsoUtc = (v) => ISO_UTC.test(v) && !Number.isNaN(Date.parse(v));
const isHostName = (v) => HOST_NAME.test(v);
const isHostList = (v) => v.split(',').every(isHostName);
const isWholeNumber = (v) => /^\d{1,12}$/.test(v);
/** Three base64url segments whose middle one decodes to a JSON object: the only token we accept. */
const isJwt = (v) => {
    const parts = v.split('.');
    if (parts.length !== 3 || !parts.every((p) => BASE64URL.test(p)))
        return false;
    try {
        const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        return payload !== null && typeof payload === 'object' && !Array.isArray(payload);
    }
    catch {
        return false;
    }
};
/**
 * Masking a short or spaced value would blank ordinary words across the whole job log, and registering a value
 * prints it in a mask command: only printable ASCII of 16 or more characters that the neutraliser would leave
 * as it is (no `##vso[`, `##[` or leading `::`) is ever registered.
 */
const isPlausibleSecret = (v) => /^[\x21-\x7e]{16,}$/.test(v) && (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .neutraliseLine */ .fZ)(v) === v;


/***/ }),

/***/ 3054:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AR: () => (/* binding */ isSocketWord),
/* harmony export */   KI: () => (/* binding */ EMPTY_MACHINE),
/* harmony export */   Pe: () => (/* binding */ setting),
/* harmony export */   gL: () => (/* binding */ emptyIdentity)
/* harmony export */ });
// The engine's vocabulary: the names every layer shares (check ids, codes, inputs, outputs, options), the words
// of an outcome, a verdict, and the report. Each check adds its own names to CheckTypes from its folder
// (declaration merging), so this file imports nothing and no layer needs one above it to name a check.
/** The words status outputs and outcomes use when no HTTP status came back. */
const SOCKET_WORDS = ['timeout', 'refused', 'unreachable', 'reset', 'no-response'];
const WORDS = new Set(SOCKET_WORDS);
const isSocketWord = (value) => WORDS.has(value);
/** The report's machine facts when metadata gave none. */
const EMPTY_MACHINE = {
    vmId: '',
    name: '',
    resourceId: '',
    subscriptionId: '',
    resourceGroup: '',
    location: '',
    azEnvironment: '',
    vmSize: '',
    osType: '',
};
/** The report's identity facts when no token was judged: only what was asked for. */
function emptyIdentity(kind, selector = '') {
    return {
        kind,
        selector,
        principalId: '',
        tenantId: '',
        appId: '',
        audience: '',
        expiresOn: '',
        tokenType: '',
    };
}
/** An input as the user writes it in this door, optionally with a value: `timeout-seconds: 90`, `--samples 10`. */
const setting = (ctx, name, value) => value === undefined ? ctx.spell.name(name) : ctx.spell.assignment(name, value);


/***/ }),

/***/ 2450:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  n: () => (/* binding */ runMergeStep)
});

// UNUSED EXPORTS: mergeVerdict

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/core/fleet/fleet-contract.ts
// The fleet merge's contract names: inputs and outputs of `imds-check merge`, the merge action and the
// ImdsCheckMerge task (kebab-case here and on GitHub and the CLI, camelCase on Azure DevOps).
const MERGE_INPUT_NAMES = ['reports', 'expected', 'min-pass', 'allow-codes', 'report-path'];
const MERGE_INPUT_DEFAULTS = {
    // Where actions/download-artifact puts one folder per matrix leg in the example workflow.
    reports: 'imds-check-reports/**/*.json',
    expected: '',
    'min-pass': '100%',
    'allow-codes': '',
    'report-path': '',
};
const MERGE_OUTPUT_NAMES = [
    'machines',
    'passed',
    'warned',
    'failed',
    'missing',
    'invalid',
    'result',
    'report-path',
];

// EXTERNAL MODULE: ./src/core/codes.ts
var core_codes = __nccwpck_require__(7265);
;// CONCATENATED MODULE: ./src/core/fleet/fleet-options.ts
// Raw merge inputs → MergePolicy and the report path. Errors name the input as the front door spells it and
// say what is accepted; the value is shown escaped and clipped, so a message stays one line.


/** The most machines a merge takes; far above any fleet a pipeline fans out to. */
const MAX_EXPECTED = 100_000;
/** Codes that describe the merge itself; letting them through would defeat `expected` and the report checks. */
const NOT_ALLOWABLE = new Set(['ok', 'skipped', ...core_codes/* FLEET_CODES */.q5]);
class Bad extends Error {
    input;
    detail;
    constructor(input, detail) {
        super(detail);
        this.input = input;
        this.detail = detail;
    }
}
function shown(value) {
    const clipped = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    return JSON.stringify(clipped).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
function expected(value) {
    if (value === '')
        return null;
    const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
    if (!(n >= 1 && n <= MAX_EXPECTED))
        throw new Bad('expected', `got ${shown(value)}; expected a whole number from 1 to ${MAX_EXPECTED}, or empty`);
    return n;
}
/** `N` machines or `N%` (up to two decimals), kept as whole basis points so the comparison is exact. */
function minPass(value) {
    const text = value === '' ? MERGE_INPUT_DEFAULTS['min-pass'] : value;
    const share = /^(\d{1,3})(?:\.(\d{1,2}))?%$/.exec(text);
    if (share) {
        const basisPoints = Number(share[1]) * 100 + Number((share[2] ?? '').padEnd(2, '0'));
        if (basisPoints <= 10_000)
            return { kind: 'percent', value: basisPoints, text };
    }
    else if (/^\d{1,6}$/.test(text) && Number(text) <= MAX_EXPECTED) {
        return { kind: 'count', value: Number(text), text };
    }
    throw new Bad('min-pass', `got ${shown(value)}; expected a share from 0% to 100% (e.g. 95%) or a number of machines (e.g. 48)`);
}
function allowCodes(value) {
    const codes = [...new Set(value.split(/[\s,]+/).filter((c) => c !== ''))];
    for (const code of codes) {
        if (!(0,core_codes/* isCode */._m)(code))
            throw new Bad('allow-codes', `got ${shown(code)}; expected codes from docs/errors.md, comma separated`);
        if (NOT_ALLOWABLE.has(code))
            throw new Bad('allow-codes', `${code} cannot be allowed; it describes the merge, not a machine's check`);
    }
    return codes;
}
function reports(value) {
    const text = value.trim() === '' ? MERGE_INPUT_DEFAULTS.reports : value;
    return [...new Set(text.split(/\r?\n/).map((line) => line.trim()))].filter((line) => line !== '');
}
function parseMergeOptions(raw, spell) {
    const get = (name) => (raw[name] ?? '').trim();
    try {
        return {
            ok: true,
            options: {
                policy: {
                    expected: expected(get('expected')),
                    minPass: minPass(get('min-pass')),
                    allowCodes: allowCodes(get('allow-codes')),
                },
                reports: reports(raw.reports ?? ''),
                reportPath: get('report-path'),
            },
        };
    }
    catch (err) {
        if (!(err instanceof Bad))
            throw err;
        const message = `Invalid input '${spell(err.input)}': ${err.detail}`;
        return { ok: false, error: { code: 'invalid_input', input: err.input, message } };
    }
}

// EXTERNAL MODULE: ./src/core/neutralise.ts
var neutralise = __nccwpck_require__(8453);
;// CONCATENATED MODULE: ./src/core/fleet/parse-report.ts
// One single-machine report (the text of a JSON file) → a fleet row, or an `invalid` row saying why in our
// own words. Nothing from the file is trusted: each field is type-checked, a field longer than any real report
// has makes the file invalid, strings are clipped into copies of their own so a report cannot make the merge
// hold more than a few hundred bytes per field, and only our words explain. The integrity rules (DESIGN.md
// 3.3): schemaVersion 1, a GUID machine.vmId, a startedAt no later than the merge time plus 5 minutes, and the
// reachability check present.

/** Characters kept of any string from a report; renderers clip further. */
const MAX_FIELD_CHARS = 512;
/** A field read from a report longer than this makes the file invalid: no real report comes close. */
const MAX_FIELD_INPUT_CHARS = 4096;
/** Checks a report may list; a real one has at most nine. */
const MAX_CHECKS = 32;
/** How far past the merge time a report may say it started (clocks of machines differ a little). */
const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** As the engine writes it (toISOString), or with seconds only, or an offset. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;
const RESULTS = ['pass', 'warn', 'fail'];
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A clipped string as one of its own: a slice would keep the whole parsed value alive as long as the row. */
const ownCopy = (value) => value.split('').join('');
function parse_report_text(value) {
    if (typeof value !== 'string')
        return '';
    return value.length > MAX_FIELD_CHARS ? ownCopy((0,neutralise/* clip */.$Q)(value, MAX_FIELD_CHARS)) : value;
}
function field(object, name) {
    return isObject(object) && Object.hasOwn(object, name) ? parse_report_text(object[name]) : '';
}
/** A row with no facts yet: the start of an invalid, missing or parsed row. */
function blankRow(source) {
    return {
        name: '',
        vmId: '',
        resourceId: '',
        location: '',
        mode: '',
        osType: '',
        result: 'invalid',
        allowed: false,
        failing: [],
        warnings: [],
        source,
        startedAt: '',
        reason: '',
    };
}
const INVALID = { check: 'report', code: 'fleet_report_invalid' };
function invalid(row, reason) {
    const failing = [INVALID, ...row.failing].slice(0, MAX_CHECKS);
    const parsed = { ...row, result: 'invalid', allowed: false, failing, reason };
    return { row: parsed, key: `file:${row.source}`, startedMs: Number.NEGATIVE_INFINITY };
}
/** A file that cannot count as a machine's report; it still counts as a machine that failed. */
function invalidRow(source, reason) {
    return invalid(blankRow(source), reason);
}
function checksWith(checks, status) {
    return checks
        .filter((c) => isObject(c) && c['status'] === status)
        .map((c) => ({ check: field(c, 'id'), code: field(c, 'code') }));
}
/** The worse of the stated result and what the checks say, so an edited `result` cannot hide a failure. */
function resultOf(stated, failing, warnings) {
    if (stated === 'fail' || failing.length > 0)
        return 'fail';
    if (stated === 'warn' || warnings.length > 0)
        return 'warn';
    return 'pass';
}
/** Every string the merge reads from a report, by the name a reason gives it. */
function fieldsRead(doc) {
    const machine = isObject(doc['machine']) ? doc['machine'] : {};
    const mode = isObject(doc['mode']) ? doc['mode'] : {};
    const own = (object, name) => (Object.hasOwn(object, name) ? object[name] : '');
    const fields = [
        ['startedAt', own(doc, 'startedAt')],
        ['mode.resolved', own(mode, 'resolved')],
        ...['vmId', 'name', 'resourceId', 'location', 'osType'].map((name) => [
            `machine.${name}`,
            own(machine, name),
        ]),
    ];
    for (const c of doc['checks'])
        if (isObject(c))
            for (const name of ['id', 'status', 'code'])
                fields.push([`a check's ${name}`, own(c, name)]);
    return fields;
}
/** Why the document cannot be read as a report at all; '' when it can. */
function shapeProblem(doc) {
    if (!isObject(doc))
        return 'not a JSON object';
    if (doc['kind'] === 'fleet')
        return 'a fleet report, not a machine report';
    if (doc['schemaVersion'] !== 1)
        return 'schemaVersion is not 1';
    if (!Array.isArray(doc['checks']))
        return 'no checks list';
    if (doc['checks'].length > MAX_CHECKS)
        return `more than ${MAX_CHECKS} checks`;
    if (!RESULTS.includes(doc['result']))
        return 'result is not pass, warn or fail';
    for (const [name, value] of fieldsRead(doc))
        if (typeof value === 'string' && value.length > MAX_FIELD_INPUT_CHARS)
            return `${name} is longer than ${MAX_FIELD_INPUT_CHARS} characters`;
    return '';
}
/** Why a readable report does not count (the integrity rules); '' when it does. */
function integrityProblem(row, checks, startedMs, mergeTimeMs) {
    if (!checks.some((c) => isObject(c) && c['id'] === 'reachability'))
        return 'no reachability check';
    if (!Number.isFinite(startedMs))
        return 'startedAt is missing or not an ISO 8601 time';
    if (startedMs > mergeTimeMs + MAX_CLOCK_AHEAD_MS)
        return 'startedAt is later than the merge time plus 5 minutes';
    if (row.vmId === '')
        return 'machine.vmId is empty: IMDS named no machine; see its failing checks';
    if (!GUID.test(row.vmId))
        return 'machine.vmId is not a GUID';
    return '';
}
/** `mergeTimeMs`: when this merge started; a report may not claim to have started more than 5 minutes later. */
function parseMachineReport(content, source, mergeTimeMs) {
    let doc;
    try {
        // A byte-order mark (an editor on Windows) is not part of the JSON text.
        doc = JSON.parse(content.startsWith('\ufeff') ? content.slice(1) : content);
    }
    catch {
        // The parser's message quotes the file; ours does not.
        return invalidRow(source, 'not valid JSON');
    }
    const why = shapeProblem(doc);
    if (why !== '')
        return invalidRow(source, why);
    const report = doc;
    const checks = report['checks'];
    const machine = report['machine'];
    const failing = checksWith(checks, 'fail');
    const warnings = checksWith(checks, 'warn');
    const resolved = field(report['mode'], 'resolved');
    const startedAt = field(report, 'startedAt');
    const startedMs = ISO_TIME.test(startedAt) ? Date.parse(startedAt) : Number.NaN;
    const row = {
        ...blankRow(source),
        name: field(machine, 'name'),
        vmId: field(machine, 'vmId'),
        resourceId: field(machine, 'resourceId'),
        location: field(machine, 'location'),
        mode: resolved === 'vm' || resolved === 'arc' ? resolved : '',
        osType: field(machine, 'osType'),
        result: resultOf(report['result'], failing, warnings),
        failing,
        warnings,
        startedAt,
    };
    const problem = integrityProblem(row, checks, startedMs, mergeTimeMs);
    // The facts and failing checks stay on the row: they say which machine the file claims to be, and why.
    if (problem !== '')
        return invalid(row, problem);
    return { row, key: `vm:${row.vmId.toLowerCase()}`, startedMs };
}

;// CONCATENATED MODULE: ./src/core/fleet/merge-rows.ts
// The merge: one row per machine, invalid files as failed rows, machines short of `expected` as missing rows,
// allow-codes, and the verdict. The newest report of a vmId supersedes older ones only inside one leg folder
// (the folder that holds the file; older ones are listed as superseded); a vmId reported from two leg folders is
// a conflict row that fails the gate, as do more machines than expected and a scan that stopped at a limit
// (DESIGN.md 3.3). Reports are added one at a time, so the caller never holds more than one file's text.

/** Code-unit order: the same on every machine, whatever its locale. */
const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Newer start wins; on a tie the later file name, so the outcome never depends on read order. */
function isNewer(a, b) {
    if (a.startedMs !== b.startedMs)
        return a.startedMs > b.startedMs;
    return a.row.source > b.row.source;
}
/** The leg folder of a report: the folder part of its source (`/` separated, as the glob shows it). */
const legFolder = (source) => source.slice(0, Math.max(0, source.lastIndexOf('/')));
/** The gate's view of a row: a let-through failure and a warning both count as warned. */
function gateOf(row) {
    if (row.result === 'pass')
        return 'passed';
    if (row.result === 'warn' || (row.result === 'fail' && row.allowed))
        return 'warned';
    return 'failed';
}
/** Reports of one vmId named in a conflict row before "and N more". */
const CONFLICT_NAMES = 5;
/** One vmId from several leg folders: one failed row (a machine, not several), naming every report. */
function conflictRow(reports) {
    const sorted = [...reports].sort((a, b) => order(a.row.source, b.row.source));
    const first = sorted[0].row;
    const failing = [{ check: 'report', code: 'fleet_vmid_conflict' }];
    for (const { row } of sorted)
        for (const c of row.failing)
            if (failing.length < MAX_CHECKS && !failing.some((f) => f.code === c.code))
                failing.push(c);
    const named = sorted.slice(0, CONFLICT_NAMES).map(({ row }) => `${row.source} (${row.result})`);
    const more = sorted.length > CONFLICT_NAMES ? ` and ${sorted.length - CONFLICT_NAMES} more` : '';
    const row = {
        ...first,
        result: 'conflict',
        allowed: false,
        failing,
        warnings: [],
        reason: `the same vmId from ${sorted.length} leg folders: ${named.join(', ')}${more}`,
    };
    const conflict = {
        vmId: first.vmId,
        reports: sorted.map(({ row: r }) => ({
            source: r.source,
            name: r.name,
            result: r.result,
            startedAt: r.startedAt,
        })),
    };
    return { row, conflict };
}
function missingRow(n) {
    return {
        ...blankRow(''),
        result: 'missing',
        failing: [{ check: 'expected', code: 'fleet_machine_missing' }],
        reason: `machine ${n} of the expected count left no report`,
    };
}
function countRows(rows, superseded) {
    const counts = {
        machines: rows.length,
        passed: 0,
        warned: 0,
        failed: 0,
        missing: 0,
        invalid: 0,
        conflicts: 0,
        superseded,
    };
    for (const row of rows) {
        counts[gateOf(row)] += 1;
        if (row.result === 'missing')
            counts.missing += 1;
        if (row.result === 'invalid')
            counts.invalid += 1;
        if (row.result === 'conflict')
            counts.conflicts += 1;
    }
    return counts;
}
function countCodes(rows) {
    const byCode = new Map();
    const bump = (code, key) => {
        const entry = byCode.get(code) ?? { code, failed: 0, allowed: 0, warned: 0 };
        entry[key] += 1;
        byCode.set(code, entry);
    };
    for (const row of rows) {
        const failKey = row.allowed ? 'allowed' : 'failed';
        for (const code of new Set(row.failing.map((c) => c.code)))
            bump(code, failKey);
        for (const code of new Set(row.warnings.map((c) => c.code)))
            bump(code, 'warned');
    }
    return [...byCode.values()].sort((a, b) => b.failed - a.failed || b.allowed - a.allowed || b.warned - a.warned || order(a.code, b.code));
}
function countLocations(rows) {
    const byLocation = new Map();
    for (const row of rows) {
        const entry = byLocation.get(row.location) ?? {
            location: row.location,
            machines: 0,
            passed: 0,
            warned: 0,
            failed: 0,
        };
        entry.machines += 1;
        entry[gateOf(row)] += 1;
        byLocation.set(row.location, entry);
    }
    // Busiest first; machines without a location (nothing answered, missing, invalid) last among equals.
    return [...byLocation.values()].sort((a, b) => b.machines - a.machines || order(a.location || '\uffff', b.location || '\uffff'));
}
/**
 * How many machines must pass: N, or the share rounded up (exact, in basis points) of `expected` when given
 * (rows beyond it are never part of the base), else of all machines.
 */
function requiredToPass(policy, machines) {
    if (policy.minPass.kind === 'count')
        return policy.minPass.value;
    return Math.ceil((policy.minPass.value * (policy.expected ?? machines)) / 10_000);
}
/** By name (unnamed machines last), then vmId and file. */
const byDisplayOrder = (a, b) => order(a.name || '\uffff', b.name || '\uffff') || order(a.vmId, b.vmId) || order(a.source, b.source);
function gateFailures(policy, reported, conflicts, scanStops) {
    const failures = [];
    if (conflicts.length > 0)
        failures.push({
            code: 'fleet_vmid_conflict',
            detail: `${conflicts.length === 1 ? '1 vmId was' : `${conflicts.length} vmIds were`} reported from more than one leg folder`,
        });
    if (policy.expected !== null && reported > policy.expected)
        failures.push({
            code: 'fleet_too_many_machines',
            detail: `${reported} machines reported, ${policy.expected} expected`,
        });
    for (const detail of new Set(scanStops))
        failures.push({ code: 'fleet_scan_incomplete', detail });
    return failures;
}
function createFleet() {
    /** Per machine key, the newest report of each leg folder. */
    const machines = new Map();
    const superseded = [];
    const scanStops = [];
    const retire = (old, by) => {
        const { vmId, name, source, startedAt } = old.row;
        superseded.push({ vmId, name, source, startedAt, supersededBy: by.row.source });
    };
    return {
        add(parsed) {
            const folders = machines.get(parsed.key) ?? new Map();
            machines.set(parsed.key, folders);
            const folder = legFolder(parsed.row.source);
            const current = folders.get(folder);
            if (current === undefined)
                folders.set(folder, parsed);
            else if (isNewer(parsed, current)) {
                retire(current, parsed);
                folders.set(folder, parsed);
            }
            else
                retire(parsed, current);
        },
        scanStopped(detail) {
            scanStops.push(detail);
        },
        finish(policy, meta) {
            const allowed = new Set(policy.allowCodes);
            const conflicts = [];
            const rows = [];
            for (const folders of machines.values()) {
                if (folders.size > 1) {
                    const { row, conflict } = conflictRow([...folders.values()]);
                    conflicts.push(conflict);
                    rows.push(row);
                    continue;
                }
                const { row } = [...folders.values()][0];
                const letThrough = row.result === 'fail' && row.failing.length > 0 && row.failing.every((c) => allowed.has(c.code));
                rows.push({ ...row, allowed: letThrough });
            }
            rows.sort(byDisplayOrder);
            conflicts.sort((a, b) => order(a.vmId.toLowerCase(), b.vmId.toLowerCase()));
            const reported = rows.length;
            for (let n = rows.length + 1; policy.expected !== null && n <= policy.expected; n++)
                rows.push(missingRow(n));
            const counts = countRows(rows, superseded.length);
            const required = requiredToPass(policy, counts.machines);
            const failures = gateFailures(policy, reported, conflicts, scanStops);
            // No machine at all is never a pass: a wrong pattern must not open the gate.
            const pass = counts.machines > 0 && counts.passed + counts.warned >= required && failures.length === 0;
            superseded.sort((a, b) => order(a.source, b.source));
            return {
                kind: 'fleet',
                schemaVersion: 1,
                tool: { name: 'imds-check', version: meta.toolVersion },
                generatedAt: meta.generatedAt,
                result: pass ? 'pass' : 'fail',
                gateFailures: failures,
                policy: {
                    expected: policy.expected,
                    minPass: policy.minPass.text,
                    allowCodes: [...policy.allowCodes],
                    required,
                },
                counts,
                codes: countCodes(rows),
                locations: countLocations(rows),
                machines: rows,
                superseded,
                conflicts,
            };
        },
    };
}

// EXTERNAL MODULE: ./src/core/imds/protocol.ts
var protocol = __nccwpck_require__(7743);
// EXTERNAL MODULE: ./src/core/pipeline/remedy-lookup.ts + 1 modules
var remedy_lookup = __nccwpck_require__(3342);
// EXTERNAL MODULE: ./src/core/modes/target.ts + 4 modules
var target = __nccwpck_require__(2638);
// EXTERNAL MODULE: ./src/core/remedies.ts
var remedies = __nccwpck_require__(5591);
;// CONCATENATED MODULE: ./src/core/fleet/fixes.ts
// The fix for a code, as the single-machine report would give it: always from remedies.ts (with the mode
// profile and platform of the machines concerned), never from the report files, which anyone could forge.





const UNKNOWN_FIX = 'This version of imds-check does not know this code; read the machine report for the message and fix.';
function where(row) {
    return {
        mode: row.mode === 'arc' ? 'arc' : 'vm',
        platform: /^windows$/i.test(row.osType.trim()) ? 'win32' : 'linux',
    };
}
function labelOf(mode, platform) {
    return `${mode === 'arc' ? 'Azure Arc' : 'Azure VM'}, ${platform === 'win32' ? 'Windows' : 'Linux'}`;
}
/**
 * The distinct fixes for `code` over the machines that have it (usually one). `spell` is how the merge's
 * front door writes the check's inputs, which is how the machines' own step wrote them too.
 */
function fixesFor(code, rows, spell) {
    if (!(0,core_codes/* isCode */._m)(code))
        return [{ label: '', text: UNKNOWN_FIX }];
    const byText = new Map();
    const seen = new Set();
    // A code without machines (fleet_no_reports) still has its fix.
    for (const row of rows.length > 0 ? rows : [undefined]) {
        const { mode, platform } = row ? where(row) : { mode: 'vm', platform: 'linux' };
        if (seen.has(`${mode}/${platform}`))
            continue;
        seen.add(`${mode}/${platform}`);
        // A report's endpoint is forgeable text: the fix names the mode's own endpoint.
        const endpoint = (0,remedy_lookup/* endpointFacts */.v6)(mode === 'arc' ? protocol/* HIMDS_BASE */.I9 : protocol/* IMDS_BASE */.aP);
        const text = (0,remedies/* remedyFor */.w)(code, { profile: target/* PROFILES */.jI[mode], platform, spell, endpoint });
        byText.set(text, [...(byText.get(text) ?? []), labelOf(mode, platform)]);
    }
    const fixes = [...byText].map(([text, labels]) => ({ label: labels.join('; '), text }));
    return fixes.length === 1 ? [{ label: '', text: fixes[0].text }] : fixes;
}

;// CONCATENATED MODULE: ./src/core/fleet/fleet-json.ts
// The fleet report as JSON. Fields are copied one by one, so nothing attached to the objects that the types
// do not name can reach the file; values stay equal as data but are written by safeJson, so no line a
// pipeline reads carries a command or a control character.

const checks = (list) => list.map((c) => ({ check: c.check, code: c.code }));
function copyRow(r) {
    return {
        name: r.name,
        vmId: r.vmId,
        resourceId: r.resourceId,
        location: r.location,
        mode: r.mode,
        osType: r.osType,
        result: r.result,
        allowed: r.allowed,
        failing: checks(r.failing),
        warnings: checks(r.warnings),
        source: r.source,
        startedAt: r.startedAt,
        reason: r.reason,
    };
}
function copyFleetReport(r) {
    const c = r.counts;
    return {
        kind: r.kind,
        schemaVersion: r.schemaVersion,
        tool: { name: r.tool.name, version: r.tool.version },
        generatedAt: r.generatedAt,
        result: r.result,
        gateFailures: r.gateFailures.map((g) => ({ code: g.code, detail: g.detail })),
        policy: {
            expected: r.policy.expected,
            minPass: r.policy.minPass,
            allowCodes: [...r.policy.allowCodes],
            required: r.policy.required,
        },
        counts: {
            machines: c.machines,
            passed: c.passed,
            warned: c.warned,
            failed: c.failed,
            missing: c.missing,
            invalid: c.invalid,
            conflicts: c.conflicts,
            superseded: c.superseded,
        },
        codes: r.codes.map((x) => ({ code: x.code, failed: x.failed, allowed: x.allowed, warned: x.warned })),
        locations: r.locations.map((l) => ({
            location: l.location,
            machines: l.machines,
            passed: l.passed,
            warned: l.warned,
            failed: l.failed,
        })),
        machines: r.machines.map(copyRow),
        superseded: r.superseded.map((s) => ({
            vmId: s.vmId,
            name: s.name,
            source: s.source,
            startedAt: s.startedAt,
            supersededBy: s.supersededBy,
        })),
        conflicts: r.conflicts.map((x) => ({
            vmId: x.vmId,
            reports: x.reports.map((p) => ({
                source: p.source,
                name: p.name,
                result: p.result,
                startedAt: p.startedAt,
            })),
        })),
    };
}
/** Pretty JSON (2 spaces) with a trailing newline. */
function renderFleetJson(report) {
    return (0,neutralise/* safeJson */.oi)(copyFleetReport(report)) + '\n';
}

// EXTERNAL MODULE: ./src/core/render/format.ts
var format = __nccwpck_require__(9649);
// EXTERNAL MODULE: ./src/core/render/markdown.ts
var markdown = __nccwpck_require__(7715);
// EXTERNAL MODULE: ./src/core/render/markdown-escape.ts
var markdown_escape = __nccwpck_require__(3007);
;// CONCATENATED MODULE: ./src/core/fleet/words.ts
// Words and groupings shared by the fleet's text and Markdown renderers, so both describe a merge the same
// way. Returned strings hold only numbers and our own words; report values are escaped by each renderer.

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Machines that fail the gate, once per failing code (a machine with two codes is in two groups). */
function failingGroups(report) {
    const groups = new Map();
    for (const row of report.machines) {
        if (gateOf(row) !== 'failed')
            continue;
        const checks = row.failing.length > 0 ? row.failing : [{ check: '', code: '' }];
        const seen = new Set();
        for (const { check, code } of checks) {
            if (seen.has(code))
                continue;
            seen.add(code);
            const group = groups.get(code) ?? { code, entries: [] };
            group.entries.push({ row, check });
            groups.set(code, group);
        }
    }
    return [...groups.values()].sort((a, b) => b.entries.length - a.entries.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
/** Passed and warned machines (warnings and let-through failures), in report order. */
function passingRows(report) {
    return report.machines.filter((row) => gateOf(row) !== 'failed');
}
/** "12 machines: 9 passed, 1 warned, 2 failed (1 invalid, 1 missing)". */
function countsText(report) {
    const c = report.counts;
    const parts = [`${c.passed} passed`, `${c.warned} warned`, `${c.failed} failed`];
    const why = [
        c.invalid > 0 ? `${c.invalid} invalid` : '',
        c.missing > 0 ? `${c.missing} missing` : '',
        c.conflicts > 0 ? `${c.conflicts} conflicting` : '',
    ]
        .filter((s) => s !== '')
        .join(', ');
    return `${plural(c.machines, 'machine')}: ${parts.join(', ')}${why ? ` (${why})` : ''}`;
}
/** The gate failures' codes, each once, in report order: "fleet_vmid_conflict, fleet_scan_incomplete". */
const gateCodes = (report) => [
    ...new Set(report.gateFailures.map((g) => g.code)),
];
/**
 * "10 of 12 machines pass, 12 needed (min-pass 100%, expected 12)", and what closes the gate whatever the
 * count says: "; the gate fails: fleet_too_many_machines".
 */
function verdictText(report) {
    const c = report.counts;
    const closed = gateCodes(report);
    const gate = closed.length > 0 ? `; the gate fails: ${closed.join(', ')}` : '';
    if (c.machines === 0)
        return `no report was found, so the gate stays closed${gate}`;
    const policy = [`min-pass ${report.policy.minPass}`];
    if (report.policy.expected !== null)
        policy.push(`expected ${report.policy.expected}`);
    if (report.policy.allowCodes.length > 0)
        policy.push(`allowed: ${report.policy.allowCodes.join(', ')}`);
    return `${c.passed + c.warned} of ${plural(c.machines, 'machine')} pass, ${report.policy.required} needed (${policy.join(', ')})${gate}`;
}
function supersededText(report) {
    const n = report.counts.superseded;
    return n === 0 ? '' : `${plural(n, 'older report')} superseded by a newer one of the same machine`;
}
/** pass, warn, fail (allowed), invalid, missing, conflict. */
function resultWord(row) {
    return row.result === 'fail' && row.allowed ? 'fail (allowed)' : row.result;
}
/** The codes of a passing row worth showing: warnings, and failures let through. */
function rowCodes(row) {
    return [...new Set([...row.failing, ...row.warnings].map((c) => c.code))];
}
const machinesText = (n) => plural(n, 'machine');

;// CONCATENATED MODULE: ./src/core/fleet/fleet-markdown.ts
// The fleet summary (GitHub step summary, Azure DevOps summary tab, `merge --markdown`): totals first, then
// the failing machines grouped by code with each code's fix once, counts per code and location, then the
// passing machines collapsed. Every report value goes through mdText()/mdCode(); fixes come from
// remedies.ts. Large fleets keep the summary under the 1 MiB limit by listing fewer rows, then cutting.





const ALL = { perCode: Infinity, passing: Infinity, superseded: Infinity };
const FEWER = { perCode: 200, passing: 1000, superseded: 200 };
const FEWEST = { perCode: 20, passing: 0, superseded: 0 };
const table = (header, rows) => {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)];
};
const more = (shown, total) => total > shown ? ['', `_… and ${total - shown} more; the JSON report lists them all._`] : [];
const cell = (value, empty = '-') => (0,markdown_escape/* mdText */.bC)(value) || empty;
function codeRef(code, codeLink) {
    const link = (0,format/* linkFor */._q)(codeLink, code);
    return link ? `[${(0,markdown_escape/* mdCode */.xs)(code)}](${encodeURI(link)})` : (0,markdown_escape/* mdCode */.xs)(code) || '(no code)';
}
function heading(report) {
    const mark = report.result === 'pass' ? '✅' : '❌';
    const facts = [`**${(0,markdown_escape/* mdText */.bC)(verdictText(report))}**`, (0,markdown_escape/* mdText */.bC)(countsText(report))];
    const superseded = supersededText(report);
    if (superseded)
        facts.push((0,markdown_escape/* mdText */.bC)(superseded));
    facts.push(`${(0,markdown_escape/* mdText */.bC)(report.tool.name)} ${(0,markdown_escape/* mdText */.bC)(report.tool.version)}`);
    const c = report.counts;
    // The conflicting column only when there are some, so the common table stays as narrow as it was.
    const header = ['Passed', 'Warned', 'Failed', 'of which invalid', 'of which missing'];
    const cells = [c.passed, c.warned, c.failed, c.invalid, c.missing];
    if (c.conflicts > 0) {
        header.push('of which conflicting');
        cells.push(c.conflicts);
    }
    return [
        `## ${mark} imds-check fleet: ${report.result}`,
        '',
        facts.join(' · '),
        '',
        ...table([...header, 'Machines'], [[...cells, c.machines].map(String)]),
    ];
}
/** What fails the whole gate whatever min-pass says, each with its fix, before any machine. */
function gateSection(report, options) {
    if (report.gateFailures.length === 0)
        return [];
    return [
        '### The gate fails whatever min-pass says',
        '',
        ...report.gateFailures.map((g) => {
            const fix = fixesFor(g.code, [], options.spell)[0].text;
            return `- ${codeRef(g.code, options.codeLink)}: ${(0,markdown_escape/* mdText */.bC)(g.detail)}. **Fix:** ${(0,markdown_escape/* mdText */.bC)(fix)}`;
        }),
    ];
}
/** Every report of each vmId that came from more than one leg folder. */
function conflictSection(report, limit) {
    const rows = report.conflicts.flatMap((x) => x.reports.map((r) => [cell(x.vmId), cell(r.source), cell(r.name), cell(r.result), cell(r.startedAt)]));
    if (rows.length === 0)
        return [];
    const shown = rows.slice(0, limit);
    return [
        `<details open><summary>${report.conflicts.length} vmId${report.conflicts.length === 1 ? '' : 's'} from more than one leg folder</summary>`,
        '',
        ...table(['VM id', 'Report', 'Machine', 'Result', 'Started'], shown),
        ...more(shown.length, rows.length),
        '',
        '</details>',
    ];
}
function groupSection(group, options, limit) {
    const rows = group.entries.map((e) => e.row);
    const fixes = fixesFor(group.code, rows, options.spell);
    const shown = group.entries.slice(0, limit);
    return [
        `#### ${codeRef(group.code, options.codeLink)}: ${machinesText(group.entries.length)}`,
        '',
        ...fixes.map((f) => `**Fix${f.label ? ` (${(0,markdown_escape/* mdText */.bC)(f.label)})` : ''}:** ${(0,markdown_escape/* mdText */.bC)(f.text)}`),
        '',
        ...table(['Machine', 'VM id', 'Location', 'Mode', 'Check', 'Report'], shown.map(({ row, check }) => [
            cell(row.name),
            cell(row.vmId),
            cell(row.location),
            cell(row.mode),
            cell(check),
            cell([row.source, row.reason ? `(${row.reason})` : ''].filter((t) => t !== '').join(' ')),
        ])),
        ...more(shown.length, group.entries.length),
    ];
}
function failingSection(report, options, limits) {
    if (report.counts.machines === 0)
        return [
            `### ${codeRef('fleet_no_reports', options.codeLink)}: no report found`,
            '',
            ...fixesFor('fleet_no_reports', [], options.spell).map((f) => `**Fix:** ${(0,markdown_escape/* mdText */.bC)(f.text)}`),
        ];
    const groups = failingGroups(report);
    if (groups.length === 0)
        return [];
    return [
        '### Failing machines by code',
        '',
        ...groups.flatMap((g) => [...groupSection(g, options, limits.perCode), '']),
    ];
}
function countTables(report) {
    if (report.codes.length === 0 && report.locations.length <= 1)
        return [];
    const codes = report.codes.map((c) => [
        (0,markdown_escape/* mdCode */.xs)(c.code) || '(no code)',
        String(c.failed),
        String(c.allowed),
        String(c.warned),
    ]);
    const locations = report.locations.map((l) => [cell(l.location, '(unknown)'), l.machines, l.passed, l.warned, l.failed].map(String));
    return [
        ...(codes.length > 0
            ? ['### Machines per code', '', ...table(['Code', 'Failed', 'Allowed', 'Warned'], codes), '']
            : []),
        '### Machines per location',
        '',
        ...table(['Location', 'Machines', 'Passed', 'Warned', 'Failed'], locations),
    ];
}
function passingSection(report, limit) {
    const rows = passingRows(report);
    if (rows.length === 0)
        return [];
    const shown = rows.slice(0, limit);
    const line = (row) => [
        cell(row.name),
        cell(row.vmId),
        cell(row.location),
        cell(row.mode),
        (0,markdown_escape/* mdText */.bC)(resultWord(row)),
        rowCodes(row)
            .map((code) => (0,markdown_escape/* mdCode */.xs)(code))
            .join(', ') || '-',
        cell(row.source),
    ];
    return [
        `<details><summary>✅ ${machinesText(rows.length)} passing</summary>`,
        '',
        ...(shown.length > 0
            ? table(['Machine', 'VM id', 'Location', 'Mode', 'Result', 'Codes', 'Report'], shown.map(line))
            : []),
        ...more(shown.length, rows.length),
        '',
        '</details>',
    ];
}
function supersededSection(report, limit) {
    const list = report.superseded;
    if (list.length === 0)
        return [];
    const shown = list.slice(0, limit);
    return [
        `<details><summary>${list.length} superseded ${list.length === 1 ? 'report' : 'reports'}</summary>`,
        '',
        ...(shown.length > 0
            ? table(['Report', 'Machine', 'VM id', 'Started', 'Replaced by'], shown.map((s) => [
                cell(s.source),
                cell(s.name),
                cell(s.vmId),
                cell(s.startedAt),
                cell(s.supersededBy),
            ]))
            : []),
        ...more(shown.length, list.length),
        '',
        '</details>',
    ];
}
function render(report, options, limits) {
    const sections = [
        heading(report),
        gateSection(report, options),
        failingSection(report, options, limits),
        countTables(report),
        conflictSection(report, limits.perCode),
        passingSection(report, limits.passing),
        supersededSection(report, limits.superseded),
    ];
    return (0,markdown/* joinSections */.lS)(sections);
}
const bytes = (text) => Buffer.byteLength(text, 'utf8');
/** The fleet as Markdown, always below MAX_SUMMARY_BYTES. */
function renderFleetMarkdown(report, options) {
    for (const limits of [ALL, FEWER, FEWEST]) {
        const text = render(report, options, limits);
        if (bytes(text) <= markdown/* MAX_SUMMARY_BYTES */.Q0)
            return text;
    }
    return (0,markdown/* cutToBudget */.P6)(render(report, options, FEWEST), markdown/* MAX_SUMMARY_BYTES */.Q0);
}

;// CONCATENATED MODULE: ./src/core/fleet/fleet-text.ts
// The fleet for a terminal or a CI log: a header, the failing machines grouped by code with each code's fix
// once, machines per location, the passing machines in brief, and a result line. Every report value is
// neutralised first, so a forged report can neither drive a terminal nor issue a pipeline command.




/** Passing machines named on the "passing" line before "and N more". */
const PASSING_NAMES = 20;
const fleet_text_shown = (value, empty = '-') => (0,neutralise/* neutralise */.$0)(value, 200) || empty;
/** Rows of cells as aligned columns under `indent`. */
function columns(rows, indent) {
    const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
    return rows.map((r) => `${indent}${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd());
}
function groupLines(group, options) {
    const code = (0,neutralise/* neutralise */.$0)(group.code) || '(no code)';
    const link = (0,format/* linkFor */._q)(options.codeLink, code);
    const fixes = fixesFor(group.code, group.entries.map((e) => e.row), options.spell);
    return [
        `FAIL  ${code}  ${machinesText(group.entries.length)}${link ? `  (see ${link})` : ''}`,
        ...fixes.map((f) => `      fix${f.label ? ` (${f.label})` : ''}: ${(0,neutralise/* neutralise */.$0)(f.text)}`),
        ...columns(group.entries.map(({ row, check }) => [
            fleet_text_shown(row.name),
            fleet_text_shown(row.vmId),
            fleet_text_shown(row.location),
            fleet_text_shown(row.mode),
            fleet_text_shown(check),
            [fleet_text_shown(row.source, ''), row.reason ? `(${(0,neutralise/* neutralise */.$0)(row.reason)})` : ''].filter((t) => t).join(' '),
        ]), '      '),
    ];
}
/** A failure of the whole gate: its code, what happened and the fix, before the machines. */
function gateLines(failure, options) {
    const link = (0,format/* linkFor */._q)(options.codeLink, failure.code);
    return [
        `GATE  ${failure.code}  ${(0,neutralise/* neutralise */.$0)(failure.detail)}${link ? `  (see ${link})` : ''}`,
        ...fixesFor(failure.code, [], options.spell).map((f) => `      fix: ${(0,neutralise/* neutralise */.$0)(f.text)}`),
    ];
}
function locationLine(report) {
    const parts = report.locations.map((l) => `${fleet_text_shown(l.location, '(unknown)')} ${l.machines} (${l.passed} passed, ${l.warned} warned, ${l.failed} failed)`);
    return parts.length > 0 ? `Locations: ${parts.join('; ')}` : '';
}
function passingLine(report) {
    const rows = passingRows(report);
    if (rows.length === 0)
        return '';
    const names = rows.slice(0, PASSING_NAMES).map((r) => fleet_text_shown(r.name, fleet_text_shown(r.source)));
    const rest = rows.length > PASSING_NAMES ? `, and ${rows.length - PASSING_NAMES} more` : '';
    return `Passing: ${machinesText(rows.length)}: ${names.join(', ')}${rest}`;
}
function renderFleetText(report, options) {
    const groups = failingGroups(report);
    const header = [
        `${(0,neutralise/* neutralise */.$0)(report.tool.name)} fleet ${(0,neutralise/* neutralise */.$0)(report.tool.version)}`,
        `  ${countsText(report)}`,
        supersededText(report) ? `  ${supersededText(report)}` : '',
    ];
    const noReports = report.counts.machines === 0
        ? groupLines({ code: 'fleet_no_reports', entries: [] }, options).filter((l) => !l.startsWith('FAIL'))
        : [];
    const sections = [
        header.filter((l) => l !== ''),
        noReports,
        ...report.gateFailures.map((g) => gateLines(g, options)),
        ...groups.map((g) => groupLines(g, options)),
        [locationLine(report)].filter((l) => l !== ''),
        [passingLine(report)].filter((l) => l !== ''),
        [`Result: ${report.result.toUpperCase()}  ${verdictText(report)}`],
    ].filter((s) => s.length > 0);
    return sections.map((s) => s.join('\n')).join('\n\n') + '\n';
}

;// CONCATENATED MODULE: ./src/core/fleet/fleet-outputs.ts
function buildMergeOutputs(report, reportPath) {
    const c = report.counts;
    return {
        machines: String(c.machines),
        passed: String(c.passed),
        warned: String(c.warned),
        failed: String(c.failed),
        missing: String(c.missing),
        invalid: String(c.invalid),
        result: report.result,
        'report-path': reportPath,
    };
}

;// CONCATENATED MODULE: ./src/core/fleet/index.ts
// The fleet merge's public surface: front doors import from here.











// EXTERNAL MODULE: ./src/core/index.ts + 14 modules
var core = __nccwpck_require__(4141);
;// CONCATENATED MODULE: ./src/host/annotations.ts
const MAX_ANNOTATIONS_PER_LEVEL = 10;
/** `Managed-identity token (token_identity_not_found)` and the message, fix and documentation lines. */
function annotationFor(check, codeLink) {
    const fix = check.remediation.trim();
    const link = /^[a-z0-9_]+$/.test(check.code) ? codeLink(check.code) : null;
    return {
        title: `${check.title} (${check.code})`,
        lines: [check.message, ...(fix ? [`Fix: ${fix}`] : []), ...(link ? [`Docs: ${link}`] : [])],
    };
}
function annotateChecks(port, checks, reserved) {
    const limit = (level) => MAX_ANNOTATIONS_PER_LEVEL - (reserved === level ? 1 : 0);
    const failed = checks.filter((c) => c.status === 'fail');
    const warned = checks.filter((c) => c.status === 'warn');
    for (const [level, list] of [
        ['error', failed],
        ['warning', warned],
    ]) {
        for (const check of list.slice(0, limit(level))) {
            const a = annotationFor(check, port.codeLink);
            port.annotate(level, a.title, a.lines);
        }
    }
    const leftErrors = Math.max(0, failed.length - limit('error'));
    const leftWarnings = Math.max(0, warned.length - limit('warning'));
    if (leftErrors + leftWarnings > 0) {
        port.annotate('notice', 'imds-check annotations', [
            `${leftErrors} failed and ${leftWarnings} warned checks are not annotated (at most ${MAX_ANNOTATIONS_PER_LEVEL} of each level per step); the summary lists them all.`,
        ]);
    }
}

;// CONCATENATED MODULE: ./src/host/fleet-annotations.ts
// One annotation (GitHub) or issue (Azure DevOps) per failure of the whole gate, then per failing code of the
// fleet, naming its machines and the fix once; at most as many per level as GitHub shows, keeping a slot for
// the step's own verdict line.



/** Machines named in one annotation before "and N more". */
const NAMES = 10;
function annotateFleet(port, report, level, reserved, spell) {
    const groups = failingGroups(report);
    let room = MAX_ANNOTATIONS_PER_LEVEL - (reserved === level ? 1 : 0);
    for (const failure of report.gateFailures.slice(0, room)) {
        const link = port.codeLink(failure.code);
        port.annotate(level, `imds-check fleet: ${failure.code} fails the gate`, [
            (0,core/* neutralise */.$0)(failure.detail),
            ...fixesFor(failure.code, [], spell).map((f) => `Fix: ${f.text}`),
            ...(link ? [`Docs: ${link}`] : []),
        ]);
        room -= 1;
    }
    for (const group of groups.slice(0, Math.max(0, room))) {
        const code = (0,core/* neutralise */.$0)(group.code) || '(no code)';
        const names = group.entries.map(({ row }) => (0,core/* neutralise */.$0)(row.name) || (0,core/* neutralise */.$0)(row.source) || row.result);
        const rest = names.length > NAMES ? ` and ${names.length - NAMES} more` : '';
        const link = /^[a-z0-9_]+$/.test(code) ? port.codeLink(code) : null;
        port.annotate(level, `imds-check fleet: ${code} on ${group.entries.length} machine(s)`, [
            `${names.slice(0, NAMES).join(', ')}${rest}`,
            ...fixesFor(group.code, group.entries.map((e) => e.row), spell).map((f) => `Fix${f.label ? ` (${f.label})` : ''}: ${f.text}`),
            ...(link ? [`Docs: ${link}`] : []),
        ]);
    }
    const left = groups.length - Math.max(0, room);
    if (left > 0)
        port.annotate('notice', 'imds-check fleet annotations', [
            `${left} more failing codes are not annotated (at most ${MAX_ANNOTATIONS_PER_LEVEL} per level per step); the summary lists them all.`,
        ]);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./src/host/fleet-glob.ts
// A small glob for report patterns (`**`, `*`, `?`; Node 20 has no fs.glob): finds files under the pattern's
// fixed leading folders, no deeper than the pattern can match, without following linked folders (no loops).
// A plain path is a file, or a folder searched recursively for *.json. Synchronous, like the reading (see
// fleet-files.ts): one thread-pool round trip per folder costs more than the listing. A search that stops at
// one of its limits (files, depth), or at a folder or link it may not read, says so in `stopped`, and the merge
// fails its gate (fleet_scan_incomplete): files it did not reach could hold a machine's real report.


/** Files one merge reads at most; ten times the largest fleet the bench measures. */
const MAX_FILES = 100_000;
/** Folder depth a `**` descends at most. */
const MAX_DEPTH = 64;
const SCAN_LIMITS = { maxFiles: MAX_FILES, maxDepth: MAX_DEPTH };
const hasWildcard = (segment) => /[*?]/.test(segment);
/** Gone between listing and reading (or never there): nothing to find. Anything else hides what it holds. */
const NOTHING_THERE = new Set(['ENOENT', 'ENOTDIR', 'ELOOP']);
const codeOf = (err) => String(err?.code ?? 'EUNKNOWN');
const unreadable = (path, err) => `could not read ${path} (${codeOf(err)}); reports there were not searched`;
/** statSync that answers undefined for nothing there, and throws for a path it may not look at. */
function statOf(path) {
    try {
        return (0,external_node_fs_.statSync)(path, { throwIfNoEntry: false });
    }
    catch (err) {
        if (NOTHING_THERE.has(codeOf(err)))
            return undefined;
        throw err;
    }
}
function segmentPattern(segment) {
    return segment
        .split('')
        .map((ch) => (ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
        .join('');
}
/**
 * The path below the fixed folders as a RegExp over `/`-separated relative paths, how deep it reaches, and
 * whether that depth is a limit (a `**`) rather than the pattern's own length.
 */
function compileRest(segments, caseless, maxDepth = MAX_DEPTH) {
    const parts = segments.map((segment, i) => {
        const last = i === segments.length - 1;
        if (segment === '**')
            return last ? '.*' : '(?:[^/]+/)*';
        return segmentPattern(segment) + (last ? '' : '/');
    });
    const bounded = segments.includes('**');
    const depth = bounded ? maxDepth : segments.length;
    return { regex: new RegExp(`^${parts.join('')}$`, caseless ? 'i' : ''), depth, bounded };
}
/** '' when the walk saw everything it should, else the first limit or unreadable folder it stopped at. */
function walk(base, { regex, depth, bounded, out, limits }) {
    let tooDeep = '';
    let unread = '';
    const pending = [{ dir: base, rel: '', level: 1 }];
    while (pending.length > 0) {
        const { dir, rel, level } = pending.pop();
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
        }
        catch (err) {
            // A vanished folder holds nothing; one it may not read (EACCES) may hold a machine's real report.
            if (!NOTHING_THERE.has(codeOf(err)) && unread === '')
                unread = unreadable(dir, err);
            continue;
        }
        for (const entry of entries) {
            const path = (0,external_node_path_.join)(dir, entry.name);
            const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
            let isFile = entry.isFile();
            if (entry.isSymbolicLink()) {
                try {
                    isFile = statOf(path)?.isFile() ?? false;
                }
                catch (err) {
                    if (unread === '')
                        unread = unreadable(path, err);
                    continue;
                }
            }
            if (isFile && regex.test(relPath)) {
                if (out.size >= limits.maxFiles && !out.has(path))
                    return `stopped after ${limits.maxFiles} files; merge fewer reports at a time`;
                out.set(path, relPath);
            }
            else if (entry.isDirectory()) {
                if (level < depth)
                    pending.push({ dir: path, rel: relPath, level: level + 1 });
                else if (bounded && tooDeep === '')
                    tooDeep = `did not search folders more than ${limits.maxDepth} levels deep`;
            }
        }
    }
    return unread || tooDeep;
}
function display(path, cwd) {
    const rel = (0,external_node_path_.relative)(cwd, path);
    const shown = rel !== '' && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? rel : path;
    return shown.split(external_node_path_.sep).join('/');
}
/** Every file the patterns name, each once, sorted by how it is shown. */
function findReportFiles(patterns, cwd, platform = process.platform, limits = SCAN_LIMITS) {
    const caseless = platform === 'win32';
    const found = new Map();
    const problems = [];
    const stopped = [];
    for (const raw of patterns) {
        const pattern = caseless ? raw.replace(/\\/g, '/') : raw;
        const before = found.size;
        let stop = '';
        if (!hasWildcard(pattern)) {
            const path = (0,external_node_path_.resolve)(cwd, pattern);
            let info;
            try {
                info = statOf(path);
            }
            catch (err) {
                stop = unreadable(path, err);
            }
            if (info?.isFile()) {
                if (found.size >= limits.maxFiles && !found.has(path))
                    stop = `stopped after ${limits.maxFiles} files; merge fewer reports at a time`;
                else
                    found.set(path, '');
            }
            else if (info?.isDirectory())
                stop = walk(path, {
                    ...compileRest(['**', '*.json'], caseless, limits.maxDepth),
                    out: found,
                    limits,
                });
        }
        else {
            const segments = pattern.split('/');
            const fixed = segments.findIndex(hasWildcard);
            const base = (0,external_node_path_.resolve)(cwd, segments.slice(0, fixed).join('/') || '.');
            stop = walk(base, {
                ...compileRest(segments.slice(fixed), caseless, limits.maxDepth),
                out: found,
                limits,
            });
        }
        if (stop !== '') {
            problems.push(stop);
            stopped.push(stop);
        }
        else if (found.size === before)
            problems.push(`${pattern}: no report file matched`);
        // The file limit is for the whole merge: no later pattern could add a file.
        if (stop !== '' && found.size >= limits.maxFiles)
            break;
    }
    const files = [...found.keys()].map((path) => ({ path, source: display(path, cwd) }));
    files.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    return { files, problems, stopped };
}

;// CONCATENATED MODULE: ./src/host/fleet-files.ts
// Reads the reports a merge was given, one at a time and each bounded in size, into the fleet builder: the
// merge holds the rows it keeps, never more than one file's text, whatever the reports weigh. The reads are
// synchronous on purpose: a merge has nothing else to do meanwhile, and four thread-pool round trips per file
// (open, stat, read, close) cost more than the reading itself on a fleet of 10,000.



/** A real report is a few KiB; anything above this is not one. */
const MAX_REPORT_BYTES = 4 * 1024 * 1024;
const size = (bytes) => bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;
const errorCode = (err) => err.code ?? 'error';
/** One file, read only when it is a regular file of at most `maxBytes`. */
function readReport(file, now, maxBytes = MAX_REPORT_BYTES) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(file.path, 'r');
    }
    catch (err) {
        return invalidRow(file.source, `unreadable (${errorCode(err)})`);
    }
    try {
        const info = (0,external_node_fs_.fstatSync)(fd);
        if (!info.isFile())
            return invalidRow(file.source, 'not a regular file');
        if (info.size > maxBytes)
            return invalidRow(file.source, `larger than ${size(maxBytes)}`);
        // One byte more than allowed tells a file that grew since stat from one that fits.
        const buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
        let length = 0;
        for (let n = -1; n !== 0 && length < buffer.length; length += n)
            n = (0,external_node_fs_.readSync)(fd, buffer, length, buffer.length - length, length);
        if (length > maxBytes)
            return invalidRow(file.source, `larger than ${size(maxBytes)}`);
        return parseMachineReport(buffer.toString('utf8', 0, length), file.source, now);
    }
    catch (err) {
        return invalidRow(file.source, `unreadable (${errorCode(err)})`);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function loadFleet(patterns, cwd, options) {
    const { platform = process.platform, limits = SCAN_LIMITS, now } = options;
    const { files, problems, stopped } = findReportFiles(patterns, cwd, platform, limits);
    const fleet = createFleet();
    for (const detail of stopped)
        fleet.scanStopped(detail);
    for (const file of files)
        fleet.add(readReport(file, now));
    return { fleet, files: files.length, problems };
}

;// CONCATENATED MODULE: ./src/host/guarded-port.ts
// The last defence against a value carrying a command: every text a step body hands the port is guarded
// line by line, so only the platform library's own commands can start one.

function guarded(port) {
    return {
        ...port,
        info: (text) => port.info((0,core/* neutraliseBlock */.rl)(text)),
        debug: (text) => port.debug((0,core/* neutraliseBlock */.rl)(text)),
        progress: (text) => port.progress((0,core/* neutraliseBlock */.rl)(text)),
        annotate: (level, title, lines) => port.annotate(level, (0,core/* neutraliseBlock */.rl)(title), lines.map((line) => (0,core/* neutraliseBlock */.rl)(line))),
        finish: (verdict, message) => port.finish(verdict, (0,core/* neutraliseBlock */.rl)(message)),
    };
}

;// CONCATENATED MODULE: ./src/host/one-line.ts
// Failures are reported on one line, never with a stack trace: the first non-empty line of the message.
function oneLine(err) {
    const text = err instanceof Error ? err.message : String(err);
    return (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? 'unknown error').trim();
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/host/writable.ts
// A file the user asked for is a file written (DESIGN 3.3): one that cannot be written fails the step whatever
// fail-on says, as report_write_failed naming the path and the errno. Most causes show before the probe (a
// folder at the path, a parent that cannot be created, no permission to write in it), so they are checked then
// and a run does not spend its time on a verdict nobody will read.


/** What an errno means for a file to be written, in the words of the fix. */
const MEANING = new Map([
    ['EACCES', 'no permission to write there'],
    ['EPERM', 'no permission to write there'],
    ['EISDIR', 'the path is a folder'],
    ['ENOENT', 'a folder on the path is missing and cannot be created'],
    ['ENOTDIR', 'a part of the path is a file, not a folder'],
    ['EEXIST', 'a part of the path is a file, not a folder'],
    ['EROFS', 'the file system is read-only'],
    ['ENOSPC', 'no space left on the device'],
    ['EDQUOT', 'the disk quota is used up'],
]);
const writable_errnoOf = (err) => {
    const code = err?.code;
    return typeof code === 'string' && /^[A-Z0-9_]{2,30}$/.test(code) ? code : 'EUNKNOWN';
};
/** One line: the code, what could not be written, where, and why. */
function writeProblemText(problem) {
    const meaning = MEANING.get(problem.errno);
    return `report_write_failed: cannot write the ${problem.what} ${problem.path} (${problem.errno}${meaning ? `: ${meaning}` : ''})`;
}
/** Loaded when a file is checked or written, not at start-up. */
const files = () => Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1455, 23));
/**
 * Why `path` cannot be written, as far as can be told without writing it; null when nothing stands in the way.
 * Missing parent folders are created (the writer would create them too). `append`: the file is appended to in
 * place (the GitHub step summary), so the file itself must be writable; otherwise it is replaced by a rename
 * and only its folder must be.
 */
async function writeProblem(what, path, append = false) {
    const { access, lstat, mkdir } = await files();
    const problem = (err) => ({ what, path, errno: writable_errnoOf(err) });
    try {
        const found = await lstat(path);
        if (found.isDirectory())
            return { what, path, errno: 'EISDIR' };
        if (append)
            await access(path, constants.W_OK);
    }
    catch (err) {
        if (writable_errnoOf(err) !== 'ENOENT')
            return problem(err);
    }
    try {
        await mkdir(dirname(path), { recursive: true });
        await access(dirname(path), constants.W_OK | constants.X_OK);
    }
    catch (err) {
        return problem(err);
    }
    return null;
}
/** The first problem of several targets, checked in order; null when each can be written. */
async function writable_firstWriteProblem(targets) {
    for (const target of targets) {
        const found = await writeProblem(target.what, target.path, target.append);
        if (found)
            return found;
    }
    return null;
}

;// CONCATENATED MODULE: ./src/host/report-files.ts
// Writes the JSON report and, when asked, JUnit XML, for every front door alike. Files are written privately:
// the fallback folder (no RUNNER_TEMP / Agent.TempDirectory) is a fresh mkdtemp folder (0700), and every file
// is written under a temporary name in its folder and renamed into place, so a planted symlink at the final
// name is replaced, never followed.




/** Loaded when a file is written, after the probe: start-up should not pay for them. */
const report_files_files = () => Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1455, 23));
/**
 * The folder for default report files: `<tempDir>/imds-check` when the runner or agent gives a per-job temp
 * folder, else a new private folder under the system temp (a shared `/tmp/imds-check` could be planted).
 */
async function report_files_reportFolder(tempDir, systemTemp = (0,external_node_os_namespaceObject.tmpdir)()) {
    const { mkdir, mkdtemp } = await report_files_files();
    if (tempDir && tempDir !== '') {
        const dir = (0,external_node_path_.join)(tempDir, 'imds-check');
        await mkdir(dir, { recursive: true, mode: 0o700 });
        return dir;
    }
    return mkdtemp((0,external_node_path_.join)(systemTemp, 'imds-check-'));
}
/** Writes `content` to `path` through a new file in the same folder and a rename. */
async function writePrivately(path, content) {
    const { mkdir, rename, rm, writeFile } = await report_files_files();
    const { randomBytes } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7598, 23));
    const dir = (0,external_node_path_.dirname)(path);
    await mkdir(dir, { recursive: true });
    const temp = (0,external_node_path_.join)(dir, `.${(0,external_node_path_.basename)(path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
        await writeFile(temp, content, { encoding: 'utf8', flag: 'wx', mode: 0o600 });
        await rename(temp, path);
    }
    catch (err) {
        await rm(temp, { force: true });
        throw err;
    }
}
async function writeOne(what, path, content) {
    try {
        await writePrivately(path, content);
        return null;
    }
    catch (err) {
        return { what, path, errno: errnoOf(err) };
    }
}
/** The paths `writeReports` writes: '' for a file not asked for. */
function report_files_reportPaths(paths) {
    const wanted = paths.reportPath !== ''
        ? paths.reportPath
        : paths.defaultDir !== ''
            ? join(paths.defaultDir, 'report.json')
            : '';
    return {
        reportPath: wanted !== '' ? resolve(wanted) : '',
        junitPath: paths.junitPath !== '' ? resolve(paths.junitPath) : '',
    };
}
/**
 * reportPath '' means `<defaultDir>/report.json`, or no JSON report when defaultDir is '' (the CLI writes files
 * only on request); junitPath '' means no JUnit.
 */
async function writeReports(report, paths) {
    const { reportPath, junitPath } = report_files_reportPaths(paths);
    const problems = [];
    const jsonProblem = reportPath !== '' ? await writeOne('JSON report', reportPath, renderJson(report)) : null;
    if (jsonProblem)
        problems.push(jsonProblem);
    if (junitPath !== '') {
        const junitProblem = await writeOne('JUnit file', junitPath, renderJunit(report));
        if (junitProblem)
            problems.push(junitProblem);
    }
    return { reportPath: jsonProblem ? '' : reportPath, junitPath, problems };
}

;// CONCATENATED MODULE: ./src/host/step-files.ts
// The files of a CI step: the report folder, the JSON report, JUnit and the step summary. Each one asked for is
// checked before the probe, and one that cannot be written fails the step (report_write_failed) whatever
// fail-on says: a fleet merge would otherwise count the machine as missing, with no cause.




/** Creates the report folder and checks every file the step will write. */
async function prepareStepFiles(port, options, systemTemp) {
    const temp = port.tempDir();
    let folder;
    try {
        folder = await reportFolder(temp, systemTemp);
    }
    catch (err) {
        const path = temp ? join(temp, 'imds-check') : (systemTemp ?? 'the system temp folder');
        return { ok: false, problem: { what: 'report folder', path, errno: errnoOf(err) } };
    }
    const { reportPath, junitPath } = reportPaths({ ...options, defaultDir: folder });
    const summary = port.summaryFile();
    const problem = await firstWriteProblem([
        { what: 'JSON report', path: reportPath },
        ...(junitPath ? [{ what: 'JUnit file', path: junitPath }] : []),
        ...(summary ? [{ what: 'step summary', path: summary, append: true }] : []),
    ]);
    return problem ? { ok: false, problem } : { ok: true, folder };
}
/**
 * Fails the step for files that could not be written. The finish message is the one annotation (it carries
 * the code, each path and errno, the fix and the link), so the checks keep their annotation slots.
 */
function failForFiles(port, problems, when) {
    // The fix of a run code depends on neither the mode nor the endpoint: no profile or endpoint is needed to word it.
    const fix = remedyFor('report_write_failed', {
        profile: { service: '', bypassHosts: [], remedies: {} },
        platform: process.platform,
        spell: port.spelling,
        endpoint: { address: '', host: '', port: '', base: '', kind: 'other' },
    });
    finishForFiles(port, problems, when, fix);
}
/** The same end for any step (the merge has its own inputs, so its own fix). */
function finishForFiles(port, problems, when, fix) {
    const what = problems.map((p) => writeProblemText(p)).join('; ');
    port.finish('failed', `imds-check failed ${when}: ${what}. Fix: ${fix} Docs: ${port.codeLink('report_write_failed')}`);
}

;// CONCATENATED MODULE: ./src/host/version.ts
// Kept in step with package.json by a test; a literal so bundles need not read package.json at run time.
const TOOL_VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/host/merge-step.ts
// The step body of the merge action and the ImdsCheckMerge task, over the same port as the check: inputs →
// read the reports → fleet report file, outputs, summary, annotations, verdict. Every text passes the
// engine's neutraliser (the renderers, then the guarded port), because any report could be forged.











/** Passing every machine succeeds; passing with some machines short of it succeeds with issues. */
function mergeVerdict(report) {
    if (report.result === 'fail')
        return 'failed';
    return report.counts.passed === report.counts.machines ? 'succeeded' : 'succeeded-with-issues';
}
function finishMessage(report, verdict) {
    const c = report.counts;
    const summary = `${c.passed + c.warned} of ${c.machines} machines pass, ${report.policy.required} needed (min-pass ${report.policy.minPass})`;
    if (verdict === 'succeeded')
        return `imds-check fleet passed: ${summary}`;
    const codes = report.codes
        .filter((x) => x.failed > 0)
        .slice(0, 5)
        .map((x) => `${(0,core/* neutralise */.$0)(x.code, 80) || '(no code)'} ×${x.failed}`);
    const what = c.machines === 0 ? 'fleet_no_reports' : codes.join(', ');
    // What closes the gate whatever the count says, in the words of the verdict line of the summary.
    const gate = gateCodes(report);
    const closed = gate.length > 0 ? `; the gate fails: ${gate.join(', ')}` : '';
    return `imds-check fleet ${verdict === 'failed' ? 'failed' : 'passed with issues'}: ${summary}${what ? `: ${what}` : ''}${closed}`;
}
async function runMergeStep(platform, deps = {}) {
    const port = guarded(platform);
    try {
        const raw = {};
        for (const name of MERGE_INPUT_NAMES)
            raw[name] = port.input(name);
        const parsed = parseMergeOptions(raw, (name) => port.spelling.name(name));
        if (!parsed.ok) {
            port.finish('failed', oneLine(parsed.error.message));
            return;
        }
        const { policy, reports, reportPath } = parsed.options;
        const now = Date.now();
        const loaded = loadFleet(reports, deps.cwd ?? process.cwd(), {
            now,
            ...(deps.limits ? { limits: deps.limits } : {}),
        });
        for (const problem of loaded.problems)
            port.annotate('warning', 'imds-check merge', [problem]);
        const report = loaded.fleet.finish(policy, {
            toolVersion: TOOL_VERSION,
            generatedAt: new Date(now).toISOString(),
        });
        const style = { spell: port.spelling, codeLink: port.codeLink };
        port.info(renderFleetText(report, style));
        const folder = await report_files_reportFolder(port.tempDir(), deps.systemTemp);
        // A file asked for is a file written: one that cannot be written fails the merge (report_write_failed).
        const problems = [];
        let written = (0,external_node_path_.resolve)(reportPath || (0,external_node_path_.join)(folder, 'fleet-report.json'));
        try {
            await writePrivately(written, renderFleetJson(report));
        }
        catch (err) {
            problems.push({ what: 'fleet report', path: written, errno: writable_errnoOf(err) });
            written = '';
        }
        const outputs = buildMergeOutputs(report, written);
        for (const name of MERGE_OUTPUT_NAMES)
            port.setOutput(name, outputs[name], false);
        try {
            await port.attachSummary(renderFleetMarkdown(report, style), folder);
        }
        catch (err) {
            problems.push({ what: 'step summary', path: port.summaryFile() ?? folder, errno: writable_errnoOf(err) });
        }
        const verdict = problems.length > 0 ? 'failed' : mergeVerdict(report);
        const level = verdict === 'failed' ? 'error' : 'warning';
        annotateFleet(port, report, level, port.finishAnnotates[verdict], port.spelling);
        if (problems.length === 0)
            port.finish(verdict, finishMessage(report, verdict));
        else
            finishForFiles(port, problems, `after the merge (result ${report.result})`, `Point ${port.spelling.name('report-path')} at a file in a folder this job may write (not at a folder), or give the job's user write access there.`);
    }
    catch (err) {
        if (err instanceof Error && err.stack)
            port.debug(err.stack);
        port.finish('failed', `imds-check merge could not complete: ${oneLine(err)}`);
    }
}


/***/ }),

/***/ 9734:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ ignoreClosedPipes)
/* harmony export */ });
// A closed stdout/stderr pipe (EPIPE, e.g. `imds-check --json | head -c0`) must not become an unhandled
// 'error' event, which Node reports with a stack trace.
function ignoreClosedPipes() {
    for (const stream of [process.stdout, process.stderr])
        stream.on('error', () => undefined);
}


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

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

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
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
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
/******/ var __webpack_exports__ = __nccwpck_require__(4941);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
