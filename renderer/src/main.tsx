import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The base first: each feature's CSS (imported beside its component) comes after it and wins
// over the shared rules at equal specificity, as a feature's own rules should.
import './styles.css';
import { App } from './app';
import { bridge } from './bridge';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App api={bridge()} />
  </StrictMode>,
);
