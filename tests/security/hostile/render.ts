/**
 * Renders a route's page to HTML the way the server would: the loader's data through the route's
 * own component (react-dom/server), under a root that gives the locale. What a hostile text
 * becomes in the HTML is what a browser would get.
 */
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { Outlet } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { ROUTE_MODULES, type RouteKey } from "../isolation-routes";

/** `pacts.$pactId._index` → `pacts/:pactId`; `disputes.$disputeId_.agreement` → `disputes/:disputeId/agreement`. */
export function patternOf(route: RouteKey): string {
  return route
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? `:${s.slice(1).replace(/_$/, "")}` : s.replace(/_$/, "")))
    .join("/");
}

export async function renderPage(route: RouteKey, url: string, loaderData: unknown, actionData?: unknown): Promise<string> {
  const mod = ROUTE_MODULES[route] as unknown as { default: ComponentType };
  const routes = [
    {
      id: "root",
      path: "/",
      loader: () => ({ locale: "zh-CN", viewer: null }),
      element: createElement(Outlet),
      children: [{ id: `routes/${route}`, path: patternOf(route) || undefined, index: !patternOf(route) || undefined, loader: () => loaderData, Component: mod.default }],
    },
  ];
  const handler = createStaticHandler(routes as never);
  const context = await handler.query(new Request(url));
  if (context instanceof Response) throw new Error(`render of ${route} answered ${context.status}`);
  if (actionData !== undefined) context.actionData = { [`routes/${route}`]: actionData };
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }));
}
