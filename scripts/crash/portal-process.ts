/**
 * The real portal server (server.ts, production build) as a child process on loopback, for the
 * crash scenario and the backup test: started on a chosen database file and port, waited for
 * until it says it listens, killed with SIGKILL (no chance to clean up) or stopped politely.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { buildServer } from "../build-server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BUILD_ENTRY = path.join(ROOT, "build/index.js");
/**
 * The compiled server (as `npm run build` makes it), in a folder per process using it (runs may
 * overlap): a restart then costs no TypeScript transform, about half the start-up.
 */
const SERVER_DIR = path.join(ROOT, `.cache/portal-server/${process.pid}`);
const SERVER_BUNDLE = path.join(SERVER_DIR, "server.js");

/**
 * Builds the app (`remix build`) unless a build is there already, and compiles server.ts with its
 * modules (the build's own server compile, into this process's folder), every time, so it is never
 * stale.
 */
export async function ensureProductionBuild(): Promise<void> {
  if (!fs.existsSync(BUILD_ENTRY)) await remixBuildOnce();
  await buildServer({ outdir: SERVER_DIR });
}

/** Runs `remix build`; when test files ask at the same time, one builds and the others wait for it. */
async function remixBuildOnce(): Promise<void> {
  const lock = path.join(ROOT, ".cache/portal-server/build.lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  try {
    fs.mkdirSync(lock);
  } catch {
    const deadline = Date.now() + 180_000;
    while (fs.existsSync(lock) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    if (fs.existsSync(BUILD_ENTRY)) return;
    throw new Error(`no build appeared (is ${lock} left over from an interrupted build?)`);
  }
  try {
    const built = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (built.status !== 0 || !fs.existsSync(BUILD_ENTRY)) throw new Error("remix build failed");
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Removes this process's compiled server. */
export function removeServerBundle(): void {
  fs.rmSync(SERVER_DIR, { recursive: true, force: true });
}

/** A TCP port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface PortalOptions {
  databasePath: string;
  port: number;
  /** How long to wait for "listening" before giving up. */
  startTimeoutMs?: number;
  /** Settings on top of (or instead of) the defaults below, e.g. TRUST_PROXY or secure cookies. */
  env?: Record<string, string>;
}

export interface RunningPortal {
  child: ChildProcess;
  /** Milliseconds from spawn to the server saying it listens. */
  startMs: number;
  /** Everything the server wrote, for the report when something goes wrong. */
  output: () => string;
}

/**
 * Starts the compiled server.ts in production mode (plain node, so the signal reaches the server
 * itself and not a wrapper) and resolves once it prints that it listens.
 */
export function startPortal(options: PortalOptions): Promise<RunningPortal> {
  const started = performance.now();
  // The heap limit production runs with (package.json's start script).
  const child = spawn(process.execPath, ["--max-old-space-size=256", SERVER_BUNDLE], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_PATH: options.databasePath,
      PORT: String(options.port),
      INSECURE_COOKIES: "1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`portal did not start within ${options.startTimeoutMs ?? 60_000} ms:\n${output}`));
    }, options.startTimeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
      if (/Portal listening on/.test(output)) {
        clearTimeout(timer);
        resolve({ child, startMs: performance.now() - started, output: () => output });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`portal exited during start-up (${code ?? signal}):\n${output}`));
    });
  });
}

/** The most memory (resident set, MB) the server process has held since it started; null off Linux. */
export function peakMemoryMb(portal: RunningPortal): number | null {
  try {
    const status = fs.readFileSync(`/proc/${portal.child.pid}/status`, "utf8");
    const kb = Number(status.match(/^VmHWM:\s+(\d+)\s+kB/m)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/** Sends `signal` and resolves once the process has gone. */
export function stopPortal(portal: RunningPortal, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  const { child } = portal;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}
