/** Medians and the Markdown tables of a benchmark run (pasted into docs/benchmarks.md). */

export interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
  errors: number;
  /** Server CPU ms per request at saturation. */
  cpuMs: number;
  rpsRuns: number[];
}

export interface PageResult {
  page: string;
  portal: Figures;
  remix: Figures;
  plain: Figures;
}

export interface ScaleResult {
  database: string;
  records: number;
  threadEntries: number;
  startupMs: number;
  startups: number[];
  peakMemoryMb: number;
  pages: PageResult[];
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const n = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "—");
const kb = (bytes: number) => `${n(bytes / 1024)} kB`;

export function markdownReport(meta: { at: string; rounds: number; seconds: number; loadavg: number[] }, results: ScaleResult[]): string {
  const out: string[] = [`Run ${meta.at}: ${meta.rounds} rounds × ${meta.seconds} s per measurement; load average at the end ${meta.loadavg.map((l) => l.toFixed(1)).join(" / ")}.`, ""];
  for (const r of results) {
    out.push(`### ${r.records.toLocaleString("en")} records, ${r.threadEntries.toLocaleString("en")} thread entries`, "");
    out.push(`Start-up to first page: ${n(r.startupMs / 1000, 2)} s (median of ${r.startups.map((s) => n(s / 1000, 2)).join(", ")}). Peak memory (VmHWM): ${n(r.peakMemoryMb, 0)} MB.`, "");
    out.push("| page | rps (runs) | p50 / p95 / p99 ms at ½ rate | CPU ms/req | bytes | errors | Remix bare: rps · p95 · CPU ms | node:http: rps · p95 · CPU ms | × Remix (rps · CPU) | × node:http (rps · CPU) |");
    out.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const p of r.pages) {
      out.push(
        `| ${p.page} | ${n(p.portal.rps)} (${p.portal.rpsRuns.join(", ")}) | ${n(p.portal.p50)} / ${n(p.portal.p95)} / ${n(p.portal.p99)} | ${n(p.portal.cpuMs)} | ${kb(p.portal.bytes)} | ${p.portal.errors} | ` +
          `${n(p.remix.rps)} · ${n(p.remix.p95)} · ${n(p.remix.cpuMs)} | ${n(p.plain.rps)} · ${n(p.plain.p95)} · ${n(p.plain.cpuMs)} | ` +
          `${n(p.portal.rps / p.remix.rps, 2)} · ${n(p.remix.cpuMs / p.portal.cpuMs, 2)} | ${n(p.portal.rps / p.plain.rps, 2)} · ${n(p.plain.cpuMs / p.portal.cpuMs, 2)} |`,
      );
    }
    out.push("");
  }
  return out.join("\n");
}
