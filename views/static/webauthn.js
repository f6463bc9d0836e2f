// Passkeys: the browser's half of WebAuthn, served by the app itself (no outside script). A form marked
// data-passkey="register" or "authenticate" asks the server for a challenge, asks the browser for a passkey,
// puts the browser's answer into the form's hidden field and sends the form. Without script, or in a browser
// without WebAuthn, these forms stay hidden and the code forms work as before.
(() => {
  if (!window.PublicKeyCredential || !navigator.credentials) return;

  const fromB64url = (text) => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  };
  const toB64url = (buffer) => {
    let binary = '';
    for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  const withIds = (list) => (list || []).map((c) => ({ ...c, id: fromB64url(c.id) }));

  async function register(options) {
    const credential = await navigator.credentials.create({
      publicKey: {
        ...options,
        challenge: fromB64url(options.challenge),
        user: { ...options.user, id: fromB64url(options.user.id) },
        excludeCredentials: withIds(options.excludeCredentials),
      },
    });
    const r = credential.response;
    return {
      id: credential.id,
      rawId: toB64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: {
        clientDataJSON: toB64url(r.clientDataJSON),
        attestationObject: toB64url(r.attestationObject),
        transports: typeof r.getTransports === 'function' ? r.getTransports() : [],
      },
    };
  }

  async function authenticate(options) {
    const credential = await navigator.credentials.get({
      publicKey: {
        ...options,
        challenge: fromB64url(options.challenge),
        allowCredentials: withIds(options.allowCredentials),
      },
    });
    const r = credential.response;
    return {
      id: credential.id,
      rawId: toB64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: {
        clientDataJSON: toB64url(r.clientDataJSON),
        authenticatorData: toB64url(r.authenticatorData),
        signature: toB64url(r.signature),
        userHandle: r.userHandle ? toB64url(r.userHandle) : undefined,
      },
    };
  }

  for (const note of document.querySelectorAll('[data-passkey-unsupported]')) note.hidden = true;
  for (const form of document.querySelectorAll('form[data-passkey]')) {
    form.hidden = false;
    const output = form.querySelector('[data-passkey-output]');
    const status = form.querySelector('[data-passkey-status]');
    form.addEventListener('submit', async (event) => {
      if (output.value) return;
      event.preventDefault();
      status.textContent = '';
      try {
        const body = new URLSearchParams({ _csrf: form.elements._csrf.value, purpose: form.dataset.passkey });
        const response = await fetch('/two-factor/passkey-options', {
          method: 'POST',
          body,
          credentials: 'same-origin',
        });
        if (!response.ok) throw new Error(String(response.status));
        const options = await response.json();
        const answer =
          form.dataset.passkey === 'register' ? await register(options) : await authenticate(options);
        output.value = JSON.stringify(answer);
        form.submit();
      } catch {
        status.textContent = status.dataset.failed;
      }
    });
  }
})();
