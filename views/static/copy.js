// The copy button beside a one-time link: shown only when script runs (the field works without it), copies
// the field's value and says so in the status line beside it. Served from /static under the CSP.
for (const button of document.querySelectorAll('button[data-copy]')) {
  const field = document.getElementById(button.dataset.copy);
  const status = document.getElementById('copy-status');
  if (!field) continue;
  button.hidden = false;
  field.addEventListener('focus', () => field.select());
  button.addEventListener('click', async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      // No clipboard permission (an old browser, or not a secure context): the selected text can be copied.
      document.execCommand('copy');
    }
    if (status) status.textContent = button.dataset.copied ?? '';
  });
}
