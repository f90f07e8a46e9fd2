import { FALLBACK_CONFIG, type PageConfig } from './api.js';

/** The configuration the server put in the page as a JSON island (never as markup or script). */
export function readIslandConfig(doc: Document): PageConfig | undefined {
  const text = doc.getElementById('faces-config')?.textContent;
  if (text === undefined || text === null || text.trim() === '') return undefined;
  try {
    return { ...FALLBACK_CONFIG, ...(JSON.parse(text) as Partial<PageConfig>) };
  } catch {
    return undefined;
  }
}
