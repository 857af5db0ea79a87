/**
 * What a surface does with an error its operation did not declare (`src/errors-per-route.ts`):
 * in production `'answer'`, as it is, reported with `undeclared: true` and logged. The demo's
 * tests mock this module to `'fail'` (`test/strict-errors.ts`): such an error is then a 500, so
 * a declaration that drifts from the code fails them.
 */
export const undeclared: 'answer' | 'fail' = 'answer'
