import type { EmulatorIdentity } from './types.js';
export declare const TOKEN_LIFETIME_SECONDS = 86399;
export interface TokenTimes {
    iat: number;
    nbf: number;
    exp: number;
}
export declare function tokenTimes(nowSeconds: number, expired: boolean): TokenTimes;
export declare function mintAccessToken(identity: EmulatorIdentity, audience: string, mirid: string, times: TokenTimes, claims?: Readonly<Record<string, string>>): string;
