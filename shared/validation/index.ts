/**
 * shared/validation: what is wrong with a set of Kubernetes objects, as Problems (severity, object,
 * field path, message, fix hint), sorted and stable. See ./README.md for the checks.
 */
export { validateObjects } from './validate';
export { compareProblems } from './problem';
export { validateSourced, formatReport, formatProblem } from './report';
export type { Problem } from './types';
export type { SourcedObject } from './report';
