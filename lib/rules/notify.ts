/**
 * Browser notifications for alerts (rule firings, target breaches). Chrome requires an icon for
 * a basic notification; a 32 px orange square (the brand colour) is inlined so nothing is fetched.
 */
const ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAALUlEQVR42u3OIQEAAAwCMCK+fxkeAzMxv/TSpQgICAgICAgICAgICAgICKwDD4tIOIhIz2jiAAAAAElFTkSuQmCC';

interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
}

export function browserNotifier(api: NotificationsApi | undefined): (n: { id: string; title: string; message: string }) => Promise<void> {
  return async (n) => {
    if (!api) return;
    await api.create(n.id.slice(0, 200), { type: 'basic', iconUrl: ICON, title: n.title.slice(0, 100), message: n.message.slice(0, 300) });
  };
}
