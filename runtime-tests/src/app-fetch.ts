import { methodNotAllowed, notFound, readJson, withErrors } from '@faultline/fetch'
import { errors, failure } from './catalog'
import { knownPost, NewPost } from './schemas'

async function route(request: Request): Promise<Response> {
  const [resource, id, ...rest] = new URL(request.url).pathname.split('/').slice(1)
  if (resource === 'posts' && rest.length === 0) {
    if (id === undefined || id === '') {
      if (request.method !== 'POST') throw methodNotAllowed(['POST'], { catalog: errors })
      return Response.json(await readJson(request, NewPost, { catalog: errors }), { status: 201 })
    }
    if (request.method !== 'GET') throw methodNotAllowed(['GET'], { catalog: errors })
    if (id !== knownPost.id) throw errors.create('POST_NOT_FOUND', { data: { postId: id } })
    return Response.json(knownPost)
  }
  const failed = resource === 'fail' && rest.length === 0 ? failure(id ?? '') : undefined
  if (failed) throw failed.thrown
  throw notFound({ catalog: errors })
}

/** The conformance routes as a plain Fetch handler wrapped by `withErrors`. */
export const fetchApp: (request: Request) => Promise<Response> = withErrors(route, {
  catalog: errors,
  requestId: true,
})
