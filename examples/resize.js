// Host page side of the iframe embed: accept only a number from the widget's origin
// and use it as the frame's height.
window.addEventListener('message', (event) => {
  const frame = document.getElementById('kyodo-check-frame');
  if (!frame || event.source !== frame.contentWindow) return;
  if (event.origin !== new URL(frame.src, location.href).origin) return;
  if (typeof event.data === 'number' && event.data > 0 && event.data < 100000) {
    frame.style.height = `${Math.ceil(event.data) + 16}px`;
  }
});
