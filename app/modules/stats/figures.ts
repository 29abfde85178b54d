/**
 * The figures of the six workflows (工作统计) for a period, each split by county with the total:
 * for one pact (its member counties) or for the viewer's county across all its pacts and its
 * internal records (the county first, then its partners). The shape the statistics page, the
 * briefing pack of a joint meeting and the exports share. Computed in figures.server.ts inside
 * the access policy.
 */
import type { Workflow } from "~/modules/access/capabilities";

/** The value of the statistics page's scope field (`pact`) that asks for the county view. */
export const COUNTY_SCOPE = "county";

/** How a value reads: a count, a share (0–1), or a median duration. */
export type FigureFormat = "count" | "share" | "minutes" | "days";

/** A calendar period in Beijing time, both ends included (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

export interface Figure {
  /** Stable name, also the i18n key's tail: `stats.figure.<name>`. */
  name: string;
  workflow: Workflow;
  format: FigureFormat;
  /** By county id; null when the value is undefined (a share of nothing, a median of none). */
  byCounty: Record<number, number | null>;
  total: number | null;
  /** The pact's total in the period before, of the same length; null when undefined. */
  previousTotal: number | null;
}

export interface FigureCounty {
  id: number;
  name: string;
  shortCode: string;
}

export interface WorkFigures {
  scope: "pact" | "county";
  /** The pact of a pact view, null for the county view. */
  pactId: number | null;
  /** The pact's title, or the county's name for the county view. */
  title: string;
  period: Period;
  previousPeriod: Period;
  counties: FigureCounty[];
  /** Only the workflows the pact covers (all six for a county) and the viewer's roles may view, in the six's order. */
  figures: Figure[];
}
