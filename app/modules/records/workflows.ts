import type { Workflow } from "~/modules/access/capabilities";

/** The workflow part of a reference number: XH-YH-2026-0042 is XH's 42nd hazard of 2026. */
export const WORKFLOW_CODES: Record<Workflow, string> = {
  hazard: "YH", // 隐患
  dispute: "TJ", // 调解
  notice: "TB", // 通报
  patrol: "XF", // 巡防
  meeting: "LX", // 联席
  project: "MS", // 民生
};

/** Where each workflow's records live in the portal. */
export const WORKFLOW_PATHS: Partial<Record<Workflow, string>> = {
  hazard: "/hazards",
  dispute: "/disputes",
  notice: "/notices",
  patrol: "/patrols",
  meeting: "/meetings",
  project: "/projects",
};

export function recordPath(workflow: Workflow, id: number): string {
  return `${WORKFLOW_PATHS[workflow] ?? "/records"}/${id}`;
}
