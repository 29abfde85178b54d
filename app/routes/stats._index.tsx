/**
 * /stats — 工作统计: the figures of the six workflows for one pact of the viewer's county, or for the
 * county across all its pacts and internal records (pact=county), and a period (本月, 本季度, 本年
 * up to today, or a custom range): the counties side by side with the total and the change against
 * the period before, the monthly trend of each workflow and its breakdowns by category and by
 * township. A GET form; exports in Excel or CSV for roles that may export; prints on A4 without
 * the app around it.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { FormEvent } from "react";
import { ErrorPage } from "~/components/layout/error-page";
import { BreakdownSection, TrendSection } from "~/components/stats/chart-sections";
import { FiguresTable } from "~/components/stats/figures-table";
import { StatsPrintButton } from "~/components/stats/print";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/feedback";
import { SelectField, TextField } from "~/components/ui/field";
import { todayInChina, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { workflowsAllowing } from "~/modules/access/capabilities";
import { requireUser } from "~/modules/auth/require-user.server";
import { COUNTY_SCOPE } from "~/modules/stats/figures";
import { chosenScope, requireStatsViewer, statsPactsOf, statsViewOf } from "~/modules/stats/page.server";
import { PERIOD_PRESETS, periodOf } from "~/modules/stats/period";
import printStyles from "~/styles/print-stats.css";

/** A4 print rules of this page only (a stylesheet: the page policy allows no inline style). */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

export const meta: MetaFunction = () => [{ title: "工作统计" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const url = new URL(request.url);
  requireStatsViewer(viewer, url.pathname);
  const pacts = statsPactsOf(viewer);
  const chosen = chosenScope(viewer, pacts, url.searchParams.get("pact"));
  const choice = periodOf(url.searchParams, todayInChina());
  const view = choice.period ? statsViewOf(viewer, chosen, choice.period) : null;
  return {
    pacts,
    scope: chosen.value,
    choice,
    figures: view?.figures ?? null,
    trends: view?.trends ?? null,
    breakdowns: view?.breakdowns ?? [],
    mayExport: workflowsAllowing(viewer.roles, "export").length > 0,
  };
}

/** Typing a date makes the period a custom one. */
function toCustom(event: FormEvent<HTMLInputElement>) {
  const select = event.currentTarget.form?.elements.namedItem("period");
  if (select instanceof HTMLSelectElement) select.value = "custom";
}

function exportHref(scope: string, from: string, to: string, format: "xlsx" | "csv") {
  return `/stats/export?${new URLSearchParams({ pact: scope, from, to, format })}`;
}

export default function StatsPage() {
  const t = useT();
  const { pacts, scope, choice, figures, trends, breakdowns, mayExport } = useLoaderData<typeof loader>();
  const scopes = [...pacts.map((p) => ({ value: String(p.id), label: p.title })), { value: COUNTY_SCOPE, label: t("stats.page.scopeCounty") }];
  const presets = PERIOD_PRESETS.map((p) => ({ value: p, label: t(`stats.period.${p}` as MessageKey) }));
  return (
    <div className="mx-auto max-w-5xl space-y-4 print:max-w-none print:space-y-2">
      <div className="print:hidden">
        <PageHeader title={t("stats.page.title")} actions={figures ? <StatsPrintButton /> : undefined}>
          {t("stats.page.intro")}
          {figures ? <span className="block text-xs text-slate-500">{t("stats.page.printHint")}</span> : null}
        </PageHeader>
      </div>
      <Form key={`${scope}:${choice.preset}:${choice.from}:${choice.to}`} method="get" className="flex flex-wrap items-start gap-3 print:hidden" data-testid="stats-form">
        <div className="w-full sm:w-80">
          <SelectField name="pact" label={t("stats.page.pact")} options={scopes} defaultValue={scope} />
        </div>
        <div className="w-36">
          <SelectField name="period" label={t("stats.page.period")} options={presets} defaultValue={choice.preset} />
        </div>
        <div className="w-44">
          <TextField name="from" type="date" label={t("stats.period.from")} defaultValue={choice.from} onInput={toCustom} error={choice.errors.from ? t(choice.errors.from) : undefined} />
        </div>
        <div className="w-44">
          <TextField name="to" type="date" label={t("stats.period.to")} defaultValue={choice.to} onInput={toCustom} error={choice.errors.to ? t(choice.errors.to) : undefined} />
        </div>
        <div className="pt-6">
          <Button type="submit">{t("stats.page.show")}</Button>
        </div>
      </Form>
      {figures ? (
        <section className="stats-sheet space-y-2" data-testid="stats-sheet">
          <h2 className="text-lg font-semibold text-slate-900">{t("stats.page.printedTitle", { pact: figures.title })}</h2>
          {figures.scope === "county" ? <p className="text-xs text-slate-600">{t("stats.page.countyIntro")}</p> : null}
          <FiguresTable data={figures} />
          {trends ? <TrendSection trends={trends} to={figures.period.to} /> : null}
          <BreakdownSection breakdowns={breakdowns} />
        </section>
      ) : null}
      {figures && mayExport ? (
        <div className="flex flex-wrap items-center gap-3 text-sm print:hidden" data-testid="stats-exports">
          <a href={exportHref(scope, figures.period.from, figures.period.to, "xlsx")} className="font-medium text-brand-700 hover:underline" download>
            {t("stats.page.exportXlsx")}
          </a>
          <a href={exportHref(scope, figures.period.from, figures.period.to, "csv")} className="font-medium text-brand-700 hover:underline" download>
            {t("stats.page.exportCsv")}
          </a>
          <span className="text-xs text-slate-500">{t("stats.page.exportScope")}</span>
        </div>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
