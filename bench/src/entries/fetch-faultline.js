// Faultline core + the fetch adapter: a catalog and a Worker wrapped in withErrors.
import { defaultErrors, defineErrors } from '@faultline/core'
import { withErrors } from '@faultline/fetch'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

export default {
  fetch: withErrors(
    () => {
      throw errors.create('POST_NOT_FOUND')
    },
    { catalog: errors },
  ),
}
