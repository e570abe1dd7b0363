import { useEffect, useRef, useState } from "preact/hooks";
import { errorBody, libraryList, uiReady } from "../api";
import type { Category, Difficulty, ErrorBody, Facets, LibraryPage, ProblemQuery } from "../bindings/commands";
import { ErrorBanner } from "../components/ErrorBanner";
import { capitalise } from "../lib/format";

/** Rows shown at once; the counts still cover every match. */
const PAGE = 200;

const STATUS_MARK = { new: "", attempted: "◐", solved: "✓" } as const;

let reportedReady = false;

export function LibraryView({ facets, onOpen }: { facets: Facets; onOpen: (slug: string) => void }) {
  const [query, setQuery] = useState<ProblemQuery>({ search: null, difficulty: null, category: null, company: null, limit: PAGE });
  const [page, setPage] = useState<LibraryPage | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const labels = new Map(facets.categories.map((c) => [c.id, c.label]));

  useEffect(() => {
    let stale = false;
    libraryList(query)
      .then((p) => {
        if (stale) return;
        setPage(p);
        setError(null);
        if (!reportedReady) {
          reportedReady = true;
          uiReady("library", null).catch(() => undefined);
        }
      })
      .catch((e) => !stale && setError(errorBody(e)));
    return () => {
      stale = true;
    };
  }, [query]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "/" && document.activeElement !== search.current) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const set = (patch: Partial<ProblemQuery>) => setQuery((q) => ({ ...q, ...patch }));
  const counts = page?.counts;

  return (
    <section class="library">
      <div class="filters">
        <input
          ref={search}
          type="search"
          placeholder="Search problems  ( / )"
          aria-label="Search problems"
          data-testid="search"
          value={query.search ?? ""}
          onInput={(e) => set({ search: (e.target as HTMLInputElement).value || null })}
        />
        <select aria-label="Difficulty" data-testid="filter-difficulty" onChange={(e) => set({ difficulty: ((e.target as HTMLSelectElement).value || null) as Difficulty | null })}>
          <option value="">All difficulties</option>
          <option value="easy">Easy</option>
          <option value="medium">Medium</option>
          <option value="hard">Hard</option>
        </select>
        <select aria-label="Category" data-testid="filter-category" onChange={(e) => set({ category: ((e.target as HTMLSelectElement).value || null) as Category | null })}>
          <option value="">All categories</option>
          {facets.categories.map((c) => (
            <option value={c.id} key={c.id}>
              {c.label} ({c.count})
            </option>
          ))}
        </select>
        <select aria-label="Company" data-testid="filter-company" onChange={(e) => set({ company: (e.target as HTMLSelectElement).value || null })}>
          <option value="">All companies</option>
          {facets.companies.map((c) => (
            <option value={c} key={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <ErrorBanner error={error} />
      {counts && (
        <p class="counts" data-testid="counts">
          {counts.total} problems · {counts.easy} easy · {counts.medium} medium · {counts.hard} hard · {counts.solved} solved
        </p>
      )}
      <table class="problems" data-testid="problem-table">
        <thead>
          <tr>
            <th class="status" title="Solved (✓) or attempted (◐)">
              <span class="sr-only">Status</span>
            </th>
            <th>Title</th>
            <th>Difficulty</th>
            <th>Categories</th>
          </tr>
        </thead>
        <tbody>
          {page?.problems.map((p) => (
            <tr key={p.slug} data-testid="problem-row" data-slug={p.slug} tabIndex={0} onClick={() => onOpen(p.slug)} onKeyDown={(e) => e.key === "Enter" && onOpen(p.slug)}>
              <td class={`status ${p.status}`} title={capitalise(p.status)}>
                {STATUS_MARK[p.status]}
              </td>
              <td class="title">{p.title}</td>
              <td>
                <span class={`badge ${p.difficulty}`}>{capitalise(p.difficulty)}</span>
              </td>
              <td class="muted">{p.categories.map((c) => labels.get(c) ?? c).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && page.problems.length === 0 && <p class="empty">No problem matches these filters.</p>}
      {page && page.problems.length < page.counts.total && (
        <p class="empty">
          Showing the first {page.problems.length} of {page.counts.total}; refine the search to see the rest.
        </p>
      )}
    </section>
  );
}
