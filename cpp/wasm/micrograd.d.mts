// Types of the Emscripten factory (copied next to the generated web/wasm/micrograd.mjs by the build).
declare const createMicrograd: (overrides?: Record<string, unknown>) => Promise<any>;
export default createMicrograd;
