import { problemDetails } from '@faultline/core'
import { methodNotAllowed, notFound, readJson, withErrors } from '@faultline/fetch'
import { authorize, errors, failDeclared, failure } from './catalog'
import { knownPost, NewPost } from './schemas'

async function route(request: Request): Promise<Response> {
  const [resource, id, ...rest] = new URL(request.url).pathname.split('/').slice(1)
  const { method } = request
  if (resource === 'posts' && rest.length === 0) {
    if (id === undefined || id === '') {
      if (method !== 'POST') throw methodNotAllowed(['POST'], { catalog: errors })
      return Response.json(await readJson(request, NewPost, { catalog: errors }), { status: 201 })
    }
    if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(['GET'], { catalog: errors })
    if (id !== knownPost.id) throw errors.create('POST_NOT_FOUND', { data: { postId: id } })
    return Response.json(knownPost)
  }
  if (resource === 'drafts' && id === undefined) {
    if (method !== 'POST') throw methodNotAllowed(['POST'], { catalog: errors })
    authorize(request.headers.get('authorization'))
    return Response.json(await readJson(request, NewPost, { catalog: errors }), { status: 201 })
  }
  const failed = resource === 'fail' && rest.length === 0 ? failure(id ?? '') : undefined
  if (failed) return failRoute(request)
  throw notFound({ catalog: errors })
}

/** The `/fail` route, wrapped on its own with what it declares. */
const failRoute = withErrors(
  (request: Request): Response => {
    throw failure(new URL(request.url).pathname.split('/')[2] ?? '')?.thrown
  },
  {
    catalog: errors,
    problemDetails,
    requestId: true,
    declared: failDeclared,
    undeclared: 'fail',
  },
)

/** The conformance routes as a plain Fetch handler wrapped by `withErrors`, Problem Details on. */
export const fetchApp: (request: Request) => Promise<Response> = withErrors(route, {
  catalog: errors,
  problemDetails,
  requestId: true,
})
