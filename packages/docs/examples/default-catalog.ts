import { defaultErrors, defineErrors } from '@faultline/core'

/** The core's default catalog, which examples/default-errors.md documents. */
export const errors = defineErrors(defaultErrors)
