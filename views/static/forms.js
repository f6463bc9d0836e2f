// Asks before leaving a case form whose typed values are not saved yet. The forms work the same without
// script; this only adds the browser's own "leave this page?" question. Served from /static under the CSP.
for (const form of document.querySelectorAll('form.case-form')) {
  let unsaved = false;
  const changed = () => {
    unsaved = true;
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', () => {
    unsaved = false;
  });
  window.addEventListener('beforeunload', (event) => {
    if (unsaved) event.preventDefault();
  });
}
