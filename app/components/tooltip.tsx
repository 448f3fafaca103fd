import { useId, type ReactNode } from 'react';

/**
 * A short explanation shown on hover and on keyboard focus; the trigger is a button so it can be
 * focused, and names the tip with aria-describedby so screen readers read it too.
 */
export function Tooltip({ tip, children, testId }: { tip: ReactNode; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <span className="group relative inline-flex">
      <button type="button" aria-describedby={id} className="cursor-help rounded-full focus:ring-2 focus:ring-indigo-500/40 focus:outline-none">
        {children}
      </button>
      <span
        role="tooltip"
        id={id}
        data-testid={testId}
        className="pointer-events-none invisible absolute top-full left-0 z-10 mt-1 w-64 rounded-md bg-slate-900 px-3 py-2 text-xs font-normal text-white shadow-lg group-focus-within:visible group-hover:visible"
      >
        {tip}
      </span>
    </span>
  );
}
