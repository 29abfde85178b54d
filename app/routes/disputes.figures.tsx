/**
 * /disputes/figures — 矛盾纠纷联调统计: per joint mediation committee, lead county and pact, over a
 * range of years, counted in SQL under the access policy (figures.server.ts). A GET form.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FiguresTable } from "~/components/disputes/figures-table";
import { ErrorPage } from "~/components/layout/error-page";
import { Alert, PageHeader } from "~/components/ui/feedback";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { disputeFigures, yearRangeOf } from "~/modules/disputes/figures.server";
import { yearInChina } from "~/modules/records/references.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "dispute", "view");
  const currentYear = yearInChina(Date.now());
  const { range, invalid } = yearRangeOf(new URL(request.url), currentYear);
  return {
    range,
    invalid,
    currentYear,
    byCommittee: disputeFigures(viewer, "committee", range),
    byCounty: disputeFigures(viewer, "county", range),
    byPact: disputeFigures(viewer, "pact", range),
  };
}

export default function DisputeFiguresPage() {
  const t = useT();
  const { range, invalid, currentYear, byCommittee, byCounty, byPact } = useLoaderData<typeof loader>();
  const years = Array.from({ length: 10 }, (_, i) => String(currentYear - i)).map((y) => ({ value: y, label: y }));
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <PageHeader title={t("disputes.figures.title")}>{t("disputes.figures.intro")}</PageHeader>
      <Form method="get" className="flex flex-wrap items-end gap-3" data-testid="figures-range">
        <div className="w-32">
          <SelectField name="from" label={t("disputes.figures.fromYear")} options={years} defaultValue={String(range.fromYear)} />
        </div>
        <div className="w-32">
          <SelectField name="to" label={t("disputes.figures.toYear")} options={years} defaultValue={String(range.toYear)} />
        </div>
        <Button type="submit">{t("disputes.figures.show")}</Button>
      </Form>
      {invalid ? <Alert tone="warning">{t("disputes.figures.error.range")}</Alert> : null}
      {byCounty.total.accepted === 0 && byCounty.rows.length === 0 ? <Alert>{t("disputes.figures.empty")}</Alert> : null}
      <FiguresTable title={t("disputes.figures.byCommittee")} rows={byCommittee.rows} total={byCommittee.total} noKeyLabel={t("disputes.figures.noCommittee")} testId="figures-committee" />
      <FiguresTable title={t("disputes.figures.byCounty")} rows={byCounty.rows} total={byCounty.total} noKeyLabel={t("disputes.figures.none")} testId="figures-county" />
      <FiguresTable title={t("disputes.figures.byPact")} rows={byPact.rows} total={byPact.total} noKeyLabel={t("disputes.figures.internal")} testId="figures-pact" />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
