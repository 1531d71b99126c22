import type { Stage } from '@/lib/domain';
import type { Sop } from '@/lib/collab/model';
import { useRemote } from '../shared/use-remote';
import { Markdown } from './Markdown';
import './collab.css';

/** The SOPs of a task's stage, folded, beside the task editor. */
export function StageSops({ stage }: { stage: Stage | null }): React.JSX.Element | null {
  const sops = useRemote<Sop[]>(stage ? { type: 'sops.list' } : null, [stage]);
  if (!stage) return null;
  const mine = (sops.data ?? []).filter((d) => d.stage === stage);
  if (mine.length === 0) return null;
  return (
    <section className="stage-sops">
      <h3>{stage} SOP</h3>
      {mine.map((d) => (
        <details key={d.id} className="sop">
          <summary>{d.title}</summary>
          <Markdown source={d.body} />
        </details>
      ))}
    </section>
  );
}
