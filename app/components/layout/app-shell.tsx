import { Form, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { RootData } from "~/root";
import { useT } from "~/i18n/use-t";
import { navigationFor, type NavItem } from "./navigation";

/** A small count next to a menu entry; nothing at 0. */
function CountBadge({ count, testId }: { count: number; testId?: string }) {
  const t = useT();
  if (count <= 0) return null;
  return (
    <span className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-red-600 px-1.5 py-0.5 text-xs font-semibold leading-none text-white">
      <span aria-hidden="true" data-testid={testId}>
        {count > 99 ? "99+" : count}
      </span>
      <span className="sr-only">{t("inbox.navCount", { count })}</span>
    </span>
  );
}

function LanguageSwitch() {
  const t = useT();
  const location = useLocation();
  return (
    <Form method="post" action="/lang">
      <input type="hidden" name="locale" value={t.locale === "zh-CN" ? "en" : "zh-CN"} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="rounded px-2 py-1 text-sm text-brand-100 hover:bg-brand-700 hover:text-white">
        {t("nav.language")}
      </button>
    </Form>
  );
}

/** The frame of every page: header with county and user, the menu, the language switch. */
export function AppShell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const t = useT();
  const viewer = data?.viewer;
  const items = viewer ? navigationFor(viewer.roles) : [];
  const counts: Record<NonNullable<NavItem["count"]>, number> = { inbox: data?.inboxCount ?? 0 };
  const countOf = (item: NavItem) => (item.count ? counts[item.count] : 0);
  const menuCount = items.reduce((sum, item) => sum + countOf(item), 0);
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    `block rounded px-3 py-2 text-sm ${isActive ? "bg-brand-700 text-white" : "text-brand-50 hover:bg-brand-700"}`;

  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-800 text-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <a href="/" className="text-base font-semibold tracking-wide">
            {t("app.name")}
          </a>
          {viewer ? (
            <p className="text-sm text-brand-100" data-testid="viewer-county">
              {viewer.countyName} · {viewer.displayName}
            </p>
          ) : null}
          <div className="ml-auto flex items-center gap-2">
            <LanguageSwitch />
            {viewer ? (
              <Form method="post" action="/logout">
                <button type="submit" className="rounded px-2 py-1 text-sm text-brand-100 hover:bg-brand-700 hover:text-white">
                  {t("nav.signOut")}
                </button>
              </Form>
            ) : null}
          </div>
        </div>
        {viewer ? (
          <nav aria-label={t("nav.mainLabel")} className="border-t border-brand-700 print:hidden">
            <div className="mx-auto max-w-6xl px-2">
              {/* Phones: a menu that opens; wider screens: a row of links. Works without JavaScript. */}
              <details className="sm:hidden">
                <summary className="cursor-pointer list-none px-2 py-2 text-sm text-brand-50">
                  ☰ {t("nav.menu")}
                  <CountBadge count={menuCount} />
                </summary>
                <ul className="pb-2">
                  {items.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={item.to === "/" || item.to === "/admin"} className={linkClass}>
                        {t(item.label)}
                        <CountBadge count={countOf(item)} testId={item.count ? `nav-count-${item.count}-phone` : undefined} />
                      </NavLink>
                    </li>
                  ))}
                  <li>
                    <NavLink to="/account/password" className={linkClass}>
                      {t("nav.account")}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/account/second-factor" className={linkClass}>
                      {t("nav.secondFactor")}
                    </NavLink>
                  </li>
                </ul>
              </details>
              <ul className="hidden flex-wrap gap-1 py-1 sm:flex">
                {items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === "/" || item.to === "/admin"} className={linkClass}>
                      {t(item.label)}
                      <CountBadge count={countOf(item)} testId={item.count ? `nav-count-${item.count}` : undefined} />
                    </NavLink>
                  </li>
                ))}
                <li className="ml-auto">
                  <NavLink to="/account/password" className={linkClass}>
                    {t("nav.account")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/account/second-factor" className={linkClass}>
                    {t("nav.secondFactor")}
                  </NavLink>
                </li>
              </ul>
            </div>
          </nav>
        ) : null}
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</main>
    </div>
  );
}
