import { useState } from 'react';
import type { WorkspaceState } from '@/lib/workspace/types';
import { GanttWorkspace, optionsFromParams, paramsOf } from '../gantt-page/GanttWorkspace';

/** The Gantt tab of the side panel; "在新标签页打开" opens the same view full-page (gantt.html). */
export function GanttView({ state, today, params, go }: { state: WorkspaceState; today: string; params: URLSearchParams; go: (to: string) => void }): React.JSX.Element {
  // The side panel is narrow: a week scale shows a few weeks at once.
  const initial = optionsFromParams(params, state.projects.map((p) => p.id), 'week');
  const [query, setQuery] = useState(paramsOf(initial));
  return (
    <div className="page">
      <GanttWorkspace
        state={state}
        today={today}
        initial={initial}
        layout="narrow"
        height={360}
        onOptionsChange={(o) => setQuery(paramsOf(o))}
        onOpenTask={(id) => go(`task?id=${id}`)}
        toolbarExtra={
          <a className="small" href={`gantt.html#${query}`} target="_blank" rel="noopener" data-action="open-gantt-page">
            在新标签页打开 Open in a tab ↗
          </a>
        }
      />
    </div>
  );
}
