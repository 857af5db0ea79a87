// Faultline core + the fetch adapter: withErrors plus a JSON body read and validated with
// readJson. The schema is a minimal Standard Schema written by hand, so that no validator
// library is counted.
import { defaultErrors, defineErrors } from '@faultline/core'
import { readJson, withErrors } from '@faultline/fetch'

const errors = defineErrors({
  ...defaultErrors,
  POST_NOT_FOUND: { status: 404, message: 'Post not found' },
})

const NewPost = {
  '~standard': {
    version: 1,
    vendor: 'bench',
    validate: (value) =>
      typeof value?.title === 'string'
        ? { value }
        : { issues: [{ message: 'Expected a title', path: ['title'] }] },
  },
}

export default {
  fetch: withErrors(
    async (request) =>
      Response.json(await readJson(request, NewPost, { catalog: errors }), { status: 201 }),
    { catalog: errors },
  ),
}
