export const OWN_SERVER: string;
export interface LauncherConfig {
  prefix: string;
  wineEnv: Record<string, string>;
}
export function windowsEnvironment(
  env: Record<string, string | undefined>,
  config: LauncherConfig,
): Record<string, string>;
export function windowsArguments(args: string[], config: LauncherConfig): string[];
