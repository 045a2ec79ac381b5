// Types of scripts/cli-bundle.mjs for the tests that build the CLI.
export declare const REPO: string;
export declare const ROOT_PACKAGE: { version: string; engines?: { node?: string } };
export declare function buildRepositoryCli(outdir?: string, options?: { version?: string }): Promise<void>;
export declare function buildStandaloneCli(outdir?: string, options?: { version?: string }): Promise<void>;
export declare function minimumNode(): [number, number, number];
export declare function builtinImportAsConst(line: string): string;
