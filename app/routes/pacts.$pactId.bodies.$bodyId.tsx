import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { BodyKindBadges, BodyMemberList } from "~/components/pacts/joint-bodies";
import { NoticeAlert, personLabel } from "~/components/pacts/pact-bits";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { mayManagePacts } from "~/modules/access/capabilities";
import { requireUser } from "~/modules/auth/require-user.server";
import type { Viewer } from "~/modules/auth/viewer";
import { formValues, parseForm } from "~/modules/forms/validation";
import { answerRefusal, formErrors, notFound } from "~/modules/pacts/answers.server";
import { addBodyMember, getBodyFor, parseBodyId, removeBodyMember } from "~/modules/pacts/bodies.server";
import { requireMemberPact, standingOf } from "~/modules/pacts/pacts.server";
import { enabledPeopleOf } from "~/modules/pacts/people.server";
import { DUTY_MAX, bodyMemberSchema, removeMemberSchema } from "~/modules/pacts/schemas";
import { isInEffect } from "~/modules/pacts/transitions";
import { recordDenial } from "~/modules/tenancy/users.server";
import { readFormData } from "~/modules/forms/read-form.server";

/** The pact (404 unless the viewer's county is a member) and the body under it. */
function requireBody(viewer: Viewer, params: { pactId?: string; bodyId?: string }) {
  const pact = requireMemberPact(viewer, params.pactId);
  const bodyId = parseBodyId(params.bodyId);
  const body = bodyId === null ? null : getBodyFor(viewer, pact.id, bodyId);
  if (!body) return notFound();
  return { pact, body };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const { pact, body } = requireBody(viewer, params);
  const mayEdit = mayManagePacts(viewer.roles) && isInEffect(standingOf(pact).phase);
  const memberIds = new Set(body.members.map((m) => m.userId));
  return {
    pact: { id: pact.id, title: pact.title },
    body,
    mayEdit,
    ownCountyId: viewer.countyId,
    addable: mayEdit ? enabledPeopleOf(viewer.countyId).filter((p) => !memberIds.has(p.id)) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const { pact, body } = requireBody(viewer, params);
  if (!mayManagePacts(viewer.roles)) {
    recordDenial(viewer, "joint_body", body.id);
    throw new Response("Forbidden", { status: 403 });
  }
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const here = `/pacts/${pact.id}/bodies/${body.id}`;
  if (intent === "add") {
    const parsed = parseForm(bodyMemberSchema, formData, t);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
    const result = addBodyMember(viewer, pact.id, body.id, parsed.data);
    if (!result.ok) return answerRefusal(result, t, formValues(formData), intent);
    throw redirect(`${here}?notice=memberAdded`);
  }
  if (intent === "remove") {
    const parsed = parseForm(removeMemberSchema, formData, t);
    if (!parsed.ok) throw new Response("Bad Request", { status: 400 });
    const result = removeBodyMember(viewer, pact.id, body.id, parsed.data.userId);
    if (!result.ok) return answerRefusal(result, t, formValues(formData), intent);
    throw redirect(`${here}?notice=memberRemoved`);
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function JointBodyPage() {
  const t = useT();
  const { pact, body, mayEdit, ownCountyId, addable } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = answer?.intent === "add" ? answer.errors : {};
  const values = answer?.intent === "add" ? answer.values : {};
  const ownMembers = body.members.filter((m) => m.countyId === ownCountyId);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to={`/pacts/${pact.id}`} className="text-sm text-brand-700 hover:underline">
        ← {pact.title}
      </Link>
      <PageHeader title={<span className="break-words">{body.name}</span>} actions={<BodyKindBadges body={body} />}>
        {t("pacts.body.createdBy", { name: body.createdByName, time: t.dateTime(body.createdAt) })}
      </PageHeader>
      <NoticeAlert />
      {answer?.formError ? <Alert tone="error">{answer.formError}</Alert> : null}

      <Card title={t("pacts.body.members")}>
        <BodyMemberList members={body.members} />
      </Card>

      {mayEdit ? (
        <Card title={t("pacts.body.ownMembers")}>
          {ownMembers.length > 0 ? (
            <ul className="mb-4 divide-y divide-slate-100">
              {ownMembers.map((m) => (
                <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="text-sm">
                    {m.displayName}
                    {m.duty ? <span className="text-slate-500"> · {m.duty}</span> : null}
                  </span>
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <Button variant="secondary" disabled={busy} aria-label={t("pacts.body.removePerson", { name: m.displayName })}>
                      {t("pacts.body.remove")}
                    </Button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : null}
          {addable.length === 0 ? (
            <p className="text-sm text-slate-500">{t("pacts.body.noneToAdd")}</p>
          ) : (
            <Form method="post" noValidate className="space-y-3">
              <input type="hidden" name="intent" value="add" />
              <SelectField
                name="userId"
                label={t("pacts.body.field.person")}
                placeholder={t("pacts.body.choose")}
                options={addable.map((p) => ({ value: p.id, label: personLabel(t, p) }))}
                defaultValue={typeof values.userId === "string" ? values.userId : ""}
                error={errors.userId}
              />
              <TextField
                name="duty"
                label={t("pacts.body.field.duty")}
                placeholder={t("pacts.body.field.duty.placeholder")}
                maxLength={DUTY_MAX}
                defaultValue={typeof values.duty === "string" ? values.duty : ""}
                error={errors.duty}
              />
              <Button disabled={busy}>{t("pacts.body.add")}</Button>
            </Form>
          )}
        </Card>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
