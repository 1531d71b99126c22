import '@/components/kpi/kpi.css';
import { createRoot } from 'react-dom/client';
import { KpiApp } from '@/components/kpi/KpiApp';

createRoot(document.getElementById('root')!).render(<KpiApp />);
