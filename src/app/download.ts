// Saves a text as a file the browser downloads (the answers file, from the save page and from the
// page shown when another failed): nothing leaves the device.
export function downloadFile(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers read the address after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
