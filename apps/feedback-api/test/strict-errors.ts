import { vi } from 'vitest'

// Under test, an error an operation did not declare (src/errors-per-route.ts) is a 500, so a
// declaration that drifts from what the code answers fails the tests that see it.
vi.mock(import('../src/surfaces/undeclared'), () => ({ undeclared: 'fail' as const }))
