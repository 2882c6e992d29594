/**
 * Where Chokepoint's own pages are: package.json's `repository.url` is the one place every link to
 * the project is built from (rule documentation, SARIF `helpUri` and `informationUri`, `explain`,
 * the report, the sources that cite the project's docs, the JSON Schemas' ids, the Marketplace
 * README's images). The bundler inlines the field; no other file names the project's host.
 */
import { repository } from '../../../package.json';

export const REPOSITORY_URL: string = repository.url;

/** A file of the repository as its host shows it, on the default branch, e.g. `docs/rules/role-collapse.md`. */
export function repositoryFileUrl(path: string): string {
  return `${REPOSITORY_URL}/blob/HEAD/${path}`;
}
