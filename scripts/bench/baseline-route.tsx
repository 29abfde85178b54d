/**
 * The benchmark's bare Remix baseline (docs/benchmarks.md): one resource route that runs only a
 * page's main query and answers its rows as a bare table. remix.config.js adds it at
 * /bench-baseline/:page only to a build made with BENCH_BASELINE=1, and even then it answers 404
 * unless the server also runs with BENCH_BASELINE=1.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { answerBaseline, baselineEnabled } from "./main-queries.server";

function respond(page: string | undefined, request: Request, form: URLSearchParams | null) {
  if (!baselineEnabled()) return new Response("Not Found", { status: 404 });
  const { status, html } = answerBaseline(page ?? "", new URL(request.url), form);
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return respond(params.page, request, null);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return respond(params.page, request, new URLSearchParams(await request.text()));
}
