import type { patrols as zh } from "../zh-CN/patrols";

export const patrols: Record<keyof typeof zh, string> = {
};
