// With script, the upload form sends each chosen file in its own request and shows its progress; without
// script the same form posts every file at once. Served from /static under the CSP (no inline script).
for (const form of document.querySelectorAll('form.upload-form')) {
  const area = form.querySelector('.upload-progress');
  const label = area.dataset.progressLabel;
  const chosen = () => [...form.querySelectorAll('input[type=file]')].flatMap((input) => [...input.files]);

  const send = (file) =>
    new Promise((resolve) => {
      const data = new FormData();
      for (const name of ['_csrf', 'target', 'kind', 'caption']) data.append(name, form.elements[name].value);
      data.append('files', file, file.name);
      const row = document.createElement('p');
      const bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      row.textContent = label.replace('{name}', file.name);
      row.append(bar);
      area.append(row);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 100);
      });
      xhr.addEventListener('loadend', () => {
        let results = [];
        try {
          results = JSON.parse(xhr.responseText).results || [];
        } catch {
          results = [{ ok: false, message: `${file.name}: ${xhr.status || ''}` }];
        }
        bar.value = 100;
        row.textContent = results.map((r) => r.message).join(' ');
        if (results.some((r) => !r.ok)) row.className = 'error';
        resolve(results.every((r) => r.ok));
      });
      xhr.send(data);
    });

  form.addEventListener('submit', async (event) => {
    const files = chosen();
    if (files.length === 0) return; // the server answers with the message beside the field
    event.preventDefault();
    area.replaceChildren();
    form.querySelector('button[type=submit]').disabled = true;
    let allOk = true;
    for (const file of files) allOk = (await send(file)) && allOk;
    if (allOk) window.location.assign(form.action);
    else form.querySelector('button[type=submit]').disabled = false;
  });
}
