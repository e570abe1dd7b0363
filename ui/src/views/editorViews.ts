// The views that carry the editor (most of the bundle), loaded when first needed.
export { ProblemPage } from "./Problem";
export { InterviewRoom } from "./Interview";
