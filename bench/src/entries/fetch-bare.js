// A bare Worker: the baseline of the router-less entries.
export default {
  fetch: () =>
    Response.json({ code: 'POST_NOT_FOUND', message: 'Post not found' }, { status: 404 }),
}
