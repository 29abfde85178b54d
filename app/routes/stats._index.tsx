/**
 * /stats — 工作统计: the figures of the six workflows for one pact of the viewer's county and a
 * period (本月, 本季度, 本年 or a custom range), both counties side by side with the pact's total and
 * the change against the period before. A GET form; exports in Excel or CSV for roles that may
 * export; prints on A4 without the app around it.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import type { FormEvent } from "react";
import { ErrorPage } from "~/components/layout/error-page";
import { FiguresTable } from "~/components/stats/figures-table";
import { STATS_PRINT_CSS, StatsPrintButton } from "~/components/stats/print";
import { Button } from "~/components/ui/button";
import { EmptyState, PageHeader } from "~/components/ui/feedback";
import { SelectField, TextField } from "~/components/ui/field";
import { todayInChina, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { workflowsAllowing } from "~/modules/access/capabilities";
import { requireUser } from "~/modules/auth/require-user.server";
import { pactFigures } from "~/modules/stats/figures.server";
import { chosenPact, requireStatsViewer, statsPactsOf } from "~/modules/stats/page.server";
import { PERIOD_PRESETS, periodOf } from "~/modules/stats/period";

export const meta: MetaFunction = () => [{ title: "工作统计" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const url = new URL(request.url);
  requireStatsViewer(viewer, url.pathname);
  const pacts = statsPactsOf(viewer);
  const pact = chosenPact(viewer, pacts, url.searchParams.get("pact"));
  const choice = periodOf(url.searchParams, todayInChina());
  const figures = pact && choice.period ? pactFigures(viewer, pact.id, choice.period) : null;
  return {
    pacts,
    pactId: pact?.id ?? null,
    choice,
    figures,
    mayExport: workflowsAllowing(viewer.roles, "export").length > 0,
  };
}

/** Typing a date makes the period a custom one. */
function toCustom(event: FormEvent<HTMLInputElement>) {
  const select = event.currentTarget.form?.elements.namedItem("period");
  if (select instanceof HTMLSelectElement) select.value = "custom";
}

function exportHref(pactId: number, from: string, to: string, format: "xlsx" | "csv") {
  return `/stats/export?${new URLSearchParams({ pact: String(pactId), from, to, format })}`;
}

export default function StatsPage() {
  const t = useT();
  const { pacts, pactId, choice, figures, mayExport } = useLoaderData<typeof loader>();
  const presets = PERIOD_PRESETS.map((p) => ({ value: p, label: t(`stats.period.${p}` as MessageKey) }));
  return (
    <div className="mx-auto max-w-5xl space-y-4 print:max-w-none print:space-y-2">
      <style dangerouslySetInnerHTML={{ __html: STATS_PRINT_CSS }} />
      <div className="print:hidden">
        <PageHeader title={t("stats.page.title")} actions={figures ? <StatsPrintButton /> : undefined}>
          {t("stats.page.intro")}
          {figures ? <span className="block text-xs text-slate-500">{t("stats.page.printHint")}</span> : null}
        </PageHeader>
      </div>
      {pactId === null ? (
        <div data-testid="stats-no-pact">
          <EmptyState>{t("stats.page.noPact")}</EmptyState>
        </div>
      ) : (
        <>
          <Form key={`${pactId}:${choice.preset}:${choice.from}:${choice.to}`} method="get" className="flex flex-wrap items-start gap-3 print:hidden" data-testid="stats-form">
            <div className="w-full sm:w-80">
              <SelectField name="pact" label={t("stats.page.pact")} options={pacts.map((p) => ({ value: String(p.id), label: p.title }))} defaultValue={String(pactId)} />
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
              <h2 className="text-lg font-semibold text-slate-900">{t("stats.page.printedTitle", { pact: figures.pactTitle })}</h2>
              <FiguresTable data={figures} />
            </section>
          ) : null}
          {figures && mayExport ? (
            <div className="flex flex-wrap items-center gap-3 text-sm print:hidden" data-testid="stats-exports">
              <a href={exportHref(figures.pactId, figures.period.from, figures.period.to, "xlsx")} className="font-medium text-brand-700 hover:underline" download>
                {t("stats.page.exportXlsx")}
              </a>
              <a href={exportHref(figures.pactId, figures.period.from, figures.period.to, "csv")} className="font-medium text-brand-700 hover:underline" download>
                {t("stats.page.exportCsv")}
              </a>
              <span className="text-xs text-slate-500">{t("stats.page.exportScope")}</span>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
