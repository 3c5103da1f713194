/** The most requests whose arrival `time` falls in any window [t, t + windowMs). */
export declare function peakRequestRate(requests: readonly {
    time: number;
}[], windowMs?: number): number;
