/** The offline verifier bundled into one file (see build-verifier.mjs). */
export function bundleVerifier(): Promise<string>;
