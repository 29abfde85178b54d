import type { meetings as zh } from "../zh-CN/meetings";

export const meetings: Record<keyof typeof zh, string> = {
};
