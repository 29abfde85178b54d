/** 民生事业联动：联建项目与节点 */
export const projects = {
};
