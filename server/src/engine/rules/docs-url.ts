/** Where each rule's documentation page is published. Its own module so the VS Code client can link pages without bundling the rules. */
import { repositoryFileUrl } from '../project-links';

export const DOCS_BASE_URL = repositoryFileUrl('docs/rules');

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}/${id}.md`;
}
