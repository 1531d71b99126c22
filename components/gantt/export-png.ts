import { drawGantt, type Scene } from './draw';
import { exportSize } from './labels';
import { timelineWidth } from './layout';
import { METRICS } from './metrics';

export type ExportScene = Omit<Scene, 'width' | 'height' | 'textCache'>;

/**
 * Draws the whole chart on a fresh canvas and encodes it as PNG. A chart larger than the export
 * limit starts at the rows and days currently in view.
 */
export function renderPng(scene: ExportScene): Promise<Blob | null> {
  const fullW = METRICS.labelWidth + timelineWidth(scene.model, scene.scale);
  const fullH = METRICS.headerHeight + scene.model.rows.length * METRICS.rowHeight;
  const size = exportSize(fullW, fullH);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.resolve(null);
  const bodyW = size.width - METRICS.labelWidth;
  const bodyH = size.height - METRICS.headerHeight;
  drawGantt(ctx, {
    ...scene,
    width: size.width,
    height: size.height,
    scrollLeft: size.clipped ? Math.max(0, Math.min(scene.scrollLeft, fullW - METRICS.labelWidth - bodyW)) : 0,
    scrollTop: size.clipped ? Math.max(0, Math.min(scene.scrollTop, fullH - METRICS.headerHeight - bodyH)) : 0,
    textCache: new Map(),
  });
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/** `renderPng`, then save it through a temporary download link. */
export async function downloadPng(scene: ExportScene, filename: string): Promise<Blob | null> {
  const blob = await renderPng(scene);
  if (!blob) return null;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return blob;
}
