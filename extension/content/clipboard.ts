// Copy from a content script: the async Clipboard API first; where the page's permissions
// policy or focus rules refuse it, the old execCommand('copy') on a textarea inside our own
// shadow root (still a user gesture: this runs from the Copy button's click).

export async function copyText(text: string, scratchParent: ShadowRoot | HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0';
    scratchParent.append(area);
    area.select();
    let ok: boolean;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}
