import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { AuditEntries, type AuditEntryView } from "~/components/admin/audit-entries";
import { AuditFilter } from "~/components/admin/audit-filter";
import { Pagination } from "~/components/admin/pagination";
import { Alert, EmptyState, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { countyAuditActions, listCountyAudit } from "~/modules/audit/county-log.server";
import { verifyAuditChain } from "~/modules/audit/log.server";
import { countyNames } from "~/modules/tenancy/counties.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { parseForm } from "~/modules/forms/validation";
import { auditFilterSchema, chinaDayRange } from "~/modules/tenancy/schemas";
import { requireCountyAdmin } from "~/modules/tenancy/users.server";

/** Stored JSON, indented for reading; left as it is if it does not parse. */
function readableJson(stored: string | null): string | null {
  if (stored === null) return null;
  try {
    return JSON.stringify(JSON.parse(stored), null, 2);
  } catch {
    return stored;
  }
}

/** The filters from the query string; invalid dates are reported and left out of the query. */
function auditFilterFrom(request: Request) {
  const t = getTranslator(request);
  const query = new FormData();
  for (const [name, value] of new URL(request.url).searchParams) query.append(name, value);
  const parsed = parseForm(auditFilterSchema, query, t);
  if (parsed.ok) return { filter: parsed.data, errors: {} as Record<string, string> };
  // Filter by what could be read; whatever could not (a bad date, an over-long name) has its message.
  for (const field of Object.keys(parsed.errors)) query.delete(field);
  const readable = auditFilterSchema.safeParse(Object.fromEntries(query));
  const filter = readable.success ? readable.data : auditFilterSchema.parse({});
  return { filter, errors: parsed.errors, values: parsed.values };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  requireCountyAdmin(viewer, request);
  const { filter, errors, values } = auditFilterFrom(request);
  const result = listCountyAudit(viewer.countyId, {
    action: filter.action,
    actor: filter.q,
    ...chinaDayRange(filter.from, filter.to),
    refusals: filter.refusals,
    page: filter.page,
  });
  const names = countyNames();
  const entries: AuditEntryView[] = result.rows.map((row) => {
    // An entry of another county that concerns this one (an attempt on its data): who and from
    // which county, what and when; the other county's account id and address stay with it.
    const fromOtherCounty = row.countyId !== viewer.countyId;
    return {
      id: row.id,
      at: row.at,
      actorUserId: fromOtherCounty ? null : row.actorUserId,
      actorName: row.actorName,
      fromCountyName: fromOtherCounty ? (row.countyId === null ? "" : (names.get(row.countyId) ?? "")) : null,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: readableJson(row.before),
      after: readableJson(row.after),
      ip: fromOtherCounty ? null : row.ip,
    };
  });
  // Walking the whole chain costs time as the log grows: done when the administrator asks.
  const chain = new URL(request.url).searchParams.get("verify") === "1" ? verifyAuditChain() : null;
  return {
    countyName: viewer.countyName,
    actions: countyAuditActions(viewer.countyId),
    filterValues: {
      action: filter.action,
      q: filter.q,
      refusals: filter.refusals,
      from: typeof values?.from === "string" ? values.from : filter.from,
      to: typeof values?.to === "string" ? values.to : filter.to,
    },
    errors,
    entries,
    refusals: filter.refusals ?? null,
    page: result.page,
    pageCount: result.pageCount,
    total: result.total,
    // Whether the whole portal's chain holds; how many entries other counties have is not shown.
    chain: chain && { ok: chain.ok, brokenAt: chain.brokenAt ?? null },
  };
}

export default function CountyAuditPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <PageHeader title={t("admin.audit.title")}>{t("admin.audit.summary", { county: data.countyName })}</PageHeader>
      {data.chain ? (
        <p
          className={`text-sm ${data.chain.ok ? "text-green-700" : "font-medium text-red-700"}`}
          role={data.chain.ok ? "status" : "alert"}
          data-testid="audit-chain"
        >
          {data.chain.ok
            ? `✓ ${t("admin.audit.chainOk")}`
            : `⚠ ${t("admin.audit.chainBroken", { id: data.chain.brokenAt ?? "?" })}`}
        </p>
      ) : (
        <Form method="get">
          <input type="hidden" name="verify" value="1" />
          <Button variant="secondary">{t("admin.audit.verify")}</Button>
        </Form>
      )}
      <AuditFilter actions={data.actions} values={data.filterValues} errors={data.errors} />
      {Object.keys(data.errors).length > 0 ? <Alert tone="warning">{t("form.fixErrors")}</Alert> : null}
      {data.entries.length === 0 ? (
        <EmptyState>{t("admin.audit.empty")}</EmptyState>
      ) : (
        <>
          <AuditEntries entries={data.entries} />
          <Pagination page={data.page} pageCount={data.pageCount} total={data.total} />
        </>
      )}
    </div>
  );
}
