/**
 * One measurement of one page on one server with autocannon: either at saturation (as many
 * requests as `connections` keep in flight) or at a fixed overall rate. Latencies, statuses and
 * sizes are taken from every response, so percentiles are exact (p95 included).
 */
import autocannon from "autocannon";

export interface Step {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Sample {
  /** Responses per second over the run. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Mean bytes per response (body and headers). */
  bytes: number;
  /** Answers of 4xx/5xx, socket errors and timeouts. */
  errors: number;
  responses: number;
  /** Server CPU time per response (ms), when the caller measured it. */
  cpuMs?: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarise(times: number[], bytes: number, errors: number, seconds: number): Sample {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    rps: times.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    bytes: times.length ? bytes / times.length : 0,
    errors,
    responses: times.length,
  };
}

/**
 * Drives `steps` (each connection walks them in order, round and round) against `base` for
 * `seconds`. Without `rate`, autocannon keeps `connections` requests in flight (saturation). With
 * `rate`, requests are sent on an even schedule of that many per second, whether or not earlier
 * ones have been answered (open loop): autocannon's own pacing lets each connection send its
 * share of a second back to back and then wait for the next second, so its latencies at a "fixed
 * rate" measure bursts queueing behind each other rather than a steady load.
 */
export async function measure(base: string, steps: Step[], seconds: number, options: { connections?: number; rate?: number } = {}): Promise<Sample> {
  if (options.rate !== undefined) return paced(base, steps, seconds, options.rate);
  const times: number[] = [];
  let bytes = 0;
  let errors = 0;
  const started = performance.now();
  const instance = autocannon({
    url: base,
    connections: options.connections ?? 8,
    duration: seconds,
    timeout: 30,
    requests: steps.map((s) => ({ method: s.method, path: s.path, headers: s.headers, body: s.body })),
  });
  instance.on("response", (_client: unknown, status: number, size: number, ms: number) => {
    times.push(ms);
    bytes += size;
    if (status >= 400) errors++;
  });
  instance.on("reqError", () => errors++);
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  return summarise(times, bytes, errors + result.timeouts, Math.max(seconds, elapsed));
}

/** Requests on an even schedule of `rate` per second (open loop), each answer timed from its sending. */
async function paced(base: string, steps: Step[], seconds: number, rate: number): Promise<Sample> {
  const times: number[] = [];
  let bytes = 0;
  let errors = 0;
  const count = Math.max(3, Math.round(seconds * rate));
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const step = steps[i % steps.length];
    const sent = performance.now();
    inFlight.push(
      fetch(base + step.path, { method: step.method, headers: step.headers, body: step.body, redirect: "manual" })
        .then(async (res) => {
          const body = await res.arrayBuffer();
          times.push(performance.now() - sent);
          bytes += body.byteLength;
          if (res.status >= 400) errors++;
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(inFlight);
  return summarise(times, bytes, errors, (performance.now() - started) / 1000);
}
