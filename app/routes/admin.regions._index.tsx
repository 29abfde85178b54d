import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { NoticeAlert } from "~/components/admin/notice";
import { RegionCreateForm } from "~/components/admin/region-create-form";
import { RegionTree } from "~/components/admin/region-tree";
import { EmptyState, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import { formValues, parseForm, type FieldErrors } from "~/modules/forms/validation";
import { createRegion, listCountyRegions } from "~/modules/tenancy/regions.server";
import { regionCreateSchema } from "~/modules/tenancy/schemas";
import { requireCountyAdmin } from "~/modules/tenancy/users.server";
import { readFormData } from "~/modules/forms/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  requireCountyAdmin(viewer, request);
  const nodes = listCountyRegions(viewer);
  // "Add below" links preselect a parent; only one of the county's own townships or villages.
  const wanted = Number(new URL(request.url).searchParams.get("parent"));
  const parent = nodes.find((n) => n.id === wanted && n.level !== "micro_grid");
  return { countyName: viewer.countyName, nodes, parentId: parent ? String(parent.id) : "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  requireCountyAdmin(viewer, request);
  const t = getTranslator(request);
  const formData = await readFormData(request);
  if (formData.get("intent") !== "create") throw new Response("Bad Request", { status: 400 });
  const refuse = (errors: FieldErrors) => ({ errors, values: formValues(formData) });
  const parsed = parseForm(regionCreateSchema, formData, t);
  if (!parsed.ok) return refuse(parsed.errors);
  const result = createRegion(viewer, parsed.data);
  if (result.ok) throw redirect(`/admin/regions?notice=created#region-${result.id}`);
  switch (result.reason) {
    case "duplicate_name":
      return refuse({ name: t("admin.regions.nameTaken", { name: parsed.data.name }) });
    case "parent_is_micro_grid":
      return refuse({ parentId: t("admin.regions.parentIsMicroGrid") });
    default:
      // A parent of another county, or none at all: the same answer for both.
      throw new Response("Not Found", { status: 404 });
  }
}

export default function CountyRegionsPage() {
  const t = useT();
  const { countyName, nodes, parentId } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const posted = data?.values;
  const values = posted
    ? { name: String(posted.name ?? ""), parentId: String(posted.parentId ?? ""), isBorder: !!posted.isBorder }
    : { parentId };
  const borderCount = nodes.filter((n) => n.isBorder).length;
  return (
    <div className="space-y-4">
      <PageHeader title={t("admin.regions.title")}>
        <p>{t("admin.regions.summary", { county: countyName, count: nodes.length, border: borderCount })}</p>
        <p>{t("admin.regions.intro")}</p>
      </PageHeader>
      <NoticeAlert notices={{ created: "admin.notice.regionCreated", deleted: "admin.notice.regionDeleted" }} />
      {nodes.length === 0 ? <EmptyState>{t("admin.regions.empty")}</EmptyState> : <RegionTree nodes={nodes} />}
      <RegionCreateForm nodes={nodes} values={values} errors={data?.errors} busy={busy} />
    </div>
  );
}
