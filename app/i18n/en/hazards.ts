import type { hazards as zh } from "../zh-CN/hazards";

export const hazards: Record<keyof typeof zh, string> = {
};
