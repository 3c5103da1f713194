// The two IMDS requests every client in the benchmark makes, relative to an emulator base URL.
export const METADATA_PATH = '/metadata/instance?api-version=2021-02-01';
export const TOKEN_PATH =
  '/metadata/identity/oauth2/token?api-version=2018-02-01&resource=' +
  encodeURIComponent('https://management.azure.com/');

/** Refuses anything but plain HTTP on 127.0.0.1: the benchmark must never reach a real IMDS address. */
export function loopbackBase(url) {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(String(url))) {
    throw new Error(`benchmark endpoints must be http://127.0.0.1:<port>, not '${url}'`);
  }
  return String(url);
}
