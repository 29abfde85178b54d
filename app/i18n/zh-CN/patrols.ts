/** 社会治安联治：联合巡防与联合活动 */
export const patrols = {
};
