import '@/components/sidepanel/sidepanel.css';
import { createRoot } from 'react-dom/client';
import { GanttPageApp } from '@/components/gantt-page/GanttPageApp';

createRoot(document.getElementById('root')!).render(<GanttPageApp />);
