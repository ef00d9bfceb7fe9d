/** The company query module: the only place that reads the `companies` collection (`content/companies/`). */
import { getCollection } from 'astro:content';
import { createCompanyIndex, type CompanyEntry, type CompanyIndex } from './company-registry.ts';

/** The registry as the matching needs it. */
export const companyEntries: CompanyEntry[] = (await getCollection('companies')).map((entry) => ({ id: entry.id, ...entry.data }));

/** Resolves the company names of a list or form to registry entries. */
export const companyIndex: CompanyIndex = createCompanyIndex(companyEntries);
