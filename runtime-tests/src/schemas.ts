import { z } from 'zod'

/** The body of `POST /posts` (and the input of `post.create`) in every app. */
export const NewPost = z.object({
  title: z.string().min(3),
  tags: z.array(z.string()),
})

/** The post every app knows: any other id is `POST_NOT_FOUND`. */
export const knownPost = { id: '7', title: 'Dark mode' } as const
