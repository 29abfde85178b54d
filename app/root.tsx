import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppShell } from "~/components/layout/app-shell";
import { ErrorPage } from "~/components/layout/error-page";
import { useNonce } from "~/components/layout/nonce";
import { DEFAULT_LOCALE, translator, type Locale } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { getViewer } from "~/modules/auth/require-user.server";
import { inboxBadgeCount } from "~/modules/records/inbox-badge.server";
import stylesheet from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: translator(data?.locale ?? DEFAULT_LOCALE)("app.name") },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = getLocale(request);
  const viewer = await getViewer(request);
  return {
    locale,
    viewer: viewer
      ? {
          displayName: viewer.displayName,
          countyName: viewer.countyName,
          roles: viewer.roles,
        }
      : null,
    /** Items in the viewer's inbox (待办), for the menu badge (counted again only after a change). */
    inboxCount: viewer ? inboxBadgeCount(viewer) : 0,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

/** zod reads its settings from this global when it loads; `jitless` validates without eval. */
const ZOD_WITHOUT_EVAL = "globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });";

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  return (
    <html lang={locale === "zh-CN" ? "zh-CN" : "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* Before any module: zod (form validation in the browser) would otherwise test whether it may
            compile validators with `new Function`, which the page policy refuses and reports. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: ZOD_WITHOUT_EVAL }} />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  return (
    <AppShell>
      <ErrorPage />
    </AppShell>
  );
}
