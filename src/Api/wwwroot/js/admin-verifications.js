// The admin page's review queue: pending identity verifications, their documents through
// short-lived links, and approve or reject with a reason.
import { rest } from './api.js';
import { $, el } from './ui.js';

const decide = (token, creatorId, decision, reason) =>
  decision === 'approve' ? rest(token).approveVerification(creatorId) : rest(token).rejectVerification(creatorId, reason);

export function setupVerifications({ getToken, status }) {
  async function refresh() {
    const queue = await rest(getToken()).listVerifications('pending');
    const items = queue.verifications.map(render);
    $('verification-list').replaceChildren(...(items.length ? items : [el('li', 'hint', 'Nothing to review.')]));
  }

  function render(c) {
    const li = el('li', 'verification stack');
    li.dataset.creatorId = c.creatorId;
    li.append(el('strong', '', `${c.legalName} (${c.country}), creator ${c.creatorId}, submitted ${new Date(c.submittedAt).toLocaleString()}`));
    const docs = el('p', 'row');
    for (const d of c.documents) {
      const a = el('a', 'document', d.kind === 'selfie' ? 'Selfie' : 'Document');
      a.href = d.readUrl ?? '#';
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      docs.append(a, ' ');
    }
    li.append(docs);
    const reason = el('input', 'reason');
    reason.maxLength = 500;
    reason.placeholder = 'Reason (needed to reject)';
    reason.setAttribute('aria-label', `Reason for ${c.creatorId}`);
    const approve = el('button', 'approve small primary', 'Approve');
    const reject = el('button', 'reject small', 'Reject');
    for (const [button, decision] of [[approve, 'approve'], [reject, 'reject']]) {
      button.type = 'button';
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          await decide(getToken(), c.creatorId, decision, reason.value.trim());
          status.info(`${c.creatorId}: ${decision === 'approve' ? 'approved' : 'rejected'}.`);
          await refresh();
        } catch (err) {
          status.error(err);
        } finally {
          button.disabled = false;
        }
      });
    }
    const row = el('div', 'row');
    row.append(reason, approve, reject);
    li.append(row);
    return li;
  }

  $('verification-refresh').addEventListener('click', () => refresh().catch((err) => status.error(err)));
  return {
    async show() {
      $('verification-panel').hidden = false;
      await refresh();
    },
    reset() {
      $('verification-panel').hidden = true;
    },
  };
}
