// Faultline core alone: a catalog and a Worker that renders an error with handleError.
import { defaultErrors, defineErrors, handleError } from '@faultline/core'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

export default {
  fetch(request) {
    try {
      throw errors.create('POST_NOT_FOUND')
    } catch (thrown) {
      return handleError(thrown, { request, catalog: errors })
    }
  },
}
