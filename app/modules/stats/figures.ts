/**
 * The figures of the six workflows (工作统计) for a pact and a period, each split by member
 * county with the pact's total: the shape the statistics page, the briefing pack of a joint
 * meeting and the exports share. Computed in figures.server.ts inside the access policy.
 */
import type { Workflow } from "~/modules/access/capabilities";

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

export interface PactFigures {
  pactId: number;
  pactTitle: string;
  period: Period;
  previousPeriod: Period;
  counties: FigureCounty[];
  /** Only the workflows the pact covers and the viewer's roles may view, in the six's order. */
  figures: Figure[];
}
