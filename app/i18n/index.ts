import { admin as enAdmin } from "./en/admin";
import { auth as enAuth } from "./en/auth";
import { common as enCommon } from "./en/common";
import { disputes as enDisputes } from "./en/disputes";
import { hazards as enHazards } from "./en/hazards";
import { home as enHome } from "./en/home";
import { meetings as enMeetings } from "./en/meetings";
import { notices as enNotices } from "./en/notices";
import { pactAmendments as enPactAmendments } from "./en/pact-amendments";
import { pacts as enPacts } from "./en/pacts";
import { patrols as enPatrols } from "./en/patrols";
import { projects as enProjects } from "./en/projects";
import { records as enRecords } from "./en/records";
import { search as enSearch } from "./en/search";
import { secondFactor as enSecondFactor } from "./en/second-factor";
import { stats as enStats } from "./en/stats";
import { admin } from "./zh-CN/admin";
import { auth } from "./zh-CN/auth";
import { common } from "./zh-CN/common";
import { disputes } from "./zh-CN/disputes";
import { hazards } from "./zh-CN/hazards";
import { home } from "./zh-CN/home";
import { meetings } from "./zh-CN/meetings";
import { notices } from "./zh-CN/notices";
import { pactAmendments } from "./zh-CN/pact-amendments";
import { pacts } from "./zh-CN/pacts";
import { patrols } from "./zh-CN/patrols";
import { projects } from "./zh-CN/projects";
import { records } from "./zh-CN/records";
import { search } from "./zh-CN/search";
import { secondFactor } from "./zh-CN/second-factor";
import { stats } from "./zh-CN/stats";

/**
 * The interface speaks Simplified Chinese first and English second. Each area keeps its words in
 * one file per language; the English files are typed by the Chinese ones, so keys stay identical.
 */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

const zhCN = { ...common, ...auth, ...admin, ...pacts, ...pactAmendments, ...home, ...records, ...hazards, ...search, ...disputes, ...notices,
  ...patrols, ...meetings, ...projects, ...stats, ...secondFactor };
export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  ...enCommon, ...enAuth, ...enAdmin, ...enPacts, ...enPactAmendments, ...enHome, ...enRecords, ...enHazards, ...enSearch, ...enDisputes, ...enNotices,
  ...enPatrols, ...enMeetings, ...enProjects, ...enStats, ...enSecondFactor,
};

export const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function translator(locale: Locale): Translate {
  const dictionary = DICTIONARIES[locale];
  return (key, params) => {
    const text = dictionary[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
  };
}

const TIME_ZONE = "Asia/Shanghai";

// Building an Intl.DateTimeFormat costs far more than formatting with one (it loads locale
// data): each formatter is made once per locale and reused, which pages with long threads and
// lists call hundreds of times per request.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = make()));
  return made;
}

/** 2026年11月22日 14:05 (zh-CN) or Nov 22, 2026, 14:05 (en), in Beijing time. */
export function formatDateTime(ms: number, locale: Locale): string {
  return formatter(`dateTime:${locale}`, () =>
    new Intl.DateTimeFormat(locale, {
      timeZone: TIME_ZONE,
      year: "numeric",
      month: locale === "zh-CN" ? "long" : "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }),
  ).format(ms);
}

/** 2026年11月22日 for a calendar date string YYYY-MM-DD. */
export function formatDate(isoDate: string, locale: Locale): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return formatter(`date:${locale}`, () =>
    new Intl.DateTimeFormat(locale, {
      timeZone: "UTC",
      year: "numeric",
      month: locale === "zh-CN" ? "long" : "short",
      day: "numeric",
    }),
  ).format(Date.UTC(y, m - 1, d));
}

/** Today's calendar date in Beijing, as YYYY-MM-DD. */
export function todayInChina(now = Date.now()): string {
  return formatter("today", () => new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE })).format(now);
}
