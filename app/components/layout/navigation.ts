import type { MessageKey } from "~/i18n";
import { isCountyAdmin, type Role } from "~/modules/access/capabilities";

export interface NavItem {
  to: string;
  label: MessageKey;
}

/** The menu: only what exists and what the viewer's roles may open. */
export function navigationFor(roles: readonly Role[]): NavItem[] {
  const items: NavItem[] = [
    { to: "/", label: "nav.home" },
    { to: "/pacts", label: "nav.pacts" },
    { to: "/liaisons", label: "nav.liaisons" },
  ];
  if (isCountyAdmin(roles)) {
    items.push(
      { to: "/admin/users", label: "nav.users" },
      { to: "/admin/regions", label: "nav.regions" },
      { to: "/admin/audit", label: "nav.audit" },
    );
  }
  return items;
}
