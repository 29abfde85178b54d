import type { pacts as zh } from "../zh-CN/pacts";

export const pacts: Record<keyof typeof zh, string> = {
};
