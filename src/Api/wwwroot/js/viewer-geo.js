// Viewer page: what the room's reach means for this viewer's region (the `geo` event and JoinRoom's geo).
// Buying follows geo.purchasable in viewer-shop.js; this only explains it.

const NOT_SHOWN = {
  budget_exhausted: 'This stream is no longer shown in your region.',
  excluded: 'This stream is not available in your region.',
  not_targeted: 'This stream is not promoted in your region; you are watching it through a direct link.',
};

/** Shows el when the room is not visible in the viewer's region; hides it otherwise. */
export function renderGeoNotice(el, geo) {
  const shown = !!geo && geo.visible === false;
  let text = '';
  if (shown) {
    text = NOT_SHOWN[geo.reason] ?? 'This stream is not shown in your region.';
    if (geo.purchasable === false) text += ' Buying is not available here.';
  }
  if (el.textContent !== text) el.textContent = text;
  el.hidden = !shown;
  el.dataset.reason = shown ? String(geo.reason ?? '') : '';
}
