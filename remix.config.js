/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverDependenciesToBundle: [],
  postcss: true,
  // The benchmark's bare Remix baseline (docs/benchmarks.md) exists only in a build made with
  // BENCH_BASELINE=1; the product build has no such route.
  routes: async (defineRoutes) =>
    process.env.BENCH_BASELINE === "1"
      ? defineRoutes((route) => route("bench-baseline/:page", "../scripts/bench/baseline-route.tsx", { id: "bench-baseline" }))
      : {},
  tailwind: false,
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
