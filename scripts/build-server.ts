/**
 * Compiles the portal's HTTP server (server.ts and the app modules it imports) to plain JavaScript,
 * so production runs it with node and no TypeScript loader in front of every import
 * (docs/decisions/0013-compiled-server.md). `npm run build` runs it after `remix build`:
 *
 *   build/server.js                 the server (`NODE_ENV=production node build/server.js`)
 *   build/server-chunks/*.js        modules loaded only on demand: the demo seed
 *
 * Packages stay external (node loads them from node_modules); the tsconfig path aliases (`~/`,
 * `~db/`) are resolved at compile time. The crash harness and the benchmark call the same
 * function with an output folder of their own.
 */
import fs from "node:fs";
import path from "node:path";
import url from "node:url";
import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");

export interface ServerBuildOptions {
  /** Output folder, relative to the project root or absolute; `build` by default. */
  outdir?: string;
  /** Output name (without `.js`) → source file relative to the project root; the server by default. */
  entries?: Record<string, string>;
}

/** Compiles the entries; resolves to the absolute path of each compiled entry, by name. */
export async function buildServer(options: ServerBuildOptions = {}): Promise<Record<string, string>> {
  const outdir = path.resolve(ROOT, options.outdir ?? "build");
  const entries = options.entries ?? { server: "server.ts" };
  // Chunk names carry a content hash: drop the previous build's so they do not pile up.
  fs.rmSync(path.join(outdir, "server-chunks"), { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: entries,
    outdir,
    chunkNames: "server-chunks/[name]-[hash]",
    bundle: true,
    // Keeps a dynamic import() a separate file, loaded only when it runs.
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // This esbuild treats `~db/...` as a package before it looks at tsconfig paths, so the
    // aliases are passed explicitly, taken from tsconfig.json.
    alias: tsconfigAliases(),
    logLevel: "warning",
  });
  return Object.fromEntries(Object.keys(entries).map((name) => [name, path.join(outdir, `${name}.js`)]));
}

/** tsconfig.json's `"~/*": ["./app/*"]` as esbuild's `"~": "<root>/app"`. */
function tsconfigAliases(): Record<string, string> {
  const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8")) as {
    compilerOptions: { baseUrl?: string; paths?: Record<string, string[]> };
  };
  const base = path.resolve(ROOT, tsconfig.compilerOptions.baseUrl ?? ".");
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths ?? {}).map(([pattern, [target]]) => [
      pattern.replace(/\/\*$/, ""),
      path.resolve(base, target.replace(/\/\*$/, "")),
    ]),
  );
}

if (process.argv[1] && import.meta.url === url.pathToFileURL(path.resolve(process.argv[1])).href) {
  const started = performance.now();
  const built = await buildServer();
  console.log(`Server compiled to ${path.relative(ROOT, built.server)} in ${Math.round(performance.now() - started)} ms`);
}
