import DOMPurify from "dompurify";
import { marked } from "marked";

/** Renders a problem statement to HTML with scripts, handlers and foreign URLs stripped. */
export function renderMarkdown(md: string): string {
  const html = marked.parse(md, { async: false, gfm: true }) as string;
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: ["style", "iframe", "form", "input", "object", "embed"],
    ALLOWED_URI_REGEXP: /^(?:#|data:image\/)/i,
  });
}
