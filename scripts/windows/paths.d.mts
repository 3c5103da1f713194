export function toWindowsPath(unixPath: string, prefix: string): string;
export function toUnixPath(windowsPath: string, prefix: string): string | null;
