/**
 * Content collections. Content lives in the top-level `content/` folder (or in `OFFLABEL_CONTENT_DIR`, which
 * the tests and benchmarks point at fixture or generated folders).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { requestSchema } from './schemas/request.ts';

const contentDir = process.env.OFFLABEL_CONTENT_DIR ?? './content';

/** Requests (要望): one MDX file per request. Read only by `src/lib/requests.ts`. */
const requests = defineCollection({
  loader: glob({ base: `${contentDir}/requests`, pattern: '**/*.mdx' }),
  schema: requestSchema,
});

export const collections = { requests };
