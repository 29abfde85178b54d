import type { home as zh } from "../zh-CN/home";

export const home: Record<keyof typeof zh, string> = {
};
