// The smallest Faultline program: a catalog, a thrown error, the response a client would get.
import { defaultErrors, defineErrors, handleError } from '@faultline/core'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

const request = new Request('http://localhost/api/v1/posts/7')
for (const thrown of [errors.create('POST_NOT_FOUND'), new Error('db password is hunter2')]) {
  const response = handleError(thrown, { request, catalog: errors })
  console.log(response.status, response.headers.get('content-type'), await response.text())
}
