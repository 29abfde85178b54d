import type { MessageKey, Translate } from "~/i18n";
import { DICTIONARIES } from "~/i18n";

/** "乡镇/街道", "村/社区", "微网格". */
export function regionLevelKey(level: "township" | "village" | "micro_grid"): MessageKey {
  return `admin.regions.level.${level}`;
}

function known(key: string): key is MessageKey {
  return Object.hasOwn(DICTIONARIES["zh-CN"], key);
}

/** The words for an audit action (e.g. 新建用户); the raw action when it has none yet. */
export function auditActionLabel(action: string, t: Translate): string {
  const key = `admin.audit.act.${action}`;
  return known(key) ? t(key) : action;
}

/** The words for an audited kind of object (用户, 区划…); the raw type when it has none. */
export function auditEntityLabel(entityType: string, t: Translate): string {
  const key = `admin.audit.entity.${entityType}`;
  return known(key) ? t(key) : entityType;
}
