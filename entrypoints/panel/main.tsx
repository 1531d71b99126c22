import '@/components/panel/panel.css';
import { createRoot } from 'react-dom/client';
import { PanelApp } from '@/components/panel/PanelApp';

createRoot(document.getElementById('root')!).render(<PanelApp />);
