import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BenchView } from '../features/bench/BenchView';
import { App } from './App';
import './app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing <div id="root">');
// `?view=bench` is the benchmark page (npm run bench:browser drives it); anything else is the lab.
const view = new URLSearchParams(window.location.search).get('view');
createRoot(root).render(<StrictMode>{view === 'bench' ? <BenchView /> : <App />}</StrictMode>);
