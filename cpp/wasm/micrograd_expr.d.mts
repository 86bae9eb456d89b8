// Types of the Emscripten factory (copied next to the generated web/wasm/micrograd_expr.mjs by the build).
declare const createMicrogradExpr: (overrides?: Record<string, unknown>) => Promise<any>;
export default createMicrogradExpr;
