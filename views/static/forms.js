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

// The unit field: as the caseworker types, ask the server which reference units the text matches (POST, so the
// text stays out of URLs and logs) and say so under the field. Without script the datalist still offers names.
for (const input of document.querySelectorAll('input[data-suggest]')) {
  const out = document.getElementById(input.dataset.suggest);
  const token = input.form?.querySelector('input[name="_csrf"]')?.value ?? '';
  let timer;
  let asked = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      const mine = ++asked;
      if (q.length < 2) {
        out.textContent = '';
        return;
      }
      try {
        const res = await fetch('/units/suggest', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': token },
          body: new URLSearchParams({ q }),
          credentials: 'same-origin',
        });
        if (!res.ok || mine !== asked) return;
        const { units } = await res.json();
        const names = units.map((u) => (u.detail ? `${u.name} (${u.detail})` : u.name));
        out.textContent = names.length
          ? out.dataset.found.replace('{names}', names.join('; '))
          : out.dataset.none;
      } catch {
        out.textContent = '';
      }
    }, 250);
  });
}

// Long texts: how many of the allowed characters are used, as he types (the limit itself is stated under the
// label without script; the server refuses a longer text and keeps it in the field).
for (const input of document.querySelectorAll('[data-max][data-counter]')) {
  const out = document.getElementById(input.dataset.counter);
  const max = Number(input.dataset.max);
  const show = () => {
    const count = input.value.trim().length;
    out.textContent = out.dataset.template.replace('{count}', String(count)).replace('{max}', String(max));
    out.classList.toggle('over', count > max);
  };
  input.addEventListener('input', show);
  show();
}
