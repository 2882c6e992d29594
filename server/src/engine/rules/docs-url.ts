/** Where each rule's documentation page is published. Its own module so the VS Code client can link pages without bundling the rules. */
export const DOCS_BASE_URL = 'https://github.com/chokepoint-dev/chokepoint/blob/main/docs/rules';

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}/${id}.md`;
}
