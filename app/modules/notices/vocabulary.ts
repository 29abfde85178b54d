/** Words and limits of the case-notice workflow (刑事犯罪联打). */
export { HANDLING_CODES, NOTICE_KINDS, NOTICE_RESULTS, NOTICE_URGENCIES } from "~db/schema/notices";
export type { NoticeStatus, NoticeAction } from "./machine";

export const MAX_VEHICLES = 5;
export const TEXT_MAX = 2000;
export const SHORT_MAX = 100;
export const NOTE_MAX = 1000;
