import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { regionLevelKey } from "~/components/admin/labels";
import { FormErrors, NoticeAlert } from "~/components/admin/notice";
import { BorderBadge } from "~/components/admin/region-tree";
import { Button } from "~/components/ui/button";
import { CheckboxField, TextField } from "~/components/ui/field";
import { Alert, Badge, Card, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import type { Viewer } from "~/modules/auth/viewer";
import { formValues, parseForm, type FieldErrors } from "~/modules/forms/validation";
import { deleteRegion, getCountyRegion, updateRegion } from "~/modules/tenancy/regions.server";
import { regionUpdateSchema } from "~/modules/tenancy/schemas";
import { requireCountyAdmin } from "~/modules/tenancy/users.server";
import { readFormData } from "~/modules/forms/read-form.server";

const notFound = () => new Response("Not Found", { status: 404 });

/** A node of the viewer's own county named in the URL; 404 for another county's or none. */
function requireCountyRegion(viewer: Viewer, param: string | undefined) {
  const id = Number(param);
  const region = Number.isSafeInteger(id) && id > 0 ? getCountyRegion(viewer, id) : null;
  if (!region) throw notFound();
  return region;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  requireCountyAdmin(viewer, request);
  return { region: requireCountyRegion(viewer, params.regionId) };
}

type Intent = "update" | "delete";

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  requireCountyAdmin(viewer, request);
  const region = requireCountyRegion(viewer, params.regionId);
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const refuse = (intent: Intent, errors: FieldErrors) => ({ intent, errors, values: formValues(formData) });

  if (intent === "update") {
    const parsed = parseForm(regionUpdateSchema, formData, t);
    if (!parsed.ok) return refuse(intent, parsed.errors);
    const result = updateRegion(viewer, region.id, parsed.data);
    if (result.ok) throw redirect(`/admin/regions/${region.id}?notice=updated`);
    if (result.reason === "duplicate_name") {
      return refuse(intent, { name: t("admin.regions.nameTaken", { name: parsed.data.name }) });
    }
    throw notFound();
  }

  if (intent === "delete") {
    const result = deleteRegion(viewer, region.id);
    if (result.ok) throw redirect("/admin/regions?notice=deleted");
    if (result.reason === "has_children") {
      return refuse(intent, { _form: t("admin.regions.hasChildren", { count: region.children.length }) });
    }
    if (result.reason === "in_use") return refuse(intent, { _form: t("admin.regions.inUse") });
    throw notFound();
  }

  throw new Response("Bad Request", { status: 400 });
}

export default function CountyRegionPage() {
  const t = useT();
  const { region } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const updateErrors = data?.intent === "update" ? data.errors : undefined;
  const deleteError = data?.intent === "delete" ? data.errors._form : undefined;
  const posted = data?.intent === "update" ? data.values : undefined;
  const path = region.ancestors.map((a) => a.name).join(" › ");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {region.name}
            <Badge tone={region.level === "township" ? "blue" : "slate"}>{t(regionLevelKey(region.level))}</Badge>
            {region.isBorder ? <BorderBadge /> : null}
          </span>
        }
      >
        <p>
          {t("admin.regions.path", { path: path || t("admin.regions.top") })}
        </p>
        <Link to="/admin/regions" className="text-brand-700 underline">
          ← {t("admin.regions.back")}
        </Link>
      </PageHeader>
      <NoticeAlert notices={{ updated: "admin.notice.regionUpdated" }} />

      <Card title={t("admin.regions.edit")}>
        <Form method="post" className="space-y-4" noValidate key={region.updatedAt}>
          <input type="hidden" name="intent" value="update" />
          <FormErrors errors={updateErrors} />
          <TextField
            name="name"
            label={t("admin.regions.name")}
            defaultValue={posted ? String(posted.name ?? "") : region.name}
            error={updateErrors?.name}
            maxLength={64}
            required
          />
          <CheckboxField
            name="isBorder"
            label={t("admin.regions.borderLabel")}
            defaultChecked={posted ? !!posted.isBorder : region.isBorder}
          />
          <Button disabled={busy}>{t("form.save")}</Button>
        </Form>
      </Card>

      <Card
        title={t("admin.regions.children")}
        actions={
          region.level !== "micro_grid" ? (
            <Link to={`/admin/regions?parent=${region.id}#add-region`} className="text-sm text-brand-700 underline">
              + {t("admin.regions.addChild")}
            </Link>
          ) : null
        }
      >
        {region.children.length === 0 ? (
          <p className="text-sm text-slate-500">{t("admin.regions.noChildren")}</p>
        ) : (
          <ul className="space-y-1">
            {region.children.map((child) => (
              <li key={child.id} className="flex flex-wrap items-center gap-2 text-sm">
                <Link to={`/admin/regions/${child.id}`} className="text-brand-700 underline">
                  {child.name}
                </Link>
                <Badge>{t(regionLevelKey(child.level))}</Badge>
                {child.isBorder ? <BorderBadge /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t("admin.regions.delete")}>
        <div className="space-y-3">
          {deleteError ? <Alert tone="error">{deleteError}</Alert> : null}
          {region.children.length > 0 ? (
            <p className="text-sm text-slate-600">{t("admin.regions.hasChildren", { count: region.children.length })}</p>
          ) : (
            <Form method="post" className="space-y-3">
              <input type="hidden" name="intent" value="delete" />
              <p className="text-sm text-slate-600">{t("admin.regions.deleteNote")}</p>
              <Button variant="danger" disabled={busy}>
                {t("admin.regions.delete")}
              </Button>
            </Form>
          )}
        </div>
      </Card>
    </div>
  );
}
