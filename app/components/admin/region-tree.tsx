import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { regionLevelKey } from "./labels";

export interface RegionTreeNode {
  id: number;
  parentId: number | null;
  level: "township" | "village" | "micro_grid";
  name: string;
  isBorder: boolean;
  depth: number;
  childCount: number;
}

/** Indentation per level; full class names so Tailwind finds them. */
const INDENT = ["", "pl-4 sm:pl-8", "pl-8 sm:pl-16"] as const;

export function BorderBadge() {
  const t = useT();
  return <Badge tone="amber">{t("admin.regions.border")}</Badge>;
}

/** The county's regions as an indented list, township → village → micro-grid. */
export function RegionTree({ nodes }: { nodes: RegionTreeNode[] }) {
  const t = useT();
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="region-tree">
      {nodes.map((node) => (
        <li key={node.id} id={`region-${node.id}`} className={`px-3 py-2 ${INDENT[Math.min(node.depth, 2)]}`}>
          <div className={`flex flex-wrap items-center gap-x-2 gap-y-1 ${node.depth > 0 ? "border-l-2 border-slate-200 pl-3" : ""}`}>
            <Link
              to={`/admin/regions/${node.id}`}
              className={`text-brand-700 underline ${node.depth === 0 ? "font-semibold" : ""}`}
            >
              {node.name}
            </Link>
            <Badge tone={node.level === "township" ? "blue" : "slate"}>{t(regionLevelKey(node.level))}</Badge>
            {node.isBorder ? <BorderBadge /> : null}
            {node.childCount > 0 ? (
              <span className="text-xs text-slate-500">{t("admin.regions.childrenCount", { count: node.childCount })}</span>
            ) : null}
            {node.level !== "micro_grid" ? (
              <Link
                to={`/admin/regions?parent=${node.id}#add-region`}
                className="ml-auto text-xs text-brand-700 underline"
              >
                + {t("admin.regions.addChild")}
              </Link>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The nodes that may take children (townships and villages), labelled with their path and level. */
export function parentChoices(nodes: RegionTreeNode[], levelLabel: (level: RegionTreeNode["level"]) => string) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return nodes
    .filter((n) => n.level !== "micro_grid")
    .map((n) => {
      const parent = n.parentId !== null ? byId.get(n.parentId) : undefined;
      const path = parent ? `${parent.name} › ${n.name}` : n.name;
      return { value: String(n.id), label: `${path} · ${levelLabel(n.level)}` };
    });
}
