/**
 * Stands in for wxt/browser in the benchmark bundle: answers the background's
 * messages the features send with what the sample workspace would answer, so
 * only the features' own work on the page is measured.
 */
const replies: Record<string, unknown> = {
  'images.forItem': { versions: [], defaultTask: null, canRecord: true },
  'images.observe': [],
  'pricing.allowed': true,
};
export const browser = {
  runtime: {
    sendMessage: async (req: { type: string }): Promise<unknown> => ({ ok: true, data: replies[req.type] ?? null }),
  },
  storage: { onChanged: { addListener: (): void => {}, removeListener: (): void => {} } },
};
