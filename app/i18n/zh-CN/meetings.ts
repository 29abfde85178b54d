/** 平安边界联创：联席会议、会议材料与督办事项 */
export const meetings = {
};
