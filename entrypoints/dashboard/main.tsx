import '@/components/sidepanel/sidepanel.css';
import '@/components/dashboard/dashboard.css';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from '@/components/dashboard/DashboardApp';

createRoot(document.getElementById('root')!).render(<DashboardApp />);
