import { CheckboxGroup, TextField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { ROLES } from "~/modules/access/capabilities";

export interface UserProfileValues {
  displayName?: string;
  title?: string;
  phone?: string;
  roles?: readonly string[];
}

/** Name, title, phone and roles: shared by the new-user and the edit-user forms. */
export function UserProfileFields({
  values,
  errors,
  rolesLocked = false,
}: {
  values: UserProfileValues;
  errors?: Record<string, string>;
  /** One's own account: the roles are shown but only another administrator may change them. */
  rolesLocked?: boolean;
}) {
  const t = useT();
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="displayName"
          label={t("admin.users.displayName")}
          defaultValue={values.displayName ?? ""}
          error={errors?.displayName}
          maxLength={32}
          required
        />
        <TextField
          name="title"
          label={t("admin.users.jobTitle")}
          hint={t("admin.users.jobTitleHint")}
          defaultValue={values.title ?? ""}
          error={errors?.title}
          maxLength={64}
          required
        />
        <TextField
          name="phone"
          type="tel"
          inputMode="tel"
          label={
            <>
              {t("admin.users.phone")} <span className="font-normal text-slate-500">· {t("form.optional")}</span>
            </>
          }
          hint={t("admin.users.phoneHint")}
          defaultValue={values.phone ?? ""}
          error={errors?.phone}
          maxLength={20}
        />
      </div>
      <CheckboxGroup
        name="roles"
        legend={t("admin.users.roles")}
        options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        checked={values.roles ?? []}
        error={errors?.roles}
        disabled={rolesLocked}
        hint={rolesLocked ? t("admin.users.ownRolesLocked") : undefined}
      />
    </>
  );
}

/** Form values echoed back by an action, as the fields expect them. */
export function profileValuesFrom(values: Record<string, string | string[]>): UserProfileValues {
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const roles = values.roles;
  return {
    displayName: text("displayName"),
    title: text("title"),
    phone: text("phone"),
    roles: Array.isArray(roles) ? roles : roles ? [roles] : [],
  };
}
