// Rule 1 for the bundle harnesses: the endpoint input of a door run is the emulator (or a closed port) on
// 127.0.0.1. A test of refused credentials passes `http://user:p#ss@127.0.0.1:PORT`: whatever a URL parser
// makes of such a value, the engine could only reach 127.0.0.1, or nothing when it does not parse.

export function isLoopbackTestEndpoint(endpoint: string): boolean {
  if (/^http:\/\/127\.0\.0\.1:\d+$/.test(endpoint)) return true;
  if (!/@127\.0\.0\.1:\d+$/.test(endpoint)) return false;
  try {
    return new URL(endpoint).hostname === '127.0.0.1';
  } catch {
    return true; // not a URL: nothing can be contacted through it
  }
}
