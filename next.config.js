/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and extension bundles from its own package folder at run time;
  // bundling it breaks that ("Extension bundle not found").
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@electric-sql/pglite-pgvector',
    '@node-rs/argon2',
    'pg-boss',
    'pg',
    // Native ONNX runtime and WASM language models: loaded from their folders at run time.
    '@xenova/transformers',
    'onnxruntime-node',
    'sharp',
    'cld3-asm',
  ],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` is the single type gate
};
export default nextConfig;
