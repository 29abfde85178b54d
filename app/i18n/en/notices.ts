import type { notices as zh } from "../zh-CN/notices";

export const notices: Record<keyof typeof zh, string> = {
};
