import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { CheckboxField, SelectField, TextField } from "~/components/ui/field";
import { Card } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { regionLevelKey } from "./labels";
import { FormErrors } from "./notice";
import { parentChoices, type RegionTreeNode } from "./region-tree";

export interface RegionFormValues {
  name?: string;
  parentId?: string;
  isBorder?: boolean;
}

/** Adds a node; the parent chosen decides its level. */
export function RegionCreateForm({
  nodes,
  values,
  errors,
  busy,
}: {
  nodes: RegionTreeNode[];
  values: RegionFormValues;
  errors?: Record<string, string>;
  busy: boolean;
}) {
  const t = useT();
  const options = parentChoices(nodes, (level) => t(regionLevelKey(level)));
  return (
    <div id="add-region">
      <Card title={t("admin.regions.add")}>
        {/* Keyed by the preselected parent so "add below" links refill the form. */}
        <Form method="post" className="space-y-4" noValidate key={values.parentId ?? ""}>
          <input type="hidden" name="intent" value="create" />
          <FormErrors errors={errors} />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              name="parentId"
              label={t("admin.regions.parent")}
              hint={t("admin.regions.levelHint")}
              options={options}
              placeholder={t("admin.regions.noParent")}
              defaultValue={values.parentId ?? ""}
              error={errors?.parentId}
            />
            <TextField
              name="name"
              label={t("admin.regions.name")}
              defaultValue={values.name ?? ""}
              error={errors?.name}
              maxLength={64}
              required
            />
          </div>
          <CheckboxField name="isBorder" label={t("admin.regions.borderLabel")} defaultChecked={values.isBorder ?? false} />
          <Button disabled={busy}>{t("admin.regions.add")}</Button>
        </Form>
      </Card>
    </div>
  );
}
