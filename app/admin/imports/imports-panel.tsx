'use client';

import { useState } from 'react';
import { ImportForm } from './import-form';
import { RecentImports } from './recent-imports';

/** The import form and the list of recent imports, which reloads when an import finishes. */
export function ImportsPanel() {
  const [finished, setFinished] = useState(0);
  return (
    <>
      <ImportForm onFinished={() => setFinished((n) => n + 1)} />
      <RecentImports refresh={finished} />
    </>
  );
}
