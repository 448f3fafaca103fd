import type { ReactNode } from 'react';

/** A titled part of the pop, with its empty text when there is nothing to list. */
export function PopSection({ title, empty, count, testId, children }: { title: string; empty: string; count: number; testId: string; children: ReactNode }) {
  return (
    <section aria-label={title} data-testid={testId} className="min-w-0">
      <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {title} <span className="font-normal text-slate-400">({count})</span>
      </h4>
      {count === 0 ? <p className="mt-1 text-sm text-slate-500">{empty}</p> : <div className="mt-2">{children}</div>}
    </section>
  );
}

export const TABLE = 'min-w-full divide-y divide-slate-200 text-sm';
export const HEAD = 'bg-slate-50 text-left text-xs font-medium text-slate-500';
export const CELL = 'px-2 py-1.5 align-top';
