/**
 * shared/validation: what is wrong with a set of Kubernetes objects, as Problems (severity, object,
 * field path, message, fix hint), sorted and stable. See ./README.md for the checks.
 */
export { validateObjects, hasErrors } from './validate';
export { compareProblems } from './problem';
export { validateSourced, formatProblem, formatReport } from './report';
export type { Problem, Severity } from './types';
export type { LocatedProblem, SourcedObject, ValidationReport } from './report';
