import type { disputes as zh } from "../zh-CN/disputes";

export const disputes: Record<keyof typeof zh, string> = {
};
