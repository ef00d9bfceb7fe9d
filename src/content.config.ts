/**
 * Content collections. Content lives in the top-level `content/` folder (or in `OFFLABEL_CONTENT_DIR`, which
 * the tests and benchmarks point at fixture or generated folders).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { glossarySchema } from './schemas/glossary.ts';
import { primerSchema } from './schemas/primer.ts';
import { drugSchema } from './schemas/drug.ts';
import { meetingSchema } from './schemas/meeting.ts';
import { requesterSchema } from './schemas/requester.ts';
import { companySchema } from './schemas/company.ts';
import { requestSchema } from './schemas/request.ts';
import { requestLoader } from './loaders/request-loader.ts';

const contentDir = process.env.OFFLABEL_CONTENT_DIR ?? './content';

/**
 * Requests (要望): one MDX file per request, read by a loader of our own that keeps the MDX body as text
 * (see src/loaders/request-loader.ts). Read only by `src/lib/requests.ts`.
 */
const requests = defineCollection({
  loader: requestLoader({ contentDir }),
  schema: requestSchema,
});

/** Primer chapters: `content/primer/<lang>/<slug>.mdx`. Read only by `src/lib/primer.ts`. */
const primer = defineCollection({
  loader: glob({ base: `${contentDir}/primer`, pattern: '{ja,en}/*.mdx' }),
  schema: primerSchema,
});

/** Glossary terms: one YAML file per term. Read only by `src/lib/glossary.ts`. */
const glossary = defineCollection({
  loader: glob({ base: `${contentDir}/glossary`, pattern: '*.yaml' }),
  schema: glossarySchema,
});

/** The requester registry: one YAML file per requester. Read only by `src/lib/requesters.ts`. */
const requesters = defineCollection({
  loader: glob({ base: `${contentDir}/requesters`, pattern: '*.yaml' }),
  schema: requesterSchema,
});

/** The company registry: one YAML file per company. Read only by `src/lib/companies.ts`. */
const companies = defineCollection({
  loader: glob({ base: `${contentDir}/companies`, pattern: '*.yaml' }),
  schema: companySchema,
});

/** Council meetings: one YAML file per meeting, `council-<number>.yaml`. Read only by `src/lib/meetings.ts`. */
const meetings = defineCollection({
  loader: glob({ base: `${contentDir}/meetings`, pattern: '*.yaml' }),
  schema: meetingSchema,
});

/** The drug registry: one YAML file per ingredient (ATC codes, English brands). Read only by `src/lib/drugs.ts`. */
const drugs = defineCollection({
  loader: glob({ base: `${contentDir}/drugs`, pattern: '*.yaml' }),
  schema: drugSchema,
});

export const collections = { requests, primer, glossary, requesters, companies, meetings, drugs };
