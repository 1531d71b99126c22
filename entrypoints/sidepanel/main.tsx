import '@/components/sidepanel/sidepanel.css';
import { createRoot } from 'react-dom/client';
import { App } from '@/components/sidepanel/App';

createRoot(document.getElementById('root')!).render(<App />);
