/**
 * The servers under test, each pinned to one core: the portal as shipped, the same build with the
 * bare Remix baseline switched on, and the plain node:http baseline. Start-up time, peak memory
 * (VmHWM) and sign-in.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildServer } from "../build-server";

export type ServerKind = "portal" | "remix" | "plain";

export interface RunningServer {
  kind: ServerKind;
  base: string;
  process: ChildProcess;
  /** From spawn to the first page served (ms). */
  startupMs: number;
}

/** The servers as production runs them: compiled to plain JavaScript, started with node. */
const COMPILED = "data/bench/server";
const ENTRY: Record<ServerKind, string> = { portal: "server", remix: "server", plain: "plain-server" };

/**
 * Compiles the portal's server and the plain baseline (the build's own server compile) into
 * data/bench/server; run before starting servers, so they are never stale.
 */
export async function compileServers(): Promise<void> {
  await buildServer({ outdir: COMPILED, entries: { server: "server.ts", "plain-server": "scripts/bench/plain-server.ts" } });
}

/**
 * The compiled entry files, through links of their own under data/bench, so that each server under
 * test has a command line no other process on the machine shares (nothing stopping "server.js"
 * processes by name can hit the benchmark).
 */
function entryOf(kind: ServerKind): string {
  const link = path.resolve(`data/bench/bench-${kind}-entry.js`);
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.resolve(COMPILED, `${ENTRY[kind]}.js`), link);
  return link;
}

const stopping = new WeakSet<ChildProcess>();

/**
 * V8's old-generation limit for the servers. Without it, on a machine with plenty of memory, V8
 * lets the heap grow to several hundred MB under load before collecting; at 256 MB the portal
 * peaks near 300 MB with about the same throughput.
 */
const HEAP_MB = 256;

export async function startServer(kind: ServerKind, databasePath: string, port: number, core: number): Promise<RunningServer> {
  const started = performance.now();
  // The same heap limit as `npm start` (package.json) for every server, baselines included.
  const child = spawn("taskset", ["-c", String(core), process.execPath, `--max-old-space-size=${HEAP_MB}`, entryOf(kind)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_PATH: databasePath,
      DEMO_DATA: "off",
      PORT: String(port),
      BENCH_BASELINE: kind === "remix" ? "1" : "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  child.once("exit", (code, signal) => {
    if (!stopping.has(child)) console.error(`${kind} server stopped unexpectedly (${signal ?? `exit ${code}`})`);
  });
  const base = `http://127.0.0.1:${port}`;
  const probe = kind === "plain" ? "/bench-baseline/none" : "/login";
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} server exited with ${child.exitCode}`);
    try {
      const res = await fetch(base + probe, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
    if (performance.now() - started > 120_000) throw new Error(`${kind} server did not start within 2 minutes`);
  }
  return { kind, base, process: child, startupMs: performance.now() - started };
}

export async function stopServer(server: RunningServer): Promise<void> {
  if (server.process.exitCode !== null) return;
  stopping.add(server.process);
  const exited = new Promise((r) => server.process.once("exit", r));
  server.process.kill("SIGTERM");
  await exited;
}

/** Peak resident memory of the server process so far (VmHWM), in MB. */
export function peakMemoryMb(server: RunningServer): number {
  const status = fs.readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * CPU time the server process has used so far (user + system, ms), from /proc/<pid>/stat. Its
 * growth per request is what a page costs, however busy the machine's other cores are.
 */
export function cpuMs(server: RunningServer): number {
  const fields = fs.readFileSync(`/proc/${server.process.pid}/stat`, "utf8").split(") ")[1].split(" ");
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Signs in through the login form, as a browser would; returns the Cookie header to send. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("portal_session="));
  if (res.status !== 302 || !cookie) throw new Error(`sign-in as ${username} failed (${res.status})`);
  return cookie.split(";")[0];
}
