// While a scrutiny pack builds, ask for its progress every two seconds and say it in the
// page's live region; reload once the build has finished. Without JavaScript the page's
// "Check progress" link does the same.
const box = document.getElementById("pack-progress");
const text = document.getElementById("pack-progress-text");

async function poll() {
  const response = await fetch(box.dataset.progressUrl, { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const progress = await response.json();
  if (!progress.building) {
    window.location.reload();
    return;
  }
  const note = progress.note ? ` (${progress.note})` : "";
  text.textContent = `${progress.state_label}: ${progress.progress}% done${note}`;
  window.setTimeout(poll, 2000);
}

if (box && text) window.setTimeout(poll, 2000);
