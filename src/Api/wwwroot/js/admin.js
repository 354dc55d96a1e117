// Admin page: sign in, see the silos, and hand the Orleans dashboard an admin session.
import { apiFetch } from './api.js';
import { setupVerifications } from './admin-verifications.js';
import { renderShell } from './shell.js';
import { $ } from './ui.js';

const shell = renderShell({
  section: 'Admin',
  storageKey: 'broadcart.admin.session',
  roles: ['admin'],
  defaultUserId: 'admin1',
  hint: 'Development sign-in: works when the API runs with development tokens on.',
  signInLabel: 'Sign in as admin',
});
const { status } = shell;
const DASHBOARD = '/admin/dashboard/';
// The server's sign-in redirect says where the admin was going; nothing else may be named there.
const cameForDashboard = new URLSearchParams(location.search).get('next') === DASHBOARD;

async function openDashboard(token) {
  // The dashboard's own scripts cannot send a bearer header: the server puts the token in a cookie for its path.
  await apiFetch('/api/admin/dashboard/session', { method: 'POST', token });
  location.assign(DASHBOARD);
}

async function showCluster(token) {
  const cluster = await apiFetch('/api/admin/cluster', { token });
  $('cluster-activations').textContent = String(cluster.totalActivations);
  const body = $('cluster-silos').tBodies[0];
  body.replaceChildren(...cluster.silos.map((silo) => {
    const row = document.createElement('tr');
    for (const text of [silo.address, silo.status]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  }));
}

let token = null;
const verifications = setupVerifications({ getToken: () => token, status });

shell.start({
  async onSignedIn(session) {
    token = session.token;
    $('token-form').hidden = true;
    $('cluster-panel').hidden = false;
    try {
      verifications.show().catch((err) => status.error(err)); // the queue must not keep the cluster from showing
      await showCluster(token);
      // A valid token always opens it, and an invalid one stops here with its error: no redirect loop.
      if (cameForDashboard) await openDashboard(token);
    } catch (err) {
      status.error(err);
    }
  },
  onSignedOut() {
    token = null;
    $('token-form').hidden = false;
    $('cluster-panel').hidden = true;
    verifications.reset();
    // Closing the dashboard session too: signing out here must sign out there.
    apiFetch('/api/admin/dashboard/session', { method: 'DELETE' }).catch(() => {});
  },
});

$('open-dashboard').addEventListener('click', async () => {
  try {
    await openDashboard(token);
  } catch (err) {
    status.error(err);
  }
});

$('token-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const pasted = $('token-input').value.trim().replace(/^Bearer\s+/i, '');
  if (!pasted) return status.error({ code: 'validation_failed', message: 'Paste an access token.' });
  $('token-button').disabled = true;
  try {
    await openDashboard(pasted);
  } catch (err) {
    status.error(err);
  } finally {
    $('token-button').disabled = false;
  }
});
