/**
 * /notices/figures — 刑事犯罪联打统计: per pact and per county (sending and receiving), over a
 * range of years, counted in SQL under the access policy (notices/figures.server.ts). A GET form;
 * 403 for roles that may not view notices.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { NoticeFiguresTable } from "~/components/notices/figures-table";
import { Button } from "~/components/ui/button";
import { Alert, PageHeader } from "~/components/ui/feedback";
import { SelectField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { noticeFigures, yearRangeOf } from "~/modules/notices/figures.server";
import { yearInChina } from "~/modules/records/references.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "notice", "view");
  const currentYear = yearInChina(Date.now());
  const { range, invalid } = yearRangeOf(new URL(request.url), currentYear);
  return {
    range,
    invalid,
    currentYear,
    byPact: noticeFigures(viewer, "pact", range),
    byCounty: noticeFigures(viewer, "county", range),
  };
}

export default function NoticeFiguresPage() {
  const t = useT();
  const { range, invalid, currentYear, byPact, byCounty } = useLoaderData<typeof loader>();
  const years = Array.from({ length: 10 }, (_, i) => String(currentYear - i)).map((y) => ({ value: y, label: y }));
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <PageHeader title={t("notices.figures.title")}>{t("notices.figures.intro")}</PageHeader>
      <Form method="get" className="flex flex-wrap items-end gap-3" data-testid="figures-range">
        <div className="w-32">
          <SelectField name="from" label={t("notices.figures.fromYear")} options={years} defaultValue={String(range.fromYear)} />
        </div>
        <div className="w-32">
          <SelectField name="to" label={t("notices.figures.toYear")} options={years} defaultValue={String(range.toYear)} />
        </div>
        <Button type="submit">{t("notices.figures.show")}</Button>
      </Form>
      {invalid ? <Alert tone="warning">{t("notices.figures.error.range")}</Alert> : null}
      {byPact.total.sent === 0 ? <Alert>{t("notices.figures.empty")}</Alert> : null}
      <NoticeFiguresTable title={t("notices.figures.byPact")} rows={byPact.rows} total={byPact.total} noKeyLabel={t("notices.figures.internal")} testId="figures-pact" />
      <NoticeFiguresTable title={t("notices.figures.byCounty")} rows={byCounty.rows} total={byCounty.total} noKeyLabel={t("notices.figures.none")} testId="figures-county" />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
