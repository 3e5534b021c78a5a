import { createRoot } from 'react-dom/client';
import { connect } from './api/client.ts';
import { createI18n } from './i18n/i18n.ts';
import { Root } from './root.tsx';

// Connect first: in browser mode this takes the launch token out of the address bar before anything renders.
const connection = connect();
const i18n = createI18n();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(<Root api={connection.kind === 'no-token' ? null : connection.api} i18n={i18n} />);
