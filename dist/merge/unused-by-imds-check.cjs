'use strict';
// Stand-in for @actions/http-client and @actions/exec, which @actions/core imports only for getIDToken and
// platform.getDetails. imds-check calls neither; see scripts/bundle.mjs.
const unused = (name) => function () {
  throw new Error(`${name} is not bundled with imds-check (getIDToken, platform.getDetails)`);
};
exports.HttpClient = unused('@actions/http-client');
exports.BearerCredentialHandler = unused('@actions/http-client');
exports.exec = unused('@actions/exec');
exports.getExecOutput = unused('@actions/exec');
