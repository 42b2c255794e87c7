export declare const projectRoot: string;
export declare const builtCli: string;
/** Builds the app when out/main/cli.js is missing or older than its sources. */
export declare function buildIfStale(): void;
